import { and, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { customers, memberships, user } from "@/db/schema";

/** Membership re-read from the database on every request: a removed user or changed role takes effect at once. */
export async function findMembership(db: DbOrTx, userId: string) {
  const [row] = await db
    .select({ customerId: memberships.customerId, role: memberships.role, customerStatus: customers.status })
    .from(memberships)
    .leftJoin(customers, eq(customers.id, memberships.customerId))
    .where(eq(memberships.userId, userId))
    .limit(1);
  return row ?? null;
}

export async function customerExists(db: DbOrTx, customerId: string) {
  const [row] = await db.select({ id: customers.id }).from(customers).where(eq(customers.id, customerId)).limit(1);
  return Boolean(row);
}

/** The provider's SOC managers: who the sweeps and roster notices write to. */
export async function listSocManagers(db: DbOrTx) {
  return db
    .select({ id: user.id, name: user.name, email: user.email })
    .from(memberships)
    .innerJoin(user, eq(user.id, memberships.userId))
    .where(and(isNull(memberships.customerId), eq(memberships.role, "soc_manager")));
}
