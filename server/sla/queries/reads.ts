import { and, asc, eq, ilike, inArray, isNull, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db";
import { contractVersions, customers, incidentEvents, incidents, slaClocks, slaMonthly, user } from "@/db/schema";
import { containsPattern } from "@/server/like";
import { customerOfScope, type ReadScope, type TenantId } from "@/server/tenancy/tenant";

// Reads for the SLA views, the portal and the monthly report.

/**
 * `customerView`: only incidents opened to the customer are listed in detail (breaches). Attainment and time-to count
 * every clock the contract measures, opened to the customer or not: one number in the console, portal and PDF.
 */
export type SlaScope = { scope: ReadScope; from: Date; to: Date; customerView?: boolean };
/** The customer condition of a read: the tenant's id, a staff member's chosen customer, or none (staff-wide). */
export const customerIs = (column: PgColumn, scope: ReadScope) => {
  const id = customerOfScope(scope);
  return id ? [eq(column, id)] : [];
};
export const visibleOnly = (s: SlaScope) =>
  s.customerView
    ? [sql`exists (select 1 from incidents vi where vi.id = ${slaClocks.incidentId} and vi.visible_to_customer)`]
    : [];

const monthExpr = sql<string>`to_char(${slaClocks.startAt} at time zone ${customers.timezone}, 'YYYY-MM')`;

/** The clocks on the "at risk and breached now" list: running or paused clocks of open incidents, at risk or breached. */
const atRiskWhere = (scope: ReadScope) =>
  and(
    inArray(slaClocks.state, ["at_risk", "breached"]),
    isNull(slaClocks.stopAt),
    sql`${incidents.status} <> 'closed'`,
    ...customerIs(slaClocks.customerId, scope),
  );

/** The most clocks the list sends: the most urgent first; `countClocksAtRisk` counts them all. */
export const RISK_ROWS = 200;

/** Open incidents' clocks that are at risk or breached, most urgent first (staff-wide, or one customer). */
export async function listClocksAtRisk(db: DbOrTx, scope: ReadScope, limit = RISK_ROWS) {
  return db
    .select({
      clockId: slaClocks.id,
      metric: slaClocks.metric,
      state: slaClocks.state,
      dueAt: slaClocks.dueAt,
      targetMinutes: slaClocks.targetMinutes,
      severity: slaClocks.severity,
      incidentId: incidents.id,
      number: incidents.number,
      title: incidents.title,
      status: incidents.status,
      assigneeName: user.name,
      customerId: customers.id,
      customerName: customers.name,
      customerSlug: customers.slug,
    })
    .from(slaClocks)
    .innerJoin(incidents, eq(incidents.id, slaClocks.incidentId))
    .innerJoin(customers, eq(customers.id, slaClocks.customerId))
    .leftJoin(user, eq(user.id, incidents.assigneeId))
    .where(atRiskWhere(scope))
    .orderBy(asc(slaClocks.dueAt))
    .limit(limit);
}

/**
 * Every clock of that list counted as `riskKind` counts one at `now` (paused: paused or no due time; overdue: breached
 * or due by `now`; at risk: the rest), however many there are: the list itself stops at `RISK_ROWS`.
 */
export async function countClocksAtRisk(db: DbOrTx, scope: ReadScope, now: Date) {
  const isPaused = sql`(${slaClocks.state} = 'paused' or ${slaClocks.dueAt} is null)`;
  const isDue = sql`(${slaClocks.state} = 'breached' or ${slaClocks.dueAt} <= ${now.toISOString()}::timestamptz)`;
  const [r] = await db
    .select({
      all: sql<number>`count(*)`.mapWith(Number),
      paused: sql<number>`count(*) filter (where ${isPaused})`.mapWith(Number),
      overdue: sql<number>`count(*) filter (where not ${isPaused} and ${isDue})`.mapWith(Number),
    })
    .from(slaClocks)
    .innerJoin(incidents, eq(incidents.id, slaClocks.incidentId))
    .where(atRiskWhere(scope));
  const { all = 0, paused = 0, overdue = 0 } = r ?? {};
  return { overdue, at_risk: all - overdue - paused, paused };
}

/** Decided clocks (met or breached, or breached while running) by customer, month (customer's zone), severity, metric. */
export async function attainmentRows(db: DbOrTx, s: SlaScope) {
  return db
    .select({
      customerId: slaClocks.customerId,
      customerName: customers.name,
      month: monthExpr,
      severity: slaClocks.severity,
      metric: slaClocks.metric,
      met: sql<number>`count(*) filter (where ${slaClocks.state} = 'met')::int`,
      breached: sql<number>`count(*) filter (where ${slaClocks.state} = 'breached')::int`,
      open: sql<number>`count(*) filter (where ${slaClocks.state} in ('running', 'at_risk', 'paused'))::int`,
    })
    .from(slaClocks)
    .innerJoin(customers, eq(customers.id, slaClocks.customerId))
    .where(
      and(
        sql`${slaClocks.startAt} >= ${s.from.toISOString()}::timestamptz`,
        sql`${slaClocks.startAt} < ${s.to.toISOString()}::timestamptz`,
        ...customerIs(slaClocks.customerId, s.scope),
      ),
    )
    .groupBy(slaClocks.customerId, customers.name, customers.timezone, monthExpr, slaClocks.severity, slaClocks.metric);
}

/** Mean, median and 90th percentile of each time-to (SLA time, pauses excluded) per month, from stopped clocks. */
export async function timeToRows(db: DbOrTx, s: SlaScope) {
  return db
    .select({
      month: monthExpr,
      metric: slaClocks.metric,
      count: sql<number>`count(*)::int`,
      meanMs: sql<number>`avg(${slaClocks.elapsedMs})::float8`,
      medianMs: sql<number>`percentile_cont(0.5) within group (order by ${slaClocks.elapsedMs})::float8`,
      p90Ms: sql<number>`percentile_cont(0.9) within group (order by ${slaClocks.elapsedMs})::float8`,
    })
    .from(slaClocks)
    .innerJoin(customers, eq(customers.id, slaClocks.customerId))
    .where(
      and(
        sql`${slaClocks.stopAt} is not null`,
        sql`${slaClocks.startAt} >= ${s.from.toISOString()}::timestamptz`,
        sql`${slaClocks.startAt} < ${s.to.toISOString()}::timestamptz`,
        ...customerIs(slaClocks.customerId, s.scope),
      ),
    )
    .groupBy(monthExpr, slaClocks.metric)
    .orderBy(monthExpr);
}

/** Incidents not opened to the customer whose clocks started in the period, and how many of them breached any target. */
export async function internalIncidentCounts(db: DbOrTx, s: SlaScope & { scope: TenantId }) {
  const [row] = await db
    .select({
      incidents: sql<number>`count(distinct ${slaClocks.incidentId})::int`,
      breached: sql<number>`count(distinct ${slaClocks.incidentId}) filter (where ${slaClocks.state} = 'breached')::int`,
    })
    .from(slaClocks)
    .innerJoin(incidents, eq(incidents.id, slaClocks.incidentId))
    .where(
      and(
        eq(slaClocks.customerId, s.scope),
        eq(incidents.visibleToCustomer, false),
        sql`${slaClocks.startAt} >= ${s.from.toISOString()}::timestamptz`,
        sql`${slaClocks.startAt} < ${s.to.toISOString()}::timestamptz`,
      ),
    );
  return { incidents: row?.incidents ?? 0, breached: row?.breached ?? 0 };
}

export async function listClocksForIncident(db: DbOrTx, tenant: TenantId, incidentId: string) {
  return db
    .select({
      clock: slaClocks,
      version: contractVersions.version,
      coverage: contractVersions.coverage,
      atRiskShare: contractVersions.atRiskShare,
    })
    .from(slaClocks)
    .leftJoin(contractVersions, eq(contractVersions.id, slaClocks.contractVersionId))
    .where(and(eq(slaClocks.customerId, tenant), eq(slaClocks.incidentId, incidentId)));
}

/** Who did what stopped each clock, from the timeline. */
export async function stopActors(db: DbOrTx, tenant: TenantId, incidentId: string) {
  return db
    .select({
      at: incidentEvents.at,
      kind: incidentEvents.kind,
      data: incidentEvents.data,
      actorLabel: incidentEvents.actorLabel,
      body: incidentEvents.body,
    })
    .from(incidentEvents)
    .where(
      and(
        eq(incidentEvents.customerId, tenant),
        eq(incidentEvents.incidentId, incidentId),
        inArray(incidentEvents.kind, ["status", "visibility"]),
      ),
    )
    .orderBy(asc(incidentEvents.at));
}

/** The rollup's rows of the months (staff-wide, one customer, or the customers of one page: `customerIds`). */
export async function monthlyRows(db: DbOrTx, months: string[], scope: ReadScope, customerIds?: string[]) {
  return db
    .select({
      customerId: slaMonthly.customerId,
      month: slaMonthly.month,
      severity: slaMonthly.severity,
      metric: slaMonthly.metric,
      met: slaMonthly.met,
      breached: slaMonthly.breached,
      open: slaMonthly.open,
      stopped: slaMonthly.stopped,
      elapsedSumMs: slaMonthly.elapsedSumMs,
    })
    .from(slaMonthly)
    .where(
      and(
        inArray(slaMonthly.month, months),
        ...customerIs(slaMonthly.customerId, scope),
        customerIds ? inArray(slaMonthly.customerId, customerIds) : undefined,
      ),
    );
}

/** Each customer's counts of one month summed over severities and metrics (the grid cell's overall, in the database). */
export async function monthTotalsByCustomer(db: DbOrTx, month: string, scope: ReadScope) {
  return db
    .select({
      customerId: slaMonthly.customerId,
      met: sql<number>`sum(${slaMonthly.met})::int`,
      breached: sql<number>`sum(${slaMonthly.breached})::int`,
      open: sql<number>`sum(${slaMonthly.open})::int`,
    })
    .from(slaMonthly)
    .where(and(eq(slaMonthly.month, month), ...customerIs(slaMonthly.customerId, scope)))
    .groupBy(slaMonthly.customerId);
}

export type CustomerPageFilter = {
  months: string[];
  scope: ReadScope;
  search?: string;
  /** `worst`: lowest attainment over the months first (nothing decided last), then by name. */
  sort: "worst" | "name";
  limit: number;
  offset: number;
};

/**
 * One page of customers for the cross-customer attainment grid, sorted and filtered in the database from the rollup,
 * with the count of every customer that matches. A customer without clocks in the months has a row (null attainment).
 */
export async function attainmentCustomerPage(db: DbOrTx, f: CustomerPageFilter) {
  const window = db
    .select({
      customerId: slaMonthly.customerId,
      met: sql<number>`sum(${slaMonthly.met})::int`.as("w_met"),
      breached: sql<number>`sum(${slaMonthly.breached})::int`.as("w_breached"),
    })
    .from(slaMonthly)
    .where(and(inArray(slaMonthly.month, f.months), ...customerIs(slaMonthly.customerId, f.scope)))
    .groupBy(slaMonthly.customerId)
    .as("w");
  const share = sql<
    number | null
  >`(${window.met}::float8 / nullif(coalesce(${window.met}, 0) + coalesce(${window.breached}, 0), 0))`;
  const term = f.search?.trim();
  const rows = await db
    .select({
      customerId: customers.id,
      customerName: customers.name,
      attainment: share,
      total: sql<number>`(count(*) over ())::int`,
    })
    .from(customers)
    .leftJoin(window, eq(window.customerId, customers.id))
    .where(and(...customerIs(customers.id, f.scope), term ? ilike(customers.name, containsPattern(term)) : undefined))
    .orderBy(...(f.sort === "worst" ? [sql`${share} asc nulls last`] : []), asc(customers.name), asc(customers.id))
    .limit(f.limit)
    .offset(f.offset);
  return rows;
}

/** Every matching customer's count, for a page past the end (the page read above returns no row to carry it). */
export async function countCustomers(db: DbOrTx, scope: ReadScope, search?: string) {
  const term = search?.trim();
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(customers)
    .where(and(...customerIs(customers.id, scope), term ? ilike(customers.name, containsPattern(term)) : undefined));
  return row?.n ?? 0;
}

/** The rollup summed over customers: per month, severity and metric (provider-wide, or the one customer in scope). */
export async function monthlyTotals(db: DbOrTx, months: string[], scope: ReadScope) {
  return db
    .select({
      month: slaMonthly.month,
      severity: slaMonthly.severity,
      metric: slaMonthly.metric,
      met: sql<number>`sum(${slaMonthly.met})::int`,
      breached: sql<number>`sum(${slaMonthly.breached})::int`,
      open: sql<number>`sum(${slaMonthly.open})::int`,
      stopped: sql<number>`sum(${slaMonthly.stopped})::int`,
      elapsedSumMs: sql<number>`sum(${slaMonthly.elapsedSumMs})::float8`,
    })
    .from(slaMonthly)
    .where(and(inArray(slaMonthly.month, months), ...customerIs(slaMonthly.customerId, scope)))
    .groupBy(slaMonthly.month, slaMonthly.severity, slaMonthly.metric);
}
