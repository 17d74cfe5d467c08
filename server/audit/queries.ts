import { and, asc, desc, eq, gt, gte, ilike, lt, lte, or, type SQL, sql } from "drizzle-orm";
import { type DbOrTx, rowsOf } from "@/db";
import { auditLog, customers } from "@/db/schema";

/**
 * The chain's newest entry (seq and hash), whatever tenant it belongs to: through `wk_audit_head()`, a security
 * definer function, because an append made in one customer's scope cannot see other customers' entries.
 */
export async function auditHead(db: DbOrTx): Promise<{ seq: number; hash: string } | null> {
  const [row] = rowsOf<{ seq: string | number; hash: string }>(
    await db.execute(sql`select seq, hash from wk_audit_head()`),
  );
  return row ? { seq: Number(row.seq), hash: row.hash } : null;
}

export async function findAuditRow(db: DbOrTx, seq: number) {
  const [row] = await db.select().from(auditLog).where(eq(auditLog.seq, seq));
  return row ?? null;
}

export async function insertAuditRow(db: DbOrTx, row: typeof auditLog.$inferInsert) {
  await db.insert(auditLog).values(row);
}

/** Serialises appends so two transactions never chain onto the same predecessor. Held until commit. */
export async function lockAuditChain(db: DbOrTx) {
  await db.execute(sql`select pg_advisory_xact_lock(727002)`);
}

export async function listAuditRowsAfter(db: DbOrTx, afterSeq: number, limit: number) {
  return db.select().from(auditLog).where(gt(auditLog.seq, afterSeq)).orderBy(asc(auditLog.seq)).limit(limit);
}

export type AuditFilter = {
  customerId?: string | null;
  action?: string;
  actor?: string;
  from?: Date;
  to?: Date;
  beforeSeq?: number;
};

/** Provider-wide audit listing (staff only): customerId filters to one tenant's entries. */
export async function listAuditEntries(db: DbOrTx, f: AuditFilter, limit: number) {
  const where: SQL[] = [];
  if (f.customerId) where.push(eq(auditLog.customerId, f.customerId));
  if (f.action) where.push(ilike(auditLog.action, `${f.action.replace(/[%_\\]/g, "\\$&")}%`));
  if (f.actor) {
    const like = `%${f.actor.replace(/[%_\\]/g, "\\$&")}%`;
    where.push(or(ilike(auditLog.actorLabel, like), eq(auditLog.actorId, f.actor)) as SQL);
  }
  if (f.from) where.push(gte(auditLog.at, f.from));
  if (f.to) where.push(lte(auditLog.at, f.to));
  if (f.beforeSeq) where.push(lt(auditLog.seq, f.beforeSeq));
  return db
    .select({
      seq: auditLog.seq,
      at: auditLog.at,
      actorType: auditLog.actorType,
      actorId: auditLog.actorId,
      actorLabel: auditLog.actorLabel,
      customerId: auditLog.customerId,
      customerName: customers.name,
      customerSlug: customers.slug,
      action: auditLog.action,
      targetType: auditLog.targetType,
      targetId: auditLog.targetId,
      summary: auditLog.summary,
      hash: auditLog.hash,
    })
    .from(auditLog)
    .leftJoin(customers, eq(customers.id, auditLog.customerId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditLog.seq))
    .limit(limit);
}

export async function listAuditActions(db: DbOrTx) {
  const rows = await db.selectDistinct({ action: auditLog.action }).from(auditLog).orderBy(asc(auditLog.action));
  return rows.map((r) => r.action);
}
