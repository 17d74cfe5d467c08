import { METRICS, type Metric } from "@/db/schema/contracts";
import { assertCan } from "@/server/auth/permissions";
import { findCustomer } from "@/server/customers/queries";
import { boundedMonth } from "@/server/dates";
import { NotFound } from "@/server/errors";
import { findIncident } from "@/server/incidents/queries";
import { incidentReference } from "@/server/incidents/severity";
import { loadBreachAttribution } from "@/server/roster/plan";
import { sharedPageRead } from "@/server/tenancy/shared-read";
import { clockOf, type StaffContext, staffWide, type TenantContext, type TenantId } from "@/server/tenancy/tenant";
import { clockStatus } from "./clock";
import { METRIC_LABELS, toCalendar } from "./compute";
import * as q from "./queries";
import { type AttainmentRow, attainmentMatrix, attainmentShare, lastMonths, monthRange, tally } from "./report";

/**
 * The SLA read side: what is about to breach, how each month stood, and every clock's evidence. The console, the portal
 * and the monthly report all read these functions, so their numbers agree.
 */
export const monthInput = boundedMonth("Use YYYY-MM");

const withRef = <T extends { customerSlug: string; number: number }>(r: T) => ({
  ...r,
  reference: incidentReference(r.customerSlug, r.number),
});

/**
 * Provider-wide (staff only): what is about to breach, optionally for one customer a staff member picked — the most
 * urgent `RISK_ROWS` clocks, and every clock of the list counted (`counts`, as `riskCounts` counts at this instant;
 * `total` all of them): at a large provider hundreds are at risk at once.
 */
export async function riskNow(ctx: StaffContext, customerId?: string) {
  assertCan(ctx.actor, "sla:read");
  // The SLA page, the console's banner and the manager's home read it: shared among staff (sharedPageRead).
  return sharedPageRead(ctx, "sla.risk", { customerId }, (c) => readRisk(c, customerId));
}

async function readRisk(ctx: StaffContext, customerId?: string) {
  const scope = staffWide(ctx, customerId);
  const [rows, counts] = await Promise.all([
    q.listClocksAtRisk(ctx.db, scope),
    q.countClocksAtRisk(ctx.db, scope, clockOf(ctx)),
  ]);
  return { rows: rows.map(withRef), counts, total: counts.overdue + counts.at_risk + counts.paused };
}

/** One customer's month: attainment matrix, time-to statistics, breaches. */
export async function slaMonth(ctx: TenantContext, month: string) {
  assertCan(ctx.actor, "sla:read");
  const customer = await findCustomer(ctx.db, ctx.tenant);
  if (!customer) throw new NotFound("No such customer.");
  return monthSlaData(ctx.db, ctx.tenant, customer.timezone, month, ctx.actor.side === "customer");
}

/**
 * THE attainment of a customer's month: every clock the contract measures counts, whether or not its incident was
 * opened to the customer, so the console, the portal and the PDF show one number. `customerView` (the portal and the
 * report) lists breaches only of incidents opened to the customer; the others appear only as counts in `internal`.
 */
export async function monthSlaData(
  db: TenantContext["db"],
  tenant: TenantId,
  timeZone: string,
  month: string,
  customerView = false,
) {
  const range = monthRange(month, timeZone);
  const scope = { scope: tenant, ...range, customerView };
  const [rows, timeTo, breaches, internal] = await Promise.all([
    q.attainmentRows(db, scope),
    q.timeToRows(db, scope),
    q.breachRows(db, scope),
    q.internalIncidentCounts(db, scope),
  ]);
  return {
    month,
    timeZone,
    ...range,
    attainment: attainmentMatrix(rows as AttainmentRow[]),
    timeTo: timeTo.map((t) => ({
      metric: t.metric as Metric,
      count: t.count,
      meanMs: t.meanMs,
      medianMs: t.medianMs,
      p90Ms: t.p90Ms,
    })),
    breaches: breaches.map(withRef),
    /** Incidents kept internal (never opened to the customer) whose clocks count above: "N, of which M breached". */
    internal,
  };
}

/** The months of the cross-customer views: the last `months` whole-or-current months, oldest first (UTC). */
function overviewMonths(ctx: StaffContext, months: number) {
  return lastMonths(clockOf(ctx), "UTC", months + 1).slice(1);
}

type MonthlyRow = Awaited<ReturnType<typeof q.monthlyRows>>[number];
type SummedRow = Pick<MonthlyRow, "month" | "severity" | "metric" | "met" | "breached" | "open" | "stopped"> & {
  elapsedSumMs: number;
};

/**
 * Each customer month's overall tally from the rollup, for the cross-customer views (the grid shows only that; a
 * cell's severity × metric detail is its own read, `slaMonth`, tallied by the same function).
 */
function monthCells(rows: MonthlyRow[]) {
  const byKey = new Map<string, { customerId: string; month: string; rows: MonthlyRow[] }>();
  for (const r of rows) {
    const k = `${r.customerId}|${r.month}`;
    const e = byKey.get(k);
    if (e) e.rows.push(r);
    else byKey.set(k, { customerId: r.customerId, month: r.month, rows: [r] });
  }
  return [...byKey.values()].map((e) => ({ customerId: e.customerId, month: e.month, ...tally(e.rows) }));
}

/**
 * Mean time-to per month and metric (MTTA, MTTN, MTTC, MTTR) from the rollup's sums; medians and 90th percentiles
 * are per customer month (slaMonth), computed from the clocks themselves.
 */
function meanTrends(rows: SummedRow[]) {
  const sums = new Map<string, { month: string; metric: Metric; count: number; sum: number }>();
  for (const r of rows) {
    const k = `${r.month}|${r.metric}`;
    const e = sums.get(k) ?? { month: r.month, metric: r.metric as Metric, count: 0, sum: 0 };
    e.count += r.stopped;
    e.sum += Number(r.elapsedSumMs);
    sums.set(k, e);
  }
  return [...sums.values()]
    .filter((e) => e.count > 0)
    .sort((a, b) => a.month.localeCompare(b.month))
    .map((e) => ({ month: e.month, metric: e.metric, count: e.count, meanMs: e.sum / e.count }));
}

/**
 * This month's overall per customer (each customer's own zone), every customer at once, for the manager's home: the
 * grid cell's figure, its rows summed in the database (1,000 rows, not 20,000) and the share by `attainmentShare`.
 */
export async function monthOverall(ctx: StaffContext) {
  assertCan(ctx.actor, "sla:read");
  const [month] = overviewMonths(ctx, 1);
  // The rollup holds each customer month's counts; months changed since the last read are rebuilt first.
  await q.refreshDirtyMonths(ctx.db);
  const rows = await q.monthTotalsByCustomer(ctx.db, month!, staffWide(ctx));
  return {
    month: month!,
    cells: rows.map((r) => ({ ...r, attainment: attainmentShare(r.met, r.breached) })),
  };
}

export const ATTAINMENT_SORTS = ["worst", "name"] as const;
export type AttainmentPageInput = {
  months: number;
  customerId?: string;
  search?: string;
  sort: (typeof ATTAINMENT_SORTS)[number];
  page: number;
  pageSize: number;
};

/**
 * The console's SLA grid, one page of customers at a time: the page's customers (sorted and filtered in the database,
 * worst attainment over the months first by default), each cell's overall from the same rollup read as
 * attainmentOverview, and the provider-wide totals (a matrix per month: the "all customers" row's dialog shows it) and
 * trends summed in the database (not from the page). A customer cell's detail is `slaMonth`, read when it is opened.
 */
export async function attainmentPage(ctx: StaffContext, input: AttainmentPageInput) {
  assertCan(ctx.actor, "sla:read");
  return sharedPageRead(ctx, "sla.attainment", input, (c) => readAttainmentPage(c, input));
}

async function readAttainmentPage(ctx: StaffContext, input: AttainmentPageInput) {
  const keep = overviewMonths(ctx, input.months);
  await q.refreshDirtyMonths(ctx.db);
  const scope = staffWide(ctx, input.customerId);
  const [customers, totals] = await Promise.all([
    q.attainmentCustomerPage(ctx.db, {
      months: keep,
      scope,
      search: input.search,
      sort: input.sort,
      limit: input.pageSize,
      offset: (input.page - 1) * input.pageSize,
    }),
    q.monthlyTotals(ctx.db, keep, scope),
  ]);
  const ids = customers.map((c) => c.customerId);
  const [rows, total] = await Promise.all([
    ids.length ? q.monthlyRows(ctx.db, keep, scope, ids) : [],
    customers[0] ? customers[0].total : q.countCustomers(ctx.db, scope, input.search),
  ]);
  return {
    months: keep,
    page: input.page,
    pageSize: input.pageSize,
    total,
    customers: customers.map((c) => ({ id: c.customerId, name: c.customerName, attainment: c.attainment })),
    cells: monthCells(rows),
    totals: keep.map((month) => ({
      month,
      ...attainmentMatrix(totals.filter((t) => t.month === month) as AttainmentRow[]),
    })),
    trends: meanTrends(totals),
  };
}

export type BreachPageInput = { from: Date; to: Date; customerId?: string; page: number; pageSize: number };

/** The period's breach instants over every customer, sorted: the roster timeline counts them per shift as this page does. */
export async function breachInstants(ctx: StaffContext, from: Date, to: Date): Promise<number[]> {
  assertCan(ctx.actor, "sla:read");
  const breached = await q.breachTimes(ctx.db, { scope: staffWide(ctx), from, to });
  return breached.flatMap((m) => m.at).sort((a, b) => a - b);
}

/** The shifts with most breaches the console lists (the rest are counted: a month has hundreds of shifts). */
export const BREACH_SHIFTS_SHOWN = 12;

/**
 * The console's breach list, one page at a time (newest due first), with what the whole period shows beside it:
 * the count, the count per metric and the breaches per shift and per roster, all over every breach of the period (the
 * attribution reads only their instants); the shifts on duty are named for the page's rows only.
 */
export async function breaches(ctx: StaffContext, input: BreachPageInput) {
  assertCan(ctx.actor, "sla:read");
  return sharedPageRead(ctx, "sla.breaches", input, (c) => readBreaches(c, input));
}

async function readBreaches(ctx: StaffContext, input: BreachPageInput) {
  const scope = { scope: staffWide(ctx, input.customerId), from: input.from, to: input.to };
  const [page, breached] = await Promise.all([
    q.breachPage(ctx.db, scope, { limit: input.pageSize, offset: (input.page - 1) * input.pageSize }),
    q.breachTimes(ctx.db, scope),
  ]);
  const rows = page.map(withRef);
  const at = rows.map((r) => (r.breachedAt ?? r.dueAt)?.getTime() ?? 0);
  const { perBreach, perShift, perRoster } = await loadBreachAttribution(
    ctx.db,
    breached.flatMap((b) => b.at),
    at,
  );
  const byMetric = METRICS.map((metric) => ({
    metric,
    n: breached.find((b) => b.metric === metric)?.at.length ?? 0,
  })).filter((x) => x.n > 0);
  return {
    page: input.page,
    pageSize: input.pageSize,
    total: breached.reduce((n, b) => n + b.at.length, 0),
    byMetric,
    rows: rows.map((r, i) => ({ ...r, shifts: perBreach[i] ?? [] })),
    perShift: perShift.slice(0, BREACH_SHIFTS_SHOWN),
    shiftsWithBreaches: perShift.length,
    perRoster,
  };
}

/** Every clock of one incident with its evidence: start, pauses, stop and who stopped it, due, live state. */
export async function incidentClocks(ctx: TenantContext, incidentId: string, customerView = false) {
  assertCan(ctx.actor, "sla:read");
  const inc = await findIncident(ctx.db, ctx.tenant, incidentId);
  if (!inc || (customerView && !inc.incident.visibleToCustomer)) throw new NotFound("No such incident.");
  const now = clockOf(ctx);
  const [rows, events] = await Promise.all([
    q.listClocksForIncident(ctx.db, ctx.tenant, incidentId),
    q.stopActors(ctx.db, ctx.tenant, incidentId),
  ]);
  const who = (metric: Metric): string | null => {
    const isStop = (e: (typeof events)[number]) => {
      const to = (e.data as { to?: string }).to;
      if (metric === "notify") return e.kind === "visibility";
      if (metric === "acknowledge") return e.kind === "status";
      if (metric === "contain") return ["contained", "eradicated", "recovered", "closed"].includes(to ?? "");
      return ["recovered", "closed"].includes(to ?? "");
    };
    return events.find(isStop)?.actorLabel ?? null;
  };
  const order: Metric[] = ["acknowledge", "notify", "contain", "resolve"];
  return rows
    .sort((a, b) => order.indexOf(a.clock.metric) - order.indexOf(b.clock.metric))
    .map(({ clock: c, version, coverage, atRiskShare }) => {
      const pauses = c.pauses.map((p) => ({ from: new Date(p.from), to: p.to ? new Date(p.to) : null }));
      const live = coverage
        ? clockStatus(
            toCalendar(coverage),
            { start: c.startAt, targetMinutes: c.targetMinutes, pauses, stop: c.stopAt },
            now,
            atRiskShare ?? 0.25,
          )
        : null;
      return {
        metric: c.metric,
        label: METRIC_LABELS[c.metric],
        severity: c.severity,
        targetMinutes: c.targetMinutes,
        startAt: c.startAt,
        pauses,
        stopAt: c.stopAt,
        stoppedBy: c.stoppedBy,
        stoppedByWho: c.stopAt ? who(c.metric) : null,
        dueAt: live?.due ?? c.dueAt,
        state: live?.state ?? c.state,
        elapsedMs: live?.elapsedMs ?? c.elapsedMs,
        remainingMs: live?.remainingMs ?? null,
        contractVersion: version,
        coverage: coverage?.kind === "business" ? `Business hours (${coverage.timeZone})` : "24/7",
      };
    });
}
