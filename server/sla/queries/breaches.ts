import { and, desc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { customers, incidents, slaBreachInstant, slaClocks } from "@/db/schema";
import type { Metric } from "@/db/schema/contracts";
import { customerIs, type SlaScope, visibleOnly } from "./reads";

// The breaches of a period: the month's list (slaMonth, the portal, the report) and the console's paged list.

/** Breached clocks whose breach instant falls in the period (the breach indexes are on that very expression). */
const breachedIn = (s: SlaScope) =>
  and(
    eq(slaClocks.state, "breached"),
    sql`${slaBreachInstant} >= ${s.from.toISOString()}::timestamptz`,
    sql`${slaBreachInstant} < ${s.to.toISOString()}::timestamptz`,
    ...customerIs(slaClocks.customerId, s.scope),
    ...visibleOnly(s),
  );

/** What a breach row shows: which clock, how late, which incident and customer, who was its assignee then. */
const breachColumns = {
  clockId: slaClocks.id,
  metric: slaClocks.metric,
  severity: slaClocks.severity,
  targetMinutes: slaClocks.targetMinutes,
  startAt: slaClocks.startAt,
  dueAt: slaClocks.dueAt,
  stopAt: slaClocks.stopAt,
  stoppedBy: slaClocks.stoppedBy,
  elapsedMs: slaClocks.elapsedMs,
  breachedAt: slaClocks.breachedAt,
  incidentId: incidents.id,
  number: incidents.number,
  title: incidents.title,
  customerId: customers.id,
  customerName: customers.name,
  customerSlug: customers.slug,
  onDuty: sql<string | null>`(select u.name from "user" u where u.id = ${slaClocks.breachedAssigneeId})`,
};

/** Every breach in the period (by when it breached), newest first, with its cause: which clock, how late, who was on it. */
export async function breachRows(db: DbOrTx, s: SlaScope, limit = 500) {
  return db
    .select(breachColumns)
    .from(slaClocks)
    .innerJoin(incidents, eq(incidents.id, slaClocks.incidentId))
    .innerJoin(customers, eq(customers.id, slaClocks.customerId))
    .where(breachedIn(s))
    .orderBy(sql`${slaBreachInstant} desc`)
    .limit(limit);
}

/**
 * One page of the period's breaches, newest due first (a clock breached while paused has no due time: last), the
 * clock's id breaking ties so pages never overlap or skip a row.
 */
export async function breachPage(db: DbOrTx, s: SlaScope, page: { limit: number; offset: number }) {
  const order = [sql`${slaClocks.dueAt} desc nulls last`, desc(slaClocks.id)];
  // The page's clocks are chosen from the clocks alone, then joined to their incident and customer: joining every
  // breach of the period before the sort (18,000 at 1,000 customers) cost 55 ms for 25 rows.
  const chosen = db
    .select({ id: slaClocks.id })
    .from(slaClocks)
    .where(breachedIn(s))
    .orderBy(...order)
    .limit(page.limit)
    .offset(page.offset)
    .as("chosen");
  return db
    .select(breachColumns)
    .from(chosen)
    .innerJoin(slaClocks, eq(slaClocks.id, chosen.id))
    .innerJoin(incidents, eq(incidents.id, slaClocks.incidentId))
    .innerJoin(customers, eq(customers.id, slaClocks.customerId))
    .orderBy(...order);
}

/**
 * Every breach of the period as its instant (epoch ms), per metric: all that the counts per metric and the shift
 * attribution need of them (one read of the breach index, not the rows). A row per metric holding its instants as one
 * array: tens of thousands of breaches cost no row objects on the way (at 18,000 breaches the rows' mapping was most
 * of the read).
 */
export async function breachTimes(db: DbOrTx, s: SlaScope): Promise<{ metric: Metric; at: number[] }[]> {
  const rows = await db
    .select({
      metric: slaClocks.metric,
      at: sql<number[]>`array_agg(floor(extract(epoch from ${slaBreachInstant}) * 1000)::float8)`,
    })
    .from(slaClocks)
    .where(breachedIn(s))
    .groupBy(slaClocks.metric);
  return rows.map((r) => ({ metric: r.metric, at: r.at.map(Number) }));
}
