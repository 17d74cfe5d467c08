import { Temporal } from "temporal-polyfill";
import type { Db, DbOrTx } from "@/db";
import { assertCan } from "@/server/auth/permissions";
import { findCustomer } from "@/server/customers/queries";
import { NotFound } from "@/server/errors";
import { gatherFacts } from "@/server/recommendations/gather";
import { isOutstanding } from "@/server/recommendations/lifecycle";
import { listActiveCustomers, listRecsOf, listStatusHistory } from "@/server/recommendations/queries";
import { lastMonths, monthRange } from "@/server/sla/report";
import { type ActorContext, clockOf, mintTenantId, type TenantContext, type TenantId } from "@/server/tenancy/tenant";
import { outstandingAt } from "./outstanding";
import * as q from "./queries";
import { type Driver, livePeriod, type PostureScore, pointsIfDone, postureScore } from "./score";

/** Months of history the month-close job backfills for a customer (the trend shows six). */
export const BACKFILL_MONTHS = 6;

/**
 * The score over a period (a calendar month when `month` is given); the outstanding recommendations are replayed
 * from history as they stood at its end.
 */
export async function scoreOver(db: DbOrTx, tenant: TenantId, period: { from: Date; to: Date }, month?: string) {
  const [facts, history] = await Promise.all([
    gatherFacts(db, tenant, period, month),
    listStatusHistory(db, tenant, period.to),
  ]);
  return postureScore({
    ...period,
    coverage: facts,
    outstanding: outstandingAt(history, period.to),
    incidents: facts.incidents,
    asks: facts.asks,
  });
}

/** A month's score: the stored one once the month is closed, computed (and not stored) before. */
export async function monthScore(db: DbOrTx, tenant: TenantId, month: string, timeZone: string) {
  const stored = await q.findStored(db, tenant, month);
  if (stored) return fromStored(stored);
  return scoreOver(db, tenant, monthRange(month, timeZone), month);
}

const fromStored = (s: q.StoredScore): PostureScore => ({
  score: s.score,
  band: s.band,
  drivers: s.drivers as Record<Driver, number>,
  noData: s.noData as PostureScore["noData"],
});

/** Stores a closed month once; returns whether this call stored it. */
export async function closeMonth(db: DbOrTx, tenant: TenantId, month: string, timeZone: string, now: Date) {
  const range = monthRange(month, timeZone);
  if (range.to.getTime() > now.getTime()) return false;
  if (await q.findStored(db, tenant, month)) return false;
  const s = await scoreOver(db, tenant, range, month);
  return q.insertStored(db, tenant, { month, score: s.score, band: s.band, drivers: s.drivers, noData: s.noData });
}

/** The month-close job: each active customer's closed months (with backfill), each stored once on any instance. */
export async function runMonthClose(db: Db, now: Date) {
  let stored = 0;
  for (const c of await listActiveCustomers(db)) {
    const months = lastMonths(now, c.timezone, BACKFILL_MONTHS + 1).slice(0, -1);
    for (const m of months) {
      if (monthRange(m, c.timezone).to.getTime() <= c.createdAt.getTime()) continue;
      if (await closeMonth(db, mintTenantId(c.id), m, c.timezone, now)) stored++;
    }
  }
  return { stored };
}

/** The portal home: live score, drivers, trend (stored months + live), and what would raise it most. */
export async function postureSummary(ctx: TenantContext) {
  assertCan(ctx.actor, "posture:read");
  const now = clockOf(ctx);
  const customer = await findCustomer(ctx.db, ctx.tenant);
  if (!customer) throw new NotFound("No such customer.");
  const months = lastMonths(now, customer.timezone, BACKFILL_MONTHS);
  const [live, stored, recs] = await Promise.all([
    liveScore(ctx.db, ctx.tenant, now),
    q.listStored(ctx.db, ctx.tenant, months[0]!),
    listRecsOf(ctx.db, ctx.tenant),
  ]);
  const outstanding = recs.filter((r) => isOutstanding(r.status));
  const severities = outstanding.map((r) => r.severity);
  const raise = outstanding
    .map((r) => ({
      id: r.id,
      title: r.title,
      severity: r.severity,
      category: r.category,
      status: r.status,
      points: pointsIfDone(severities, r.severity),
    }))
    .sort((a, b) => b.points - a.points || a.title.localeCompare(b.title));
  const current = months[months.length - 1]!;
  const trend = [
    ...stored.filter((s) => s.month !== current).map((s) => ({ month: s.month, score: s.score, live: false })),
    { month: current, score: live.score, live: true },
  ];
  return { ...live, trend, raise, timeZone: customer.timezone };
}

/** The live score: the last 30 days, with the recommendations outstanding now. */
export async function liveScore(db: DbOrTx, tenant: TenantId, now: Date) {
  const period = livePeriod(now);
  const [facts, recs] = await Promise.all([gatherFacts(db, tenant, period), listRecsOf(db, tenant)]);
  const outstanding = recs.filter((r) => isOutstanding(r.status)).map((r) => r.severity);
  return postureScore({ ...period, coverage: facts, outstanding, incidents: facts.incidents, asks: facts.asks });
}

/** Staff: every customer's live score with last month's stored one; drops of 10 points or more are flagged. */
export async function postureOverview(ctx: ActorContext) {
  assertCan(ctx.actor, "posture:read");
  const now = clockOf(ctx);
  const customers = await listActiveCustomers(ctx.db);
  const rows = [];
  for (const c of customers) {
    const tenant = mintTenantId(c.id);
    const [prev, last] = lastMonths(now, c.timezone, 3).slice(0, 2);
    const [live, lastStored, prevStored] = await Promise.all([
      liveScore(ctx.db, tenant, now),
      q.findStored(ctx.db, tenant, last!),
      q.findStored(ctx.db, tenant, prev!),
    ]);
    const change = lastStored && prevStored ? lastStored.score - prevStored.score : null;
    rows.push({
      customerId: c.id,
      name: c.name,
      live: live.score,
      band: live.band,
      drivers: live.drivers,
      lastMonth: last!,
      previousMonth: prev!,
      lastMonthScore: lastStored?.score ?? null,
      previousMonthScore: prevStored?.score ?? null,
      change,
      dropped: change !== null && change <= -10,
    });
  }
  return rows.sort((a, b) => a.live - b.live);
}

export const monthOf = (now: Date, timeZone: string) =>
  Temporal.Instant.fromEpochMilliseconds(now.getTime())
    .toZonedDateTimeISO(timeZone)
    .toPlainDate()
    .toPlainYearMonth()
    .toString();
