import http from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { alerts, sensors } from "@/db/schema";
import { createSensor } from "@/server/sensors/service";
import { mintTenantId, systemContext } from "@/server/tenancy/tenant";
import { closeTestDatabase, createTestDatabase } from "@/server/testing/db";
import { createWorld } from "@/server/testing/factories";
import { serveIntake } from "./listener";
import { apiDetection } from "./normalize/fixtures/crowdstrike";

/** The intake on its own port answers exactly as the Next routes do (same handlers), over real HTTP. */
let h: DatabaseHandle;
let w: Awaited<ReturnType<typeof createWorld>>;
let server: http.Server;
let base = "";
const keys: Record<string, string> = {};
const ids: Record<string, string> = {};

beforeAll(async () => {
  h = await createTestDatabase();
  w = await createWorld(h.db);
  for (const [name, customerId] of [
    ["a", w.a.customer.id],
    ["b", w.b.customer.id],
  ] as const) {
    const r = await createSensor(
      { ...systemContext(h.db, "test"), tenant: mintTenantId(customerId) },
      {
        name: `Falcon ${name}`,
        sensorClass: "edr",
        vendor: "v",
        product: "p",
        sourceFormat: "crowdstrike",
        site: null,
      },
    );
    keys[name] = r.apiKey;
    ids[name] = r.sensor.id;
  }
  server = await serveIntake(0, "127.0.0.1");
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  await closeTestDatabase();
});

const post = (path: string, body: string, key?: string) =>
  fetch(`${base}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body,
  });

describe("intake listener", () => {
  it("stores an alert in the key's tenant and answers as the contract says", async () => {
    const detection = {
      ...apiDetection(),
      composite_id: `cid:listener:${Date.now()}`,
      timestamp: new Date().toISOString(),
    };
    const res = await post("/api/ingest/crowdstrike", JSON.stringify(detection), keys.a);
    expect(res.status).toBe(202);
    const body = await res.json();
    expect(body).toMatchObject({ status: "created" });
    const [row] = await h.db.select().from(alerts).where(eq(alerts.id, body.alertId));
    expect(row!.customerId).toBe(w.a.customer.id);
    // The same alert again is an update (200), never a second row.
    const again = await post("/api/ingest/crowdstrike", JSON.stringify(detection), keys.a);
    expect(again.status).toBe(200);
    expect((await again.json()).alertId).toBe(body.alertId);
  });

  it("records heartbeats for the key's sensor only", async () => {
    const res = await post("/api/ingest/heartbeat", JSON.stringify({ version: "7.1.0" }), keys.b);
    expect(res.status).toBe(202);
    const [b] = await h.db.select().from(sensors).where(eq(sensors.id, ids.b!));
    const [a] = await h.db.select().from(sensors).where(eq(sensors.id, ids.a!));
    expect(b!.agentVersion).toBe("7.1.0");
    expect(b!.lastHeartbeatAt).not.toBeNull();
    expect(a!.agentVersion).not.toBe("7.1.0");
  });

  it("refuses what the contract refuses, with the contract's codes", async () => {
    const missing = await post("/api/ingest/heartbeat", "{}");
    expect(missing.status).toBe(401);
    expect(await missing.json()).toMatchObject({ error: { code: "missing_key" } });
    const wrong = await post("/api/ingest/heartbeat", "{}", "wk_nothere_0000000000000000000000000000");
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ error: { code: "invalid_key" } });
    const bad = await post("/api/ingest/crowdstrike", "{not json", keys.a);
    expect(bad.status).toBeGreaterThanOrEqual(400);
    expect(bad.status).toBeLessThan(500);
    const unknown = await post("/api/ingest/nosuchvendor", "{}", keys.a);
    expect(unknown.status).toBeGreaterThanOrEqual(400);
    expect(unknown.status).toBeLessThan(500);
  });

  it("reads a body sent without a declared length (chunked) and refuses one over the limit", async () => {
    const send = (body: AsyncIterable<Uint8Array> | string, headers: Record<string, string>) =>
      new Promise<{ status: number; text: string }>((resolve, reject) => {
        const req = http.request(`${base}/api/ingest/crowdstrike`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${keys.a}`, ...headers },
        });
        req.on("response", (res) => {
          let text = "";
          res.on("data", (c) => {
            text += c;
          });
          res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
        });
        req.on("error", reject);
        if (typeof body === "string") req.end(body);
        else
          void (async () => {
            for await (const c of body) req.write(c);
            req.end();
          })();
      });
    const payload = JSON.stringify({ ...apiDetection(), composite_id: "cid:listener:chunked" });
    async function* pieces() {
      for (let i = 0; i < payload.length; i += 100) yield Buffer.from(payload.slice(i, i + 100));
    }
    const chunked = await send(pieces(), { "transfer-encoding": "chunked" });
    expect(chunked.status).toBe(202);
    expect(JSON.parse(chunked.text)).toMatchObject({ status: "created" });
    const huge = await send("x", { "content-length": String(64 * 1024 * 1024) }).catch(() => ({
      status: 413,
      text: "",
    }));
    expect(huge.status).toBe(413);
  });

  it("answers 404 outside the intake and 405 to other methods, and serves nothing else", async () => {
    expect((await fetch(`${base}/console`)).status).toBe(404);
    expect((await fetch(`${base}/api/trpc/me.session`)).status).toBe(404);
    const get = await fetch(`${base}/api/ingest/heartbeat`);
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("POST");
    expect(await get.json()).toMatchObject({ error: { code: "method_not_allowed" } });
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });
});
