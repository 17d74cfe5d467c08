import type { DbOrTx } from "@/db";
import { auditHmacKey, env } from "@/server/env";
import type { ActorContext } from "@/server/tenancy/tenant";
import { type AuditContent, CHAIN_START, checkpointSigned, findBreak, GENESIS_HASH, hmacEntry } from "./chain";
import { latestCheckpoint } from "./checkpoint-file";
import { auditHead, findAuditRow, insertAuditRow, listAuditRowsAfter, lockAuditChain } from "./queries";

export type AuditActor = Pick<AuditContent, "actorType" | "actorId" | "actorLabel">;

export function actorOf(ctx: Pick<ActorContext, "user" | "system">): AuditActor {
  if (ctx.system) return systemActor(ctx.system);
  return { actorType: "user", actorId: ctx.user.id, actorLabel: `${ctx.user.name} <${ctx.user.email}>` };
}

export const systemActor = (label: string): AuditActor => ({ actorType: "system", actorId: null, actorLabel: label });

export type AuditInput = AuditActor & {
  customerId?: string | null;
  action: string;
  targetType: string;
  targetId?: string | null;
  summary?: Record<string, unknown>;
};

/** Appends one entry. Call it with the transaction that makes the change, so both commit or neither does. */
export async function recordAudit(tx: DbOrTx, input: AuditInput) {
  await lockAuditChain(tx);
  const head = await auditHead(tx);
  const prevHash = head?.hash ?? GENESIS_HASH;
  const seq = (head?.seq ?? 0) + 1;
  const content: AuditContent = {
    at: new Date(),
    actorType: input.actorType,
    actorId: input.actorId,
    actorLabel: input.actorLabel,
    customerId: input.customerId ?? null,
    action: input.action,
    targetType: input.targetType,
    targetId: input.targetId ?? null,
    summary: JSON.parse(JSON.stringify(input.summary ?? {})),
  };
  await insertAuditRow(tx, {
    ...content,
    seq,
    prevHash,
    hash: hmacEntry(auditHmacKey, prevHash, seq, content),
    chain: "hmac-sha256",
  });
}

export type VerifyFailure = "content" | "link" | "gap" | "truncated" | "checkpoint";
export type VerifyResult =
  | { ok: true; checked: number; checkpoint: { seq: number; at: string } | null }
  | { ok: false; checked: number; seq: number; reason: VerifyFailure };

/**
 * Walks the whole chain in pages with the key (edited rows, recomputed hashes, deleted rows, gaps in seq), then
 * holds it against the latest signed checkpoint kept outside the database: the checkpoint's entry must still be
 * there with the same hash, so removing the newest rows is caught (up to the last checkpoint).
 */
export async function verifyAuditChain(
  db: DbOrTx,
  opts: { pageSize?: number; key?: string; checkpointDir?: string } = {},
): Promise<VerifyResult> {
  const key = opts.key ?? auditHmacKey;
  const pageSize = opts.pageSize ?? 2000;
  let at = CHAIN_START;
  let checked = 0;
  for (;;) {
    const rows = await listAuditRowsAfter(db, at.seq, pageSize);
    if (rows.length === 0) break;
    const { brokenAt, at: next } = findBreak(rows, at, key);
    if (brokenAt) return { ok: false, checked: checked + rows.findIndex((r) => r.seq === brokenAt.seq), ...brokenAt };
    checked += rows.length;
    at = next;
  }
  const cp = latestCheckpoint(opts.checkpointDir ?? env.AUDIT_CHECKPOINT_DIR);
  if (!cp) return { ok: true, checked, checkpoint: null };
  if (!checkpointSigned(key, cp)) return { ok: false, checked, seq: cp.seq, reason: "checkpoint" };
  if (cp.seq > at.seq) return { ok: false, checked, seq: cp.seq, reason: "truncated" };
  const row = await findAuditRow(db, cp.seq);
  if (!row || row.hash !== cp.hash) return { ok: false, checked, seq: cp.seq, reason: "checkpoint" };
  return { ok: true, checked, checkpoint: { seq: cp.seq, at: cp.at } };
}

/** Changed fields only, for the audit summary: { field: { from, to } }. */
export function diff<T extends Record<string, unknown>>(before: T, after: Partial<T>) {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const [k, v] of Object.entries(after)) {
    if (v !== undefined && JSON.stringify(before[k]) !== JSON.stringify(v)) changes[k] = { from: before[k], to: v };
  }
  return changes;
}
