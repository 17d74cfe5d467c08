import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { z } from "zod";
import { getDb } from "@/db";
import { logInternal } from "@/server/log";
import { checkDeclaredSize, IntakeError, LIMITS, parseBody, parseJson } from "./parse";
import { authenticate, IntakeHttpError, type ItemResult, ingestItems, recordHeartbeat } from "./service";
import { SOURCE_FORMATS, type SourceFormat } from "./types";

/**
 * The HTTP edge of the intake (app/api/ingest/…): status codes and bodies exactly as the contract's table says.
 * Rate limits are per key and per app instance: 200 requests/s with a burst of 400.
 */
let limiter = new RateLimiterMemory({ points: 400, duration: 2, keyPrefix: "intake" });

/** For tests and operators: `points` requests per `seconds` per key. */
export function configureIntakeLimit(points: number, seconds: number) {
  limiter = new RateLimiterMemory({ points, duration: seconds, keyPrefix: "intake" });
}

/** JSON with <, > and & escaped, so no byte of a response can be read as markup wherever it ends up. */
const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(
    JSON.stringify(body).replace(/[<>&]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`),
    {
      status,
      headers: { "content-type": "application/json; charset=utf-8", ...headers },
    },
  );

const errorResponse = (
  status: number,
  code: string,
  message: string,
  path?: string,
  headers?: Record<string, string>,
) => json(status, { error: { code, message, ...(path !== undefined && status === 422 ? { path } : {}) } }, headers);

async function readBody(req: Request): Promise<Uint8Array> {
  const declared = req.headers.get("content-length");
  checkDeclaredSize(declared === null ? null : Number(declared));
  if (!req.body) return new Uint8Array();
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > LIMITS.batchBytes) {
      await reader.cancel();
      checkDeclaredSize(total);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

async function limit(keyId: string): Promise<Response | null> {
  try {
    await limiter.consume(keyId);
    return null;
  } catch (e) {
    if (e instanceof RateLimiterRes) {
      const retry = Math.max(1, Math.ceil(e.msBeforeNext / 1000));
      return errorResponse(429, "rate_limited", `Too many requests for this key; retry in ${retry} s.`, undefined, {
        "retry-after": String(retry),
      });
    }
    throw e;
  }
}

function failure(e: unknown): Response {
  if (e instanceof IntakeHttpError) return errorResponse(e.status, e.code, e.message);
  if (e instanceof IntakeError) return errorResponse(e.status, e.code, e.message, e.path);
  const { ref } = logInternal(e, { route: "ingest" });
  return errorResponse(500, "internal", `The alert could not be stored; retry later (reference ${ref}).`);
}

const STATUS: Record<ItemResult["status"], number> = {
  created: 202,
  updated: 200,
  ignored: 202,
  health: 202,
  rejected: 422,
};

export async function handleIngest(req: Request, source: string): Promise<Response> {
  if (!(SOURCE_FORMATS as readonly string[]).includes(source)) {
    return errorResponse(
      404,
      "unknown_source",
      `Unknown source "${source.slice(0, 40)}". Use one of: ${SOURCE_FORMATS.join(", ")}.`,
    );
  }
  try {
    const db = await getDb();
    const auth = await authenticate(db, req.headers.get("authorization"), source as SourceFormat);
    const limited = await limit(auth.keyId);
    if (limited) return limited;
    const body = parseBody(await readBody(req), req.headers.get("content-type"));
    if (!body.batch) {
      const [r] = await ingestItems(db, auth, [body.item]);
      if (r!.status === "rejected") return errorResponse(422, r!.error.code, r!.error.message, r!.error.path);
      return json(STATUS[r!.status], r);
    }
    const results = await ingestItems(db, auth, body.items);
    const count = (s: ItemResult["status"]) => results.filter((r) => r.status === s).length;
    return json(200, {
      created: count("created"),
      updated: count("updated"),
      ignored: count("ignored"),
      health: count("health"),
      rejected: count("rejected"),
      results,
    });
  } catch (e) {
    return failure(e);
  }
}

const heartbeatBody = z
  .object({
    version: z.string().trim().max(80).optional(),
    eventsPerSecond: z.coerce.number().min(0).max(10_000_000).optional(),
    eps: z.coerce.number().min(0).max(10_000_000).optional(),
    hostCount: z.coerce.number().int().min(0).max(100_000_000).optional(),
  })
  .transform(({ eps, eventsPerSecond, ...rest }) => ({ ...rest, eventsPerSecond: eventsPerSecond ?? eps }));

export async function handleHeartbeat(req: Request): Promise<Response> {
  try {
    const db = await getDb();
    const auth = await authenticate(db, req.headers.get("authorization"), "heartbeat");
    const limited = await limit(auth.keyId);
    if (limited) return limited;
    const bytes = await readBody(req);
    let body = {};
    const text = new TextDecoder().decode(bytes).trim();
    if (text) {
      if (bytes.byteLength > LIMITS.itemBytes)
        throw new IntakeError(413, "too_large", "A heartbeat may be at most 1 MiB.");
      const parsed = heartbeatBody.safeParse(parseJson(text, 0, text.length));
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new IntakeError(422, "invalid_value", issue.message, issue.path.join("."));
      }
      body = Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== undefined));
    }
    await recordHeartbeat(db, auth, body);
    return json(202, { status: "ok" });
  } catch (e) {
    return failure(e);
  }
}
