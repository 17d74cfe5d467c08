import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { customers } from "@/db/schema";
import { assertCan } from "@/server/auth/permissions";
import { NotFound } from "@/server/errors";
import { monthRange } from "@/server/sla/report";
import { CASEWORK, sharedPageRead } from "@/server/tenancy/shared-read";
import { type ActorContext, clockOf, type TenantContext, type TenantId } from "@/server/tenancy/tenant";
import { availability, historyFromHours, noHistory, silentPeriods } from "./availability";
import { type HealthFacts, sensorHealth, unsupportedSet } from "./health";
import {
  byNeedForAction,
  classesOf,
  contractedClasses,
  MATRIX_CLASSES,
  type MatrixClass,
  matrixRow,
  matrixRowFromStates,
  needsAction,
} from "./matrix";
import * as q from "./queries";

type Facts = Awaited<ReturnType<typeof q.listHealthFacts>>[number];

/** Health of each sensor at `now`, with the classes it counts as. The one place sensor state is decided. */
export function withHealth<T extends Facts>(rows: T[], unsupported: ReadonlySet<string>, now: Date) {
  return rows.map((s) => ({ ...s, ...sensorHealth(s as HealthFacts, unsupported, now), classes: classesOf(s) }));
}

/** Health of a tenant's sensors (the sensors pages, portal and console). */
export async function tenantSensorHealth(db: DbOrTx, tenant: TenantId, now: Date) {
  const [rows, list] = await Promise.all([q.listHealthFacts(db, tenant), q.listUnsupportedVersions(db)]);
  return withHealth(rows, unsupportedSet(list), now);
}

export type MatrixFilter = { state?: "action" | "all"; search?: string; page?: number };
export const MATRIX_PAGE_SIZE = 50;

/**
 * Staff: every active customer × class, sorted by what needs action, a page at a time. One read of ~1,000 rows (the
 * states present per customer and class, decided in SQL by the rule of `health.ts`); the cells, the figure and the
 * order are decided here by `matrix.ts`.
 */
export async function coverageMatrix(ctx: ActorContext, filter: MatrixFilter = {}) {
  assertCan(ctx.actor, "sensor:read");
  if (ctx.actor.side !== "staff") throw new NotFound("No such list.");
  return sharedPageRead(ctx, "coverage.matrix", filter, (c) => readMatrix(c, filter), CASEWORK);
}

async function readMatrix(ctx: ActorContext, filter: MatrixFilter) {
  const now = clockOf(ctx);
  const all = (await q.matrixFacts(ctx.db, now))
    .map((c) => ({
      id: c.id,
      name: c.name,
      slug: c.slug,
      tier: c.tier,
      row: matrixRowFromStates(
        contractedClasses(c.tier ? { tier: c.tier, monitoredClasses: c.monitoredClasses ?? [] } : null),
        c.present,
      ),
    }))
    .sort(byNeedForAction);
  const summary = {
    customers: all.length,
    needsAction: all.filter((r) => needsAction(r.row)).length,
    missing: all.reduce((n, r) => n + r.row.counts.missing, 0),
    silent: all.reduce((n, r) => n + r.row.counts.silent, 0),
    degraded: all.reduce((n, r) => n + r.row.counts.degraded, 0),
  };
  const term = filter.search?.trim().toLowerCase();
  const shown = all.filter(
    (r) =>
      (!term || r.name.toLowerCase().includes(term) || r.slug.includes(term)) &&
      (filter.state !== "action" || needsAction(r.row)),
  );
  const pages = Math.max(1, Math.ceil(shown.length / MATRIX_PAGE_SIZE));
  const page = Math.min(Math.max(1, filter.page ?? 1), pages);
  return {
    at: now,
    classes: MATRIX_CLASSES,
    summary,
    total: shown.length,
    page,
    pages,
    rows: shown.slice((page - 1) * MATRIX_PAGE_SIZE, page * MATRIX_PAGE_SIZE),
  };
}

const DAY = 86_400_000;

/** One customer's coverage now: contracted classes and their state, sensors with health and 30-day availability. */
export async function customerCoverage(ctx: TenantContext) {
  assertCan(ctx.actor, "sensor:read");
  const now = clockOf(ctx);
  const [contract, sensors] = await Promise.all([
    q.tenantContract(ctx.db, ctx.tenant, now),
    tenantSensorHealth(ctx.db, ctx.tenant, now),
  ]);
  const from = new Date(now.getTime() - 30 * DAY);
  const avail = await availabilityOf(ctx.db, ctx.tenant, sensors, from, now);
  const contracted = contractedClasses(contract);
  const row = matrixRow(contracted, sensors);
  return {
    at: now,
    tier: contract?.tier ?? null,
    hasContract: contract !== null,
    coverage: row.coverage,
    classes: MATRIX_CLASSES.filter((c) => row.cells[c].state !== "none").map((c) => ({ cls: c, ...row.cells[c] })),
    sensors: sensors.map((s) => ({
      id: s.id,
      name: s.name,
      sensorClass: s.sensorClass,
      classes: s.classes,
      vendor: s.vendor,
      product: s.product,
      site: s.site,
      state: s.state,
      reasons: s.reasons,
      lastSeen: s.lastSeen,
      silentSince: s.silentSince,
      healthNote: s.healthNote,
      agentVersion: s.agentVersion,
      heartbeatIntervalSeconds: s.heartbeatIntervalSeconds,
      availability30d: avail.get(s.id)?.ratio ?? null,
    })),
  };
}

async function availabilityOf(
  db: DbOrTx,
  tenant: TenantId,
  sensors: { id: string; heartbeatIntervalSeconds: number; state: string }[],
  from: Date,
  to: Date,
) {
  const live = sensors.filter((s) => s.state !== "retired");
  const histories = await q.sensorHistories(db, tenant, live, from, to);
  const out = new Map<string, { ratio: number | null; periods: ReturnType<typeof silentPeriods> }>();
  for (const s of live) {
    const h = histories.get(s.id) ?? noHistory(s.heartbeatIntervalSeconds);
    out.set(s.id, { ratio: availability(h, from, to).ratio, periods: silentPeriods(h, from, to) });
  }
  return out;
}

/**
 * Each sensor that existed by `to`, with its hourly rows of [from, to) (plus the last row before `from`) and its
 * health at the instant `to` decided from those rows: never from the raw heartbeats (pruned after 48 hours) nor the
 * cached latest facts, so a month's figures are the same months later. Degraded comes from health events in the
 * hour before `to` and today's unsupported-versions list; retired is today's status.
 */
async function historyUntil(db: DbOrTx, tenant: TenantId, from: Date, to: Date) {
  const [facts, list, degradedIds] = await Promise.all([
    q.listHealthFacts(db, tenant),
    q.listUnsupportedVersions(db),
    q.degradedAt(db, tenant, to),
  ]);
  const rows = await q.hourRows(
    db,
    tenant,
    facts.map((s) => s.id),
    from,
    to,
  );
  const bySensor = new Map<string, typeof rows>();
  for (const r of rows) if (r.firstAt < to) bySensor.set(r.sensorId, [...(bySensor.get(r.sensorId) ?? []), r]);
  const unsupported = unsupportedSet(list);
  return facts
    .filter((s) => s.createdAt < to || bySensor.has(s.id))
    .map((s) => {
      const mine = bySensor.get(s.id) ?? [];
      const health = sensorHealth(
        {
          ...s,
          lastHeartbeatAt: lastBeatBefore(mine, to),
          lastEventAt: null,
          healthNoteAt: degradedIds.has(s.id) ? to : null,
        } as HealthFacts,
        unsupported,
        to,
      );
      return { sensor: s, rows: mine, health, classes: classesOf(s) };
    });
}

/**
 * Sensor health at a past instant `at` (a report's month end) from the hourly rows: the one source of "state at month
 * end" for the coverage and visibility figures of the monthly report.
 */
export async function sensorHealthAt(db: DbOrTx, tenant: TenantId, at: Date) {
  const list = await historyUntil(db, tenant, q.hourOf(at), at);
  return list.map(({ sensor: s, health, classes }) => ({
    id: s.id,
    name: s.name,
    sensorClass: s.sensorClass,
    providesClasses: s.providesClasses,
    classes,
    ...health,
  }));
}

/**
 * For the monthly report: classes and states at the end of `month` (in the customer's zone), availability of each
 * sensor over the month and its silent periods, all from the hourly rows (see `historyUntil`).
 */
export async function coverageHealthForMonth(db: DbOrTx, tenant: TenantId, month: string) {
  const [cust] = await db.select({ timeZone: customers.timezone }).from(customers).where(eq(customers.id, tenant));
  if (!cust) throw new NotFound("No such customer.");
  const { from, to } = monthRange(month, cust.timeZone);
  const [contract, list] = await Promise.all([q.tenantContract(db, tenant, to), historyUntil(db, tenant, from, to)]);
  const sensors = list.map(({ sensor: s, rows, health, classes }) => {
    const h = historyFromHours(rows, s.heartbeatIntervalSeconds);
    return {
      id: s.id,
      name: s.name,
      sensorClass: s.sensorClass,
      classes,
      stateAtMonthEnd: health.state,
      silentSinceAtMonthEnd: health.silentSince,
      availability: availability(h, from, to).ratio,
      silentPeriods: silentPeriods(h, from, to),
    };
  });
  const row = matrixRow(
    contractedClasses(contract),
    sensors.map((s) => ({ ...s, state: s.stateAtMonthEnd })),
  );
  return {
    month,
    from,
    to,
    coverage: row.coverage,
    classes: MATRIX_CLASSES.map((c: MatrixClass) => ({
      cls: c,
      contracted: row.cells[c].contracted,
      state: row.cells[c].state,
    })),
    sensors,
  };
}

/** The latest heartbeat before `to` known from the hourly rows (a row straddling `to` gives its last gap's start). */
function lastBeatBefore(rows: { firstAt: Date; lastAt: Date; gaps: [number, number][] }[], to: Date): Date | null {
  let best = Number.NEGATIVE_INFINITY;
  const t = to.getTime();
  for (const r of rows) {
    if (r.lastAt.getTime() < t) best = Math.max(best, r.lastAt.getTime());
    else if (r.firstAt.getTime() < t) {
      // Inside the row: the heartbeat before `to` is at most 3 × interval earlier unless `to` falls in a stored gap.
      const gap = r.gaps.find(([a, b]) => a < t && t <= b);
      best = Math.max(best, gap ? gap[0] : t);
    }
  }
  return Number.isFinite(best) ? new Date(best) : null;
}
