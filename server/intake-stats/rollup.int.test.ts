import { inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { rowsOf } from "@/db";
import { alerts } from "@/db/schema";
import { loadPlan } from "@/server/roster/plan";
import { closeTestDatabase, createTestDatabase } from "@/server/testing/db";
import { callerAs, createWorld, insertTestAlert } from "@/server/testing/factories";
import { intakeQuarters, QUARTER_MS } from "./queries";
import { INTAKE_ROLLUP_REPAIR_MS, rollUpIntake } from "./service";

// The intake rollup: the same counts whether read from the alerts or from the rollup, at any bounds, before and after
// each run; closing an alert untouched takes it out of the forecast's count within the repair window.
let h: DatabaseHandle;
let w: Awaited<ReturnType<typeof createWorld>>;
const HOUR = 3_600_000;
const NOW = Date.now();
const at = (hoursAgo: number) => new Date(NOW - hoursAgo * HOUR);
const ids: string[] = [];

/** Counted straight from the alerts, per quarter: what every read must equal. */
async function truth(from: Date, to: Date) {
  const rows = rowsOf<{ at: string; received: number; needing: number }>(
    await h.db.execute(sql`
      select (floor(extract(epoch from received_at) * 1000 / ${QUARTER_MS}) * ${QUARTER_MS})::bigint as at,
        count(*)::int as received,
        (count(*) filter (where not (status = 'closed' and acknowledged_by is null and assignee_id is null)))::int as needing
      from alerts where received_at >= ${from.toISOString()}::timestamptz and received_at < ${to.toISOString()}::timestamptz
      group by 1 order by 1`),
  );
  return rows.map((r) => ({ at: Number(r.at), received: Number(r.received), needingTriage: Number(r.needing) }));
}

beforeAll(async () => {
  h = await createTestDatabase();
  w = await createWorld(h.db);
  // Two customers, spread over 20 days, several in one quarter, some on a quarter's first millisecond.
  const hours = [0.01, 0.3, 0.3, 0.31, 1, 2.5, 5, 11, 24, 49, 73, 80, 120, 200, 333, 480];
  for (const [i, h0] of hours.entries()) {
    const customer = i % 2 ? w.a.customer.id : w.b.customer.id;
    const row = await insertTestAlert(h.db, customer, { receivedAt: at(h0), eventTime: at(h0) });
    ids.push(row.id);
  }
  const edge = new Date(Math.floor(NOW / QUARTER_MS) * QUARTER_MS - 4 * QUARTER_MS);
  ids.push((await insertTestAlert(h.db, w.a.customer.id, { receivedAt: edge, eventTime: edge })).id);
  // Closed untouched (left out of the forecast) and closed by an analyst who had it (counted).
  await h.db
    .update(alerts)
    .set({ status: "closed" })
    .where(inArray(alerts.id, [ids[2]!, ids[12]!]));
  await h.db
    .update(alerts)
    .set({ status: "closed", assigneeId: w.staff.analyst.id })
    .where(inArray(alerts.id, [ids[3]!]));
}, 60_000);
afterAll(closeTestDatabase);

const windows: [Date, Date][] = [
  [at(24 * 21), new Date(NOW)],
  [at(50.123), at(0.2)],
  [at(0.32), at(0.29)],
  [new Date(Math.floor(NOW / QUARTER_MS) * QUARTER_MS - 8 * QUARTER_MS), new Date(NOW + HOUR)],
];

describe("intake rollup", () => {
  it("reads the same counts from the alerts before the first run and from the rollup after it", async () => {
    for (const [from, to] of windows) expect(await intakeQuarters(h.db, from, to)).toEqual(await truth(from, to));
    const first = await rollUpIntake(h.db, new Date(NOW));
    expect(first.from).toBe("all");
    const stored = rowsOf<{ n: number }>(await h.db.execute(sql`select count(*)::int as n from alert_intake_quarters`));
    expect(stored[0]!.n).toBeGreaterThan(10); // the history is in the rollup now, not read live
    for (const [from, to] of windows) expect(await intakeQuarters(h.db, from, to)).toEqual(await truth(from, to));
    const total = await intakeQuarters(h.db, at(24 * 21), new Date(NOW));
    expect(total.reduce((a, x) => a + x.received, 0)).toBe(ids.length);
    expect(total.reduce((a, x) => a + x.needingTriage, 0)).toBe(ids.length - 2);
  });

  it("counts an alert received after the watermark live, and a close inside the repair window at the next run", async () => {
    const late = await insertTestAlert(h.db, w.b.customer.id, { receivedAt: new Date(NOW), eventTime: new Date(NOW) });
    const [from, to] = [at(24 * 21), new Date(NOW + 1)];
    expect(await intakeQuarters(h.db, from, to)).toEqual(await truth(from, to));
    // Closed untouched 10 hours after it arrived: the rollup holds the old count until the next run repairs it.
    await h.db
      .update(alerts)
      .set({ status: "closed" })
      .where(inArray(alerts.id, [ids[7]!, late.id]));
    const before = await intakeQuarters(h.db, from, to);
    const next = await rollUpIntake(h.db, new Date(NOW + QUARTER_MS));
    expect(new Date(next.from).getTime()).toBeLessThanOrEqual(NOW - INTAKE_ROLLUP_REPAIR_MS);
    const after = await intakeQuarters(h.db, from, to);
    expect(after).toEqual(await truth(from, to));
    const needing = (xs: { needingTriage: number }[]) => xs.reduce((a, x) => a + x.needingTriage, 0);
    expect(needing(before) - needing(after)).toBe(1); // the 11-hour-old one; `late` was live both times
  });

  it("gives the manager's trend and the roster's forecast the same alerts", async () => {
    await rollUpIntake(h.db, new Date(NOW));
    const home = await callerAs(h.db, w.staff.manager).operations.home({ timeZone: "Asia/Kolkata" });
    const quarters = await intakeQuarters(h.db, at(24 * 14), new Date(NOW + 1));
    const fmt = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Kolkata", dateStyle: "short" });
    const firstDay = home.intake.days[0]!.day;
    const inTrend = quarters.filter((x) => fmt.format(x.at) >= firstDay).reduce((a, x) => a + x.received, 0);
    expect(home.intake.days.reduce((a, d) => a + d.count, 0)).toBe(inTrend);
    const plan = await loadPlan(h.db, NOW, NOW + 7 * 24 * HOUR, NOW);
    const lambdaTotal = plan.forecast.reduce((a, f) => a + f.lambda, 0) * 8; // mean per hour-of-week × 8 weeks
    const eightWeeks = await truth(at(24 * 56), new Date(NOW));
    expect(Math.round(lambdaTotal)).toBe(
      eightWeeks.filter((x) => x.at >= NOW - 56 * 24 * HOUR).reduce((a, x) => a + x.needingTriage, 0),
    );
  });

  it("is staff only: a customer cannot open the manager's home", async () => {
    await expect(callerAs(h.db, w.a.admin).operations.home({ timeZone: "UTC" })).rejects.toThrow();
  });
});
