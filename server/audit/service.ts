import type { DbOrTx } from "@/db";
import type { ActorContext } from "@/server/tenancy/tenant";
import { type AuditContent, findBreak, GENESIS_HASH, hashEntry } from "./chain";
import { insertAuditRow, lastAuditHash, listAuditRowsAfter, lockAuditChain } from "./queries";

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
  const prevHash = (await lastAuditHash(tx)) ?? GENESIS_HASH;
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
  await insertAuditRow(tx, { ...content, prevHash, hash: hashEntry(prevHash, content) });
}

export type VerifyResult =
  | { ok: true; checked: number }
  | { ok: false; checked: number; seq: number; reason: "content" | "link" };

/** Walks the whole chain in pages; names the first row whose content or link does not hold. */
export async function verifyAuditChain(db: DbOrTx, pageSize = 2000): Promise<VerifyResult> {
  let prev = GENESIS_HASH;
  let after = 0;
  let checked = 0;
  for (;;) {
    const rows = await listAuditRowsAfter(db, after, pageSize);
    if (rows.length === 0) return { ok: true, checked };
    const { brokenAt, lastHash } = findBreak(rows, prev);
    if (brokenAt) return { ok: false, checked: checked + rows.findIndex((r) => r.seq === brokenAt.seq), ...brokenAt };
    checked += rows.length;
    prev = lastHash;
    after = rows[rows.length - 1]!.seq;
  }
}

/** Changed fields only, for the audit summary: { field: { from, to } }. */
export function diff<T extends Record<string, unknown>>(before: T, after: Partial<T>) {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const [k, v] of Object.entries(after)) {
    if (v !== undefined && JSON.stringify(before[k]) !== JSON.stringify(v)) changes[k] = { from: before[k], to: v };
  }
  return changes;
}
