import type { Db } from "@/db";
import { env } from "@/server/env";
import { bearerToken, hashApiKey } from "@/server/sensors/keys";
import { type findKeyByHash, findKeysByHash } from "@/server/sensors/queries";
import { type TenantId, tenantOfCredentialRow } from "@/server/tenancy/tenant";
import type { SourceFormat } from "./types";

export type IntakeAuth = { keyId: string; tenant: TenantId; sensorId: string; sourceFormat: SourceFormat };

export class IntakeHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
class IntakeError401 extends IntakeHttpError {
  constructor(code: string, message: string) {
    super(401, code, message);
  }
}

type KeyRow = NonNullable<Awaited<ReturnType<typeof findKeyByHash>>>;
type Cached = { row: KeyRow | null; until: number };

/**
 * Key lookups, cached per process for `INTAKE_KEY_CACHE_SECONDS` (a sensor sends many requests a second; the key's
 * row changes a few times a year). A revocation, a retired sensor or an offboarded customer therefore takes effect
 * within that many seconds on every instance, and at once on the instance that made the change
 * (`forgetIntakeKeys`). Unknown keys are not cached, so a new key works on its first request.
 *
 * The cached keys are re-read together in the background every half of that time (one statement for all of them),
 * so with thousands of sensors a request almost never waits for a lookup of its own; an entry the background could
 * not refresh (the database was away) expires as before and its next request looks it up itself.
 */
const cache = new Map<string, Cached>();
const CACHE_MAX = 10_000;
const REFRESH_CHUNK = 5_000;
let refresher: { db: Db; timer: ReturnType<typeof setInterval>; running: boolean } | null = null;

export function forgetIntakeKeys() {
  cache.clear();
}

async function lookup(db: Db, hash: string, now: number): Promise<KeyRow | null> {
  const hit = cache.get(hash);
  if (hit && hit.until > now) return hit.row;
  const row = await lookupTogether(db, hash);
  if (row && env.INTAKE_KEY_CACHE_SECONDS > 0) {
    if (cache.size >= CACHE_MAX) cache.clear();
    cache.set(hash, { row, until: now + env.INTAKE_KEY_CACHE_SECONDS * 1000 });
    startRefresher(db);
  } else cache.delete(hash);
  return row;
}

/**
 * Lookups asked for in the same turn of the event loop go to the database together (one statement): after a start or
 * a deploy, thousands of sensors' first requests arrive at once.
 */
let pending: { db: Db; waiting: Map<string, ((row: KeyRow | null) => void)[]>; fail: ((e: unknown) => void)[] } | null =
  null;

function lookupTogether(db: Db, hash: string): Promise<KeyRow | null> {
  if (!pending || pending.db !== db) {
    const batch = {
      db,
      waiting: new Map<string, ((row: KeyRow | null) => void)[]>(),
      fail: [] as ((e: unknown) => void)[],
    };
    pending = batch;
    setImmediate(async () => {
      if (pending === batch) pending = null;
      try {
        const rows = await findKeysByHash(db, [...batch.waiting.keys()]);
        const byHash = new Map(rows.map((r) => [r.keyHash, r]));
        for (const [h, resolves] of batch.waiting) for (const resolve of resolves) resolve(byHash.get(h) ?? null);
      } catch (e) {
        for (const reject of batch.fail) reject(e);
      }
    });
  }
  const batch = pending;
  return new Promise((resolve, reject) => {
    batch.waiting.set(hash, [...(batch.waiting.get(hash) ?? []), resolve]);
    batch.fail.push(reject);
  });
}

function startRefresher(db: Db) {
  if (refresher?.db === db) return;
  if (refresher) clearInterval(refresher.timer);
  const state = {
    db,
    running: false,
    timer: setInterval(() => void refreshKeys(state), 500 * env.INTAKE_KEY_CACHE_SECONDS),
  };
  state.timer.unref?.();
  refresher = state;
}

/** Re-reads every cached key now (the background's work; tests call it directly). */
export async function refreshIntakeKeys() {
  if (refresher) await refreshKeys(refresher);
}

async function refreshKeys(state: { db: Db; running: boolean }) {
  if (state.running || cache.size === 0) return;
  state.running = true;
  try {
    const hashes = [...cache.keys()];
    const started = Date.now();
    for (let i = 0; i < hashes.length; i += REFRESH_CHUNK) {
      const chunk = hashes.slice(i, i + REFRESH_CHUNK);
      const rows = new Map((await findKeysByHash(state.db, chunk)).map((r) => [r.keyHash, r]));
      for (const hash of chunk) {
        const row = rows.get(hash);
        // Gone from the database (the key was deleted): forget it, the next request looks it up and is refused.
        if (!row) cache.delete(hash);
        else if (cache.has(hash)) cache.set(hash, { row, until: started + env.INTAKE_KEY_CACHE_SECONDS * 1000 });
      }
    }
  } catch {
    // The entries expire on their own and are looked up one by one again.
  } finally {
    state.running = false;
  }
}

/** 401 for a missing, unknown or revoked key (and a retired sensor or offboarded customer); 403 for a wrong source. */
export async function authenticate(db: Db, authorization: string | null, source: SourceFormat | "heartbeat") {
  const token = bearerToken(authorization);
  if (!token) throw new IntakeError401("missing_key", "Send the sensor's API key as `Authorization: Bearer <key>`.");
  const k = await lookup(db, hashApiKey(token), Date.now());
  if (!k) throw new IntakeError401("invalid_key", "This API key is not known.");
  if (k.revokedAt || k.sensorStatus !== "active" || k.customerStatus !== "active") {
    throw new IntakeError401("revoked_key", "This API key has been revoked.");
  }
  if (source !== "heartbeat" && k.sourceFormat !== source) {
    throw new IntakeHttpError(
      403,
      "wrong_source",
      `This key belongs to a ${k.sourceFormat} sensor; it cannot send ${source} alerts.`,
    );
  }
  return {
    keyId: k.keyId,
    tenant: tenantOfCredentialRow(k),
    sensorId: k.sensorId,
    sourceFormat: k.sourceFormat,
  } satisfies IntakeAuth;
}
