import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveIntake } from "@/server/ingest/listener";
import { OWN_LISTENER } from "@/server/security/install-client-address";
import { closeTestDatabase, createTestDatabase } from "@/server/testing/db";
import { answerTrpcDirect, handleTrpc, MAX_BODY_BYTES } from "./http";

let server: http.Server;
let base: string;
beforeAll(async () => {
  await createTestDatabase();
  server = http.createServer((req, res) => void answerTrpcDirect(req, res));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  await closeTestDatabase();
});

/** A GET of a batch, straight over a socket (no automatic decompression), and the same through the Next route's handler. */
function get(path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    http
      .get(`${base}${path}`, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on("error", reject);
  });
}

const batch = (calls: [string, unknown][]) => {
  const input = Object.fromEntries(calls.map(([, i], n) => [n, superjson.serialize(i)]));
  return `/api/trpc/${calls.map(([p]) => p).join(",")}?batch=1&input=${encodeURIComponent(JSON.stringify(input))}`;
};

describe("the console's API answered before Next routes it", () => {
  it("answers a batch exactly as the Next route's handler does, with the API's security headers and a request id", async () => {
    const path = batch([
      ["me.branding", undefined],
      ["me.session", undefined],
      ["sla.banner", undefined],
    ]);
    const direct = await get(path);
    const viaRoute = await handleTrpc(new Request(`http://localhost${path}`));
    expect(direct.status).toBe(viaRoute.status);
    // Signed out: branding answers, the two signed-in reads are refused as they are through Next.
    expect(direct.status).toBe(207);
    // The same answer (a development build puts each error's stack in, which differs by the caller's frames).
    const noStack = (text: string) => JSON.parse(text, (k, v) => (k === "stack" ? undefined : v));
    expect(noStack(direct.body.toString())).toEqual(noStack(await viaRoute.text()));
    expect(direct.headers["content-type"]).toBe("application/json");
    expect(direct.headers["content-security-policy"]).toBe(
      "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    );
    expect(direct.headers["x-frame-options"]).toBe("DENY");
    expect(direct.headers["x-content-type-options"]).toBe("nosniff");
    expect(direct.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    expect((await get(path, { "x-request-id": "lb-1234567890" })).headers["x-request-id"]).toBe("lb-1234567890");
  });

  it("gzips an answer of 1 KB or more when the client accepts it, and only then", async () => {
    const path = batch(Array.from({ length: 12 }, () => ["sla.banner", undefined] as [string, unknown]));
    const plain = await get(path);
    expect(plain.body.length).toBeGreaterThan(1024);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    const zipped = await get(path, { "accept-encoding": "gzip, deflate, br" });
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    expect(zipped.headers.vary).toMatch(/(^|, )Accept-Encoding$/);
    expect(Number(zipped.headers["content-length"])).toBe(zipped.body.length);
    expect(zlib.gunzipSync(zipped.body).toString()).toBe(plain.body.toString());
    const small = await get(batch([["me.branding", undefined]]), { "accept-encoding": "gzip" });
    expect(small.headers["content-encoding"]).toBeUndefined();
  });

  it("takes a mutation's body and refuses one over the limit with 413, without reading it whole", async () => {
    const signedOut = await fetch(`${base}/api/trpc/incidents.acknowledge?batch=1`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ 0: { json: { incidentId: crypto.randomUUID() } } }),
    });
    expect(signedOut.status).toBe(401);
    // Only the headers are sent: the declared size alone is refused, before any of the body is read.
    const refused = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(`${base}/api/trpc/incidents.acknowledge?batch=1`, {
        method: "POST",
        headers: { "content-type": "application/json", "content-length": String(MAX_BODY_BYTES + 10) },
      });
      req.on("response", (res) => {
        let text = "";
        res.on("data", (c: Buffer) => {
          text += c.toString();
        });
        res.on("end", () => {
          resolve({ status: res.statusCode!, body: text });
          req.destroy();
        });
      });
      req.on("error", reject);
      req.flushHeaders();
    });
    expect(refused.status).toBe(413);
    expect(refused.body).toContain("larger than 8 MB");
  });

  it("never serves the console's API on the intake's own port", async () => {
    const intake = await serveIntake(0, "127.0.0.1");
    try {
      expect((intake as { [OWN_LISTENER]?: boolean })[OWN_LISTENER]).toBe(true);
      const res = await fetch(`http://127.0.0.1:${(intake.address() as AddressInfo).port}/api/trpc/me.branding`);
      expect(res.status).toBe(404);
    } finally {
      await new Promise((r) => intake.close(r));
    }
  });
});
