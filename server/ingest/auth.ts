import type { Db } from "@/db";
import { env } from "@/server/env";
import { bearerToken, hashApiKey } from "@/server/sensors/keys";
import { findKeyByHash } from "@/server/sensors/queries";
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
 */
const cache = new Map<string, Cached>();
const CACHE_MAX = 10_000;

export function forgetIntakeKeys() {
  cache.clear();
}

async function lookup(db: Db, hash: string, now: number): Promise<KeyRow | null> {
  const hit = cache.get(hash);
  if (hit && hit.until > now) return hit.row;
  const row = await findKeyByHash(db, hash);
  if (row && env.INTAKE_KEY_CACHE_SECONDS > 0) {
    if (cache.size >= CACHE_MAX) cache.clear();
    cache.set(hash, { row, until: now + env.INTAKE_KEY_CACHE_SECONDS * 1000 });
  } else cache.delete(hash);
  return row;
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
