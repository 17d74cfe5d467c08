import { z } from "zod";
import { type DatabaseHandle, getDatabase } from "@/db";
import { INVENTORY_MAX, parseInventory } from "@/server/assets/inventory";
import { env } from "@/server/env";
import { logInternal } from "@/server/log";
import { countIntakeAlerts } from "@/server/observability/intake";
import { ingestGrouped, recordHeartbeatGrouped } from "./coalesce";
import { postgresStore, WindowLimiter } from "./limiter";
import { checkDeclaredSize, IntakeError, LIMITS, parseBody, parseJson } from "./parse";
import { prepareOnThread, preparesOnThread } from "./pool";
import {
  authenticate,
  commitPrepared,
  type IntakeAuth,
  IntakeHttpError,
  type ItemResult,
  recordHeartbeat,
} from "./service";
import { SOURCE_FORMATS, type SourceFormat } from "./types";

/**
 * The HTTP edge of the intake (app/api/ingest/…): status codes and bodies exactly as the contract's table says.
 * Rate limits: requests per second per key and per customer (`INTAKE_RATE_PER_KEY`, `INTAKE_RATE_PER_CUSTOMER`),
 * counted across every instance on PostgreSQL and in memory on the embedded database; past a limit, 429 with
 * `Retry-After`.
 */
const limits = { perKey: env.INTAKE_RATE_PER_KEY, perCustomer: env.INTAKE_RATE_PER_CUSTOMER, seconds: 1 };
let limiter: WindowLimiter | null = null;
let limiterOf: DatabaseHandle | null = null;

function limiterFor(handle: DatabaseHandle): WindowLimiter {
  if (!limiter || limiterOf !== handle) {
    limiter = new WindowLimiter(limits.seconds * 1000, handle.kind === "postgres" ? postgresStore(handle.db) : null);
    limiterOf = handle;
  }
  return limiter;
}

/** Back to the configured limits (tests). */
export function resetIntakeLimit() {
  configureIntakeLimit(env.INTAKE_RATE_PER_KEY, 1, env.INTAKE_RATE_PER_CUSTOMER);
}

/** For tests and operators: `points` requests per `seconds` per key (and per customer, unless given). */
export function configureIntakeLimit(points: number, seconds: number, perCustomer = points * 2) {
  limits.perKey = points;
  limits.perCustomer = perCustomer;
  limits.seconds = seconds;
  limiter = null;
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

/**
 * What the handlers read of a request: a web `Request` (the Next routes) or the intake listener's thin wrapper of
 * node's request (no web stream or header copy per request; `body` is only asked for when no length was declared).
 */
export type IntakeRequest = {
  headers: { get(name: string): string | null };
  readonly body: ReadableStream<Uint8Array> | null;
  arrayBuffer(): Promise<ArrayBuffer>;
};

async function readBody(req: IntakeRequest): Promise<Uint8Array> {
  const declared = req.headers.get("content-length");
  checkDeclaredSize(declared === null ? null : Number(declared));
  // A declared length within the limit bounds the body (HTTP framing): read it whole, without the chunk loop.
  if (declared !== null) return new Uint8Array(await req.arrayBuffer());
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

async function limit(handle: DatabaseHandle, auth: IntakeAuth): Promise<Response | null> {
  const verdict = await limiterFor(handle).consume([
    { bucket: `key:${auth.keyId}`, limit: limits.perKey },
    { bucket: `customer:${auth.tenant}`, limit: limits.perCustomer },
  ]);
  if (verdict.ok) return null;
  const retry = Math.max(1, Math.ceil(verdict.retryAfterMs / 1000));
  return errorResponse(
    429,
    "rate_limited",
    `Too many requests for this key or customer; retry in ${retry} s.`,
    undefined,
    {
      "retry-after": String(retry),
    },
  );
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

export async function handleIngest(req: IntakeRequest, source: string): Promise<Response> {
  if (!(SOURCE_FORMATS as readonly string[]).includes(source)) {
    return errorResponse(
      404,
      "unknown_source",
      `Unknown source "${source.slice(0, 40)}". Use one of: ${SOURCE_FORMATS.join(", ")}.`,
    );
  }
  try {
    const handle = await getDatabase();
    const db = handle.db;
    const auth = await authenticate(db, req.headers.get("authorization"), source as SourceFormat);
    const limited = await limit(handle, auth);
    if (limited) return limited;
    const bytes = await readBody(req);
    const contentType = req.headers.get("content-type");
    let batch: boolean;
    let results: ItemResult[];
    if (preparesOnThread(bytes)) {
      const receivedAt = new Date();
      const { batch: isBatch, prepared } = await prepareOnThread(bytes, contentType, auth, receivedAt);
      batch = isBatch;
      results = await commitPrepared(db, auth, prepared, receivedAt);
    } else {
      const body = parseBody(bytes, contentType);
      batch = body.batch;
      results = await ingestGrouped(db, auth, body.batch ? body.items : [body.item]);
    }
    if (!batch) {
      const r = results[0];
      countIntakeAlerts(source, { [r!.status]: 1 });
      if (r!.status === "rejected") return errorResponse(422, r!.error.code, r!.error.message, r!.error.path);
      return json(STATUS[r!.status], r);
    }
    const count = (s: ItemResult["status"]) => results.filter((r) => r.status === s).length;
    countIntakeAlerts(source, {
      created: count("created"),
      updated: count("updated"),
      ignored: count("ignored"),
      rejected: count("rejected"),
    });
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
    assets: z.array(z.unknown()).max(INVENTORY_MAX).optional(),
  })
  .transform(({ eps, eventsPerSecond, ...rest }) => ({ ...rest, eventsPerSecond: eventsPerSecond ?? eps }));

export async function handleHeartbeat(req: IntakeRequest): Promise<Response> {
  try {
    const handle = await getDatabase();
    const db = handle.db;
    const auth = await authenticate(db, req.headers.get("authorization"), "heartbeat");
    const limited = await limit(handle, auth);
    if (limited) return limited;
    const bytes = await readBody(req);
    let body: { assets?: unknown[] } = {};
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
    const { assets, ...facts } = body;
    const inventory = assets ? parseInventory(assets) : null;
    // An inventory (hosts to learn) takes the ordinary path; a plain heartbeat may go in a group.
    if (inventory) await recordHeartbeat(db, auth, facts, new Date(), inventory.hosts);
    else await recordHeartbeatGrouped(handle, auth, facts);
    if (!inventory) return json(202, { status: "ok" });
    return json(202, { status: "ok", assets: { accepted: inventory.hosts.length, rejected: inventory.rejected } });
  } catch (e) {
    return failure(e);
  }
}
