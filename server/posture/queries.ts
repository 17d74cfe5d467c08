import { and, desc, eq, gte, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { postureScores } from "@/db/schema";
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
export async function listStoredAll(db: DbOrTx, customerIds: string[], fromMonth: string) {
  if (!customerIds.length) return [];
  return db
    .select()
    .from(postureScores)
    .where(and(inArray(postureScores.customerId, customerIds), gte(postureScores.month, fromMonth)))
    .orderBy(desc(postureScores.month));
}
