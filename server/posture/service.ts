import { Temporal } from "temporal-polyfill";
import type { Db, DbOrTx } from "@/db";
import { assertCan } from "@/server/auth/permissions";
import { findCustomer } from "@/server/customers/queries";
import { NotFound } from "@/server/errors";
import { readUnsupported } from "@/server/recommendations/coverage-facts";
import { gatherFacts, type KnownFacts } from "@/server/recommendations/gather";
import { isOutstanding } from "@/server/recommendations/lifecycle";
import { listActiveCustomers, listRecsOf, listStatusHistory } from "@/server/recommendations/queries";
import { lastMonths, monthRange } from "@/server/sla/report";
import { CASEWORK, sharedPageRead } from "@/server/tenancy/shared-read";
import { clockOf, mintTenantId, type StaffContext, type TenantContext, type TenantId } from "@/server/tenancy/tenant";
import { outstandingAt } from "./outstanding";
import { type OverviewQuery, overviewPage, overviewRows } from "./overview";
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
  const [customer, recs] = await Promise.all([findCustomer(ctx.db, ctx.tenant), listRecsOf(ctx.db, ctx.tenant)]);
  if (!customer) throw new NotFound("No such customer.");
  const months = lastMonths(now, customer.timezone, BACKFILL_MONTHS);
  const [live, stored] = await Promise.all([
    liveScore(ctx.db, ctx.tenant, now, { customer, recs }),
    q.listStored(ctx.db, ctx.tenant, months[0]!),
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

/**
 * The live score: the last 30 days, with the recommendations outstanding now. `known` is what the caller has read
 * already (the portal home: the customer and its recommendations); the score is the same with or without it.
 */
export async function liveScore(
  db: DbOrTx,
  tenant: TenantId,
  now: Date,
  known: Pick<KnownFacts, "customer" | "unsupported"> & { recs?: Awaited<ReturnType<typeof listRecsOf>> } = {},
) {
  const period = livePeriod(now);
  const [facts, recs] = await Promise.all([
    gatherFacts(db, tenant, period, undefined, { customer: known.customer, unsupported: known.unsupported }),
    known.recs ?? listRecsOf(db, tenant),
  ]);
  const outstanding = recs.filter((r) => isOutstanding(r.status)).map((r) => r.severity);
  return postureScore({ ...period, coverage: facts, outstanding, incidents: facts.incidents, asks: facts.asks });
}

/**
 * How many customers the posture job scores a minute, stalest first: at 1,000 customers each kept score is at most
 * ten minutes old, and a run costs ~100 live scores (2–3 s at 10 M alerts) instead of 1,000 at once.
 */
export const LIVE_BATCH = 100;

/**
 * The posture job: computes the live score (`liveScore`, the portal's own) of the active customers whose kept score is
 * oldest and keeps each for the console's overview, with the instant it was computed for.
 */
export async function refreshLiveScores(db: Db, now: Date, limit = LIVE_BATCH) {
  // The provider's unsupported agent versions once a run, not once a customer.
  const [due, unsupported] = await Promise.all([q.listStalestLive(db, limit), readUnsupported(db)]);
  for (const c of due) {
    const tenant = mintTenantId(c.id);
    await q.keepLive(db, tenant, await liveScore(db, tenant, now, { customer: c, unsupported }), now);
  }
  return { scored: due.length };
}

/**
 * Staff: every active customer's kept live score (as of when the posture job computed it) beside the last two closed
 * months' stored scores, searched, sorted and paged; drops of 10 points or more are flagged. Three reads at once,
 * whatever the number of customers (computing each live score here took 27–36 s at 1,000 customers).
 */
export async function postureOverview(ctx: StaffContext, input: OverviewQuery) {
  assertCan(ctx.actor, "posture:read");
  // Shared by every staff member for the same page: the kept scores are minutes old already.
  return sharedPageRead(ctx, "posture.overview", input, (c) => readOverview(c, input), CASEWORK);
}

async function readOverview(ctx: StaffContext, input: OverviewQuery) {
  const now = clockOf(ctx);
  // The month before last in any time zone (UTC−12 to UTC+14) is no earlier than three months before UTC's: all three
  // reads go at once.
  const from = lastMonths(now, "UTC", 4)[0]!;
  const [active, kept, stored] = await Promise.all([
    listActiveCustomers(ctx.db),
    q.listKeptLive(ctx.db),
    q.listStoredSince(ctx.db, from),
  ]);
  // The closed months by time zone: a provider's 1,000 customers sit in a dozen zones (Temporal is slow per call).
  const monthsIn = new Map<string, string[]>();
  const customers = active.map((c) => {
    const months = monthsIn.get(c.timezone) ?? lastMonths(now, c.timezone, 3);
    monthsIn.set(c.timezone, months);
    return { id: c.id, name: c.name, lastMonth: months[1]!, previousMonth: months[0]! };
  });
  return overviewPage(overviewRows(customers, kept, stored), input);
}

export const monthOf = (now: Date, timeZone: string) =>
  Temporal.Instant.fromEpochMilliseconds(now.getTime())
    .toZonedDateTimeISO(timeZone)
    .toPlainDate()
    .toPlainYearMonth()
    .toString();
