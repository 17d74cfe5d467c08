import { and, desc, eq, gte, inArray, lt, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { customers, huntCustomers, hunts, incidents, recommendations, user } from "@/db/schema";
import type { TenantId } from "@/server/tenancy/tenant";
import type { HuntStatus } from "./lifecycle";

export type HuntRow = typeof hunts.$inferSelect;

const coversTenant = (tenant: TenantId) =>
  sql`(${hunts.allCustomers} or exists (select 1 from ${huntCustomers} hc where hc.hunt_id = ${hunts.id} and hc.customer_id = ${tenant}))`;

/** Provider-wide (staff only: the service checks). */
export async function listHuntsAll(db: DbOrTx, f: { status?: HuntStatus; customerId?: string }) {
  return db
    .select({ hunt: hunts, analystName: user.name })
    .from(hunts)
    .leftJoin(user, eq(user.id, hunts.analystId))
    .where(
      and(
        f.status ? eq(hunts.status, f.status) : undefined,
        f.customerId ? coversTenant(f.customerId as TenantId) : undefined,
      ),
    )
    .orderBy(desc(hunts.periodTo))
    .limit(500);
}

export async function findHunt(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ hunt: hunts, analystName: user.name })
    .from(hunts)
    .leftJoin(user, eq(user.id, hunts.analystId))
    .where(eq(hunts.id, id));
  return row ?? null;
}

export async function insertHunt(db: DbOrTx, h: typeof hunts.$inferInsert) {
  const [row] = await db.insert(hunts).values(h).returning();
  return row!;
}

export async function updateHunt(db: DbOrTx, id: string, patch: Partial<typeof hunts.$inferInsert>) {
  const [row] = await db.update(hunts).set(patch).where(eq(hunts.id, id)).returning();
  return row ?? null;
}

export async function insertScope(db: DbOrTx, huntId: string, customerIds: string[]) {
  if (!customerIds.length) return;
  await db
    .insert(huntCustomers)
    .values(customerIds.map((customerId) => ({ customerId, huntId })))
    .onConflictDoNothing();
}

/** The customers in scope (every active one for an all-customer hunt) with the incident linked for each. */
export async function listScope(db: DbOrTx, hunt: HuntRow) {
  if (hunt.allCustomers) {
    const rows = await db
      .select({ customerId: customers.id, name: customers.name, incidentId: huntCustomers.incidentId })
      .from(customers)
      .leftJoin(huntCustomers, and(eq(huntCustomers.customerId, customers.id), eq(huntCustomers.huntId, hunt.id)))
      .where(eq(customers.status, "active"))
      .orderBy(customers.name);
    return rows;
  }
  return db
    .select({ customerId: customers.id, name: customers.name, incidentId: huntCustomers.incidentId })
    .from(huntCustomers)
    .innerJoin(customers, eq(customers.id, huntCustomers.customerId))
    .where(eq(huntCustomers.huntId, hunt.id))
    .orderBy(customers.name);
}

export async function countCustomers(db: DbOrTx, ids: string[]) {
  if (!ids.length) return 0;
  const rows = await db.select({ id: customers.id }).from(customers).where(inArray(customers.id, ids));
  return rows.length;
}

export async function incidentCustomer(db: DbOrTx, incidentId: string) {
  const [row] = await db
    .select({ customerId: incidents.customerId, number: incidents.number })
    .from(incidents)
    .where(eq(incidents.id, incidentId));
  return row ?? null;
}

export async function linkHuntIncident(db: DbOrTx, huntId: string, customerId: string, incidentId: string) {
  await db
    .insert(huntCustomers)
    .values({ huntId, customerId, incidentId })
    .onConflictDoUpdate({ target: [huntCustomers.customerId, huntCustomers.huntId], set: { incidentId } });
}

export async function huntRecommendations(db: DbOrTx, huntId: string) {
  return db
    .select({
      id: recommendations.id,
      customerId: recommendations.customerId,
      title: recommendations.title,
      severity: recommendations.severity,
      status: recommendations.status,
    })
    .from(recommendations)
    .where(eq(recommendations.huntId, huntId));
}

/** Concluded hunts covering the customer: only the fields customers may read. */
export async function listCustomerHunts(db: DbOrTx, tenant: TenantId, range?: { from: Date; to: Date }) {
  return db
    .select({
      id: hunts.id,
      title: hunts.title,
      techniques: hunts.techniques,
      periodFrom: hunts.periodFrom,
      periodTo: hunts.periodTo,
      concludedAt: hunts.concludedAt,
      customerSummary: hunts.customerSummary,
      outcome: hunts.outcome,
      effortHours: hunts.effortHours,
    })
    .from(hunts)
    .where(
      and(
        eq(hunts.status, "concluded"),
        coversTenant(tenant),
        range ? gte(hunts.concludedAt, range.from) : undefined,
        range ? lt(hunts.concludedAt, range.to) : undefined,
      ),
    )
    .orderBy(desc(hunts.concludedAt));
}

/** For the customer's hunts: whether an incident was linked, or a recommendation raised, for this customer. */
export async function customerOutcomes(db: DbOrTx, tenant: TenantId, huntIds: string[]) {
  const out = new Map<string, { incident: boolean; recommendation: boolean }>();
  if (!huntIds.length) return out;
  const [links, recs] = await Promise.all([
    db
      .select({ huntId: huntCustomers.huntId })
      .from(huntCustomers)
      .where(
        and(
          eq(huntCustomers.customerId, tenant),
          inArray(huntCustomers.huntId, huntIds),
          sql`${huntCustomers.incidentId} is not null`,
        ),
      ),
    db
      .select({ huntId: recommendations.huntId })
      .from(recommendations)
      .where(and(eq(recommendations.customerId, tenant), inArray(recommendations.huntId, huntIds))),
  ]);
  for (const id of huntIds) out.set(id, { incident: false, recommendation: false });
  for (const l of links) out.get(l.huntId)!.incident = true;
  for (const r of recs) if (r.huntId) out.get(r.huntId)!.recommendation = true;
  return out;
}
