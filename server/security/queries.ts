import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { signInFailures } from "@/db/schema";
import type { FailureState } from "./lockout";

export async function findFailures(db: DbOrTx, keys: string[]): Promise<Map<string, FailureState>> {
  if (!keys.length) return new Map();
  const rows = await db.select().from(signInFailures).where(sql`${signInFailures.key} in ${keys}`);
  return new Map(rows.map((r) => [r.key, r]));
}

/** The row of one key, locked for this transaction (created empty first so two failures cannot race past it). */
export async function lockFailureRow(db: DbOrTx, key: string, now: Date): Promise<FailureState | null> {
  await db
    .insert(signInFailures)
    .values({ key, failures: 0, windowStartedAt: now, lockedUntil: null })
    .onConflictDoNothing();
  const [row] = await db.select().from(signInFailures).where(eq(signInFailures.key, key)).for("update");
  return row && row.failures > 0 ? row : null;
}

export async function saveFailures(db: DbOrTx, key: string, s: FailureState) {
  await db.update(signInFailures).set(s).where(eq(signInFailures.key, key));
}

export async function clearFailures(db: DbOrTx, key: string) {
  await db.delete(signInFailures).where(eq(signInFailures.key, key));
}
