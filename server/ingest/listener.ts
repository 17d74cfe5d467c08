import http from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { log } from "@/server/log";
import { observeIntake } from "@/server/observability/intake";
import { OWN_LISTENER } from "@/server/security/install-client-address";
import { handleHeartbeat, handleIngest, type IntakeRequest } from "./http";

/**
 * The intake on a port of its own (`INTAKE_PORT`), beside the Next server in the same process: the same handlers as
 * `app/api/ingest/*` (same authentication, limits, contract and metrics), without the framework's routing, page
 * proxy and response plumbing, which on a small box cost more than the intake itself (a Next route that does nothing
 * is answered ~700 times a second on two cores; see docs/benchmarks.md). Paths are the same as on the main port, so a
 * sensor only changes the port. Anything else answers 404; a method other than POST, 405.
 */
export function serveIntake(port: number, host?: string): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    void answer(req, res).catch((err) => {
      log.error({ err }, "intake listener failed");
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json; charset=utf-8" });
      res.end('{"error":{"code":"internal","message":"The alert could not be stored; retry later."}}');
    });
  });
  // Only the intake is served here, never the console's API (server/security/install-client-address.ts).
  (server as { [OWN_LISTENER]?: boolean })[OWN_LISTENER] = true;
  server.keepAliveTimeout = 65_000; // longer than the usual 60 s idle timeout of sensor HTTP clients and balancers
  server.headersTimeout = 66_000;
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      log.info({ port: (server.address() as AddressInfo).port }, "intake listening on its own port");
      resolve(server);
    });
  });
}

const JSON_TYPE = { "content-type": "application/json; charset=utf-8" };

async function answer(req: http.IncomingMessage, res: http.ServerResponse) {
  const path = (req.url ?? "/").split("?")[0]!;
  if (path === "/healthz" && (req.method === "GET" || req.method === "HEAD")) {
    res.writeHead(200, { "content-type": "text/plain" }).end("ok\n");
    return;
  }
  const m = /^\/api\/ingest\/([a-z0-9-]{1,40})$/.exec(path);
  if (!m) {
    res.writeHead(404, JSON_TYPE).end('{"error":{"code":"not_found","message":"No such endpoint."}}');
    req.resume();
    return;
  }
  if (req.method !== "POST") {
    res
      .writeHead(405, { ...JSON_TYPE, allow: "POST" })
      .end('{"error":{"code":"method_not_allowed","message":"Use POST."}}');
    req.resume();
    return;
  }
  const source = m[1]!;
  const request = new NodeIntakeRequest(req);
  const response = await observeIntake(source, () =>
    source === "heartbeat" ? handleHeartbeat(request) : handleIngest(request, source),
  );
  const out: Record<string, string> = {};
  response.headers.forEach((v, k) => {
    out[k] = v;
  });
  const body = Buffer.from(await response.arrayBuffer());
  res.writeHead(response.status, { ...out, "content-length": String(body.length) }).end(body);
  // A refused request's unread body is drained so the connection can be reused.
  if (!req.readableEnded) req.resume();
}

/**
 * Node's request as the handlers read it, without building a web `Request` (a `Headers` copy, a web stream over the
 * socket, an abort signal): on two cores that plumbing cost more than a heartbeat's own work. The body is read straight
 * from the socket when its length is declared; a web stream is made only for a body sent without one.
 */
class NodeIntakeRequest implements IntakeRequest {
  private stream: ReadableStream<Uint8Array> | null = null;

  constructor(private readonly req: http.IncomingMessage) {}

  readonly headers = {
    get: (name: string): string | null => {
      const v = this.req.headers[name.toLowerCase()];
      return v === undefined ? null : Array.isArray(v) ? v.join(", ") : v;
    },
  };

  get body(): ReadableStream<Uint8Array> {
    this.stream ??= Readable.toWeb(this.req) as ReadableStream<Uint8Array>;
    return this.stream;
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of this.req) chunks.push(chunk as Buffer);
    const all = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
    return all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength) as ArrayBuffer;
  }
}
