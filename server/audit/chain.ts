import { createHash, createHmac, timingSafeEqual } from "node:crypto";

/** The content of one audit entry: everything the hash covers besides the previous hash. */
export type AuditContent = {
  at: Date;
  actorType: "user" | "api_key" | "system";
  actorId: string | null;
  actorLabel: string;
  customerId: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  summary: Record<string, unknown>;
};
export type ChainAlg = "sha256" | "hmac-sha256";
export type ChainedRow = AuditContent & { seq: number; prevHash: string; hash: string; chain: ChainAlg };

export const GENESIS_HASH = "0".repeat(64);

/** JSON with object keys sorted at every level, so jsonb's own key order never changes a hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

function body(prevHash: string, c: AuditContent, seq?: number) {
  return canonicalJson({
    ...(seq !== undefined ? { seq } : {}),
    prevHash,
    at: c.at.toISOString(),
    actorType: c.actorType,
    actorId: c.actorId,
    actorLabel: c.actorLabel,
    customerId: c.customerId,
    action: c.action,
    targetType: c.targetType,
    targetId: c.targetId,
    summary: c.summary,
  });
}

/** The legacy, unkeyed hash: only entries written before the keyed chain landed carry it. */
export function hashEntry(prevHash: string, c: AuditContent): string {
  return createHash("sha256").update(body(prevHash, c)).digest("hex");
}

/** The keyed hash of an entry: HMAC-SHA-256 over its seq, content and predecessor. Needs the key to recompute. */
export function hmacEntry(key: string, prevHash: string, seq: number, c: AuditContent): string {
  return createHmac("sha256", key)
    .update(body(prevHash, c, seq))
    .digest("hex");
}

export function sameHex(a: string, b: string): boolean {
  const x = Buffer.from(a, "hex");
  const y = Buffer.from(b, "hex");
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

export type ChainBreak = { seq: number; reason: "content" | "link" | "gap" };
/** Where a walk stands between pages: the last hash, its seq, and whether the keyed part has begun. */
export type ChainPosition = { hash: string; seq: number; keyed: boolean };
export const CHAIN_START: ChainPosition = { hash: GENESIS_HASH, seq: 0, keyed: false };

/**
 * Checks a run of rows (in seq order) that follows `from`. An edited row fails on its own hash ("content"; without
 * the key a recomputed chain fails here too); a deleted row makes the next row's link fail ("link"); keyed entries
 * number 1, 2, 3… without holes ("gap"). Legacy unkeyed entries may only come before the first keyed one.
 */
export function findBreak(
  rows: ChainedRow[],
  from: ChainPosition,
  key: string,
): { brokenAt: ChainBreak | null; at: ChainPosition } {
  let at = from;
  for (const row of rows) {
    const fail = (reason: ChainBreak["reason"]) => ({ brokenAt: { seq: row.seq, reason }, at });
    if (row.prevHash !== at.hash) return fail("link");
    if (row.chain === "hmac-sha256") {
      if (at.keyed && row.seq !== at.seq + 1) return fail("gap");
      if (!sameHex(hmacEntry(key, row.prevHash, row.seq, row), row.hash)) return fail("content");
    } else if (at.keyed || hashEntry(row.prevHash, row) !== row.hash) return fail("content");
    at = { hash: row.hash, seq: row.seq, keyed: row.chain === "hmac-sha256" };
  }
  return { brokenAt: null, at };
}

/** A checkpoint as written outside the database: the chain's head at `at`, signed with the same key. */
export type Checkpoint = { seq: number; hash: string; at: string; signature: string };

function checkpointBody(c: Omit<Checkpoint, "signature">) {
  return canonicalJson({ purpose: "watchkeeper-audit-checkpoint", seq: c.seq, hash: c.hash, at: c.at });
}

export function signCheckpoint(key: string, head: { seq: number; hash: string }, at: Date): Checkpoint {
  const c = { seq: head.seq, hash: head.hash, at: at.toISOString() };
  return { ...c, signature: createHmac("sha256", key).update(checkpointBody(c)).digest("hex") };
}

export function checkpointSigned(key: string, c: Checkpoint): boolean {
  return sameHex(createHmac("sha256", key).update(checkpointBody(c)).digest("hex"), c.signature);
}
