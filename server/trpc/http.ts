import { randomUUID } from "node:crypto";
import type http from "node:http";
import { promisify } from "node:util";
import zlib from "node:zlib";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { env } from "@/server/env";
import { logInternal } from "@/server/log";
import { securityHeaders } from "@/server/security/headers";
import { createTRPCContext } from "./init";
import { appRouter } from "./root";

export const TRPC_ENDPOINT = "/api/trpc";

/** A request id from a trusted proxy's x-request-id (if it looks like one) or a new one; it is in every log line. */
const requestIdOf = (headers: Headers) => {
  const given = headers.get("x-request-id");
  return given && /^[\w.-]{8,64}$/.test(given) ? given : randomUUID();
};

/** The console's API: one tRPC batch in, one answer out, with the request id in the answer's headers. */
export async function handleTrpc(req: Request): Promise<Response> {
  const requestId = requestIdOf(req.headers);
  const res = await fetchRequestHandler({
    endpoint: TRPC_ENDPOINT,
    req,
    router: appRouter,
    createContext: () => createTRPCContext({ headers: req.headers, requestId }),
  });
  res.headers.set("x-request-id", requestId);
  return res;
}

/** True for a request the process answers itself, before Next routes it (`answerTrpcDirect`). */
export function isDirectTrpc(req: http.IncomingMessage): boolean {
  const url = req.url ?? "";
  return (
    (req.method === "GET" || req.method === "POST") &&
    url.startsWith(`${TRPC_ENDPOINT}/`) &&
    env.TRPC_DIRECT === "on" &&
    env.NODE_ENV === "production"
  );
}

/** Larger mutation inputs are refused (413) before they are read whole; the console's largest is a CSV of assets. */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;
/** Next's compression answers gzip from 1 KB up, as does this. */
const GZIP_FROM_BYTES = 1024;
const gzip = promisify(zlib.gzip);
const https = new URL(env.BETTER_AUTH_URL).protocol === "https:";
/** The API's headers (no nonce: an API answer runs no script), the same for every answer: worked out once. */
const security = securityHeaders(TRPC_ENDPOINT, { nonce: "", https, dev: false });

function headersOf(req: http.IncomingMessage): Headers {
  const h = new Headers();
  for (const [k, v] of Object.entries(req.headers)) {
    if (v === undefined) continue;
    if (Array.isArray(v)) for (const x of v) h.append(k, x);
    else h.set(k, v);
  }
  return h;
}

class TooLarge extends Error {}

async function bodyOf(req: http.IncomingMessage): Promise<Buffer> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > MAX_BODY_BYTES) throw new TooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new TooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

const JSON_TYPE = "application/json; charset=utf-8";

/**
 * Answers a tRPC request straight from Node's HTTP server, the same `handleTrpc` as the Next route
 * (`app/api/trpc/[trpc]/route.ts`) with the headers `proxy.ts` puts on every API answer, and gzip as Next's
 * compression does. Skipping Next's routing, proxy and web-stream plumbing halves what a small request costs the
 * server (docs/benchmarks.md, session 14); everything a procedure does (session, tenancy, transaction, logs, metrics)
 * is the same code.
 */
export async function answerTrpcDirect(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const send = (status: number, headers: Record<string, string>, body: Buffer | string) => {
    res.writeHead(status, { ...headers, ...security });
    res.end(body);
  };
  try {
    const host = req.headers.host ?? "localhost";
    const headers = headersOf(req);
    let body: Buffer | undefined;
    if (req.method === "POST") {
      try {
        body = await bodyOf(req);
      } catch (e) {
        if (!(e instanceof TooLarge)) throw e;
        req.resume();
        send(
          413,
          { "content-type": JSON_TYPE, connection: "close" },
          JSON.stringify({ error: { message: `The request is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB.` } }),
        );
        return;
      }
    }
    const answer = await handleTrpc(
      new Request(`http://${host}${req.url}`, {
        method: req.method,
        headers,
        body: body?.length ? Uint8Array.from(body) : undefined,
      }),
    );
    const out: Record<string, string> = {};
    answer.headers.forEach((v, k) => {
      out[k] = v;
    });
    let payload: Buffer = Buffer.from(await answer.arrayBuffer());
    out.vary = out.vary ? `${out.vary}, Accept-Encoding` : "Accept-Encoding";
    const accepts = String(req.headers["accept-encoding"] ?? "");
    if (payload.length >= GZIP_FROM_BYTES && /\bgzip\b/.test(accepts)) {
      payload = await gzip(payload, { level: zlib.constants.Z_DEFAULT_COMPRESSION });
      out["content-encoding"] = "gzip";
    }
    out["content-length"] = String(payload.length);
    delete out["transfer-encoding"];
    send(answer.status, out, payload);
  } catch (err) {
    const { message } = logInternal(err, { path: req.url });
    if (res.headersSent) res.destroy();
    else send(500, { "content-type": JSON_TYPE }, JSON.stringify({ error: { message } }));
  }
}
