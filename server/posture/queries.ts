import { and, asc, eq, gte, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { customers, postureLive, postureScores } from "@/db/schema";
import type { TenantId } from "@/server/tenancy/tenant";

export type StoredScore = typeof postureScores.$inferSelect;

export async function listStored(db: DbOrTx, tenant: TenantId, fromMonth: string) {
  return db
    .select()
    .from(postureScores)
    .where(and(eq(postureScores.customerId, tenant), gte(postureScores.month, fromMonth)))
    .orderBy(postureScores.month);
}

export async function findStored(db: DbOrTx, tenant: TenantId, month: string) {
  const [row] = await db
    .select()
    .from(postureScores)
    .where(and(eq(postureScores.customerId, tenant), eq(postureScores.month, month)));
  return row ?? null;
}

/** Written once: a second close of the same customer-month (another instance, a retry) changes nothing. */
export async function insertStored(db: DbOrTx, tenant: TenantId, s: Omit<StoredScore, "customerId" | "computedAt">) {
  const rows = await db
    .insert(postureScores)
    .values({ ...s, customerId: tenant })
    .onConflictDoNothing()
    .returning({ month: postureScores.month });
  return rows.length > 0;
}

/** Provider-wide: every customer's stored months from `fromMonth` (the console overview). */
export async function listStoredSince(db: DbOrTx, fromMonth: string) {
  return db
    .select({ customerId: postureScores.customerId, month: postureScores.month, score: postureScores.score })
    .from(postureScores)
    .where(gte(postureScores.month, fromMonth));
}

/** Provider-wide: every kept live score (the console overview). */
export async function listKeptLive(db: DbOrTx) {
  return db
    .select({
      customerId: postureLive.customerId,
      score: postureLive.score,
      band: postureLive.band,
      drivers: postureLive.drivers,
      computedAt: postureLive.computedAt,
    })
    .from(postureLive);
}

/** Provider-wide: the active customers whose kept live score is oldest, never scored first (the posture job's). */
export async function listStalestLive(db: DbOrTx, limit: number) {
  return db
    .select({ id: customers.id, slug: customers.slug, timezone: customers.timezone })
    .from(customers)
    .leftJoin(postureLive, eq(postureLive.customerId, customers.id))
    .where(eq(customers.status, "active"))
    .orderBy(sql`${postureLive.computedAt} asc nulls first`, asc(customers.id))
    .limit(limit);
}

/** Keeps a customer's live score as computed for `at`; a score computed for an earlier instant never replaces it. */
export async function keepLive(
  db: DbOrTx,
  tenant: TenantId,
  s: Pick<StoredScore, "score" | "band" | "drivers" | "noData">,
  at: Date,
) {
  const row = { score: s.score, band: s.band, drivers: s.drivers, noData: s.noData, computedAt: at };
  await db
    .insert(postureLive)
    .values({ customerId: tenant, ...row })
    .onConflictDoUpdate({
      target: postureLive.customerId,
      set: row,
      setWhere: sql`${postureLive.computedAt} <= excluded.computed_at`,
    });
}
