import { createHash } from "node:crypto";

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
export type ChainedRow = AuditContent & { seq: number; prevHash: string; hash: string };

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

export function hashEntry(prevHash: string, c: AuditContent): string {
  const body = canonicalJson({
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
  return createHash("sha256").update(body).digest("hex");
}

export type ChainBreak = { seq: number; reason: "content" | "link" };

/**
 * Checks a run of consecutive rows (in seq order) that follows `prevHash`. An edited row fails on its own hash;
 * a deleted row makes the next row's link fail.
 */
export function findBreak(rows: ChainedRow[], prevHash: string): { brokenAt: ChainBreak | null; lastHash: string } {
  let prev = prevHash;
  for (const row of rows) {
    if (row.prevHash !== prev) return { brokenAt: { seq: row.seq, reason: "link" }, lastHash: prev };
    if (hashEntry(row.prevHash, row) !== row.hash)
      return { brokenAt: { seq: row.seq, reason: "content" }, lastHash: prev };
    prev = row.hash;
  }
  return { brokenAt: null, lastHash: prev };
}
