import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DatabaseHandle } from "@/db";
import { customers, postureLive, postureScores } from "@/db/schema";
import { runJobOnce } from "@/server/jobs/scheduler";
import { assembleMonthlyReport, keyFigures } from "@/server/reports/model/assemble";
import { lastMonths } from "@/server/sla/report";
import { runAsTenant } from "@/server/tenancy/scope";
import { closeTestDatabase, createTestDatabase } from "@/server/testing/db";
import { callerAs, createWorld } from "@/server/testing/factories";
import { giveContract, giveSensor } from "@/server/testing/posture";
import { closeMonth, monthScore, refreshLiveScores, runMonthClose } from "./service";

let h: DatabaseHandle;
let w: Awaited<ReturnType<typeof createWorld>>;
beforeAll(async () => {
  h = await createTestDatabase();
  w = await createWorld(h.db);
  const old = new Date("2026-01-01T00:00:00Z");
  await h.db.update(customers).set({ createdAt: old }).where(eq(customers.id, w.a.customer.id));
  await giveContract(h.db, w.a.customer.id, ["edr", "ndr"], old);
  await giveSensor(h.db, w.a.customer.id, "edr", new Date());
});
afterAll(closeTestDatabase);

describe("posture score", () => {
  it("backfills closed months once, on any number of runs, and a stored month never changes", async () => {
    const now = new Date("2026-05-15T12:00:00Z");
    const first = await runMonthClose(h.db, now);
    expect(first.stored).toBe(4); // Jan–Apr for Alpha; Bravo was created after them
    expect((await Promise.all([runMonthClose(h.db, now), runMonthClose(h.db, now)])).map((r) => r.stored)).toEqual([
      0, 0,
    ]);
    const [before] = await h.db.select().from(postureScores).where(eq(postureScores.month, "2026-03"));
    // The facts change afterwards (the missing class appears): March stays as stored.
    await giveSensor(h.db, w.a.customer.id, "ndr", new Date());
    expect(await closeMonth(h.db, w.a.customer.tenant, "2026-03", "Europe/Berlin", now)).toBe(false);
    const [after] = await h.db.select().from(postureScores).where(eq(postureScores.month, "2026-03"));
    expect(after).toEqual(before);
    expect(await monthScore(h.db, w.a.customer.tenant, "2026-03", "Europe/Berlin")).toMatchObject({
      score: before!.score,
      drivers: before!.drivers,
    });
    expect(await closeMonth(h.db, w.a.customer.tenant, "2026-05", "Europe/Berlin", now)).toBe(false); // not closed
  });

  it("the month-close job runs once per hour slot across instances", async () => {
    const job = { name: "posture-month-close-test", slot: () => "slot-1", run: runMonthClose };
    const runs = await Promise.all([runJobOnce(h.db, job), runJobOnce(h.db, job)]);
    expect(runs.filter((r) => r.ran)).toHaveLength(1);
  });

  it("the portal shows the customer's own live score, drivers, trend and what would raise it most", async () => {
    await callerAs(h.db, w.staff.analyst).recommendations.create({
      customerId: w.a.customer.id,
      title: "Retire the legacy VPN",
      body: "It bypasses MFA.",
      severity: "critical",
      category: "identity",
    });
    const s = await callerAs(h.db, w.a.viewer).myPosture.summary();
    expect(s.drivers.exposure).toBe(75);
    expect(s.raise).toMatchObject([{ title: "Retire the legacy VPN", points: 6.25 }]);
    expect(s.trend.at(-1)).toMatchObject({ live: true, score: s.score });
    const b = await callerAs(h.db, w.b.viewer).myPosture.summary();
    expect(b.raise).toEqual([]);
    expect(b.noData).toContain("coverage");
  });

  it("the report's score for a month equals the portal's", async () => {
    await runMonthClose(h.db, new Date());
    const s = await callerAs(h.db, w.a.viewer).myPosture.summary();
    const last = s.trend.at(-2)!;
    const model = await assembleMonthlyReport(h.db, w.a.customer.tenant, last.month);
    expect(model.posture.score).toBe(last.score);
    expect(keyFigures(model).postureScore).toBe(last.score);
  });

  it("staff see every customer's kept live score: the portal's own score at the instant the job computed it", async () => {
    const before = await callerAs(h.db, w.staff.analyst).posture.overview();
    expect(before).toMatchObject({ customers: 2, unscored: 2, scoredFrom: null });
    expect(before.rows.map((r) => r.live)).toEqual([null, null]);
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(new Date("2026-12-07T10:00:00Z"));
      expect(await refreshLiveScores(h.db, new Date())).toEqual({ scored: 2 });
      const o = await callerAs(h.db, w.staff.analyst).posture.overview();
      expect(o).toMatchObject({ customers: 2, unscored: 0, total: 2 });
      expect(o.scoredFrom).toEqual(new Date("2026-12-07T10:00:00Z"));
      for (const [c, viewer] of [
        [w.a.customer, w.a.viewer],
        [w.b.customer, w.b.viewer],
      ] as const) {
        const portal = await callerAs(h.db, viewer).myPosture.summary();
        const row = o.rows.find((r) => r.customerId === c.id)!;
        expect({ live: row.live, band: row.band, drivers: row.drivers }).toEqual({
          live: portal.score,
          band: portal.band,
          drivers: portal.drivers,
        });
      }
      expect(o.rows[0]!.lastMonth).toBe(lastMonths(new Date(), "Europe/Berlin", 2)[0]); // the last closed month
      expect(o.rows[0]!.live).toBeLessThanOrEqual(o.rows[1]!.live!); // lowest first
    } finally {
      vi.useRealTimers();
    }
    await expect(callerAs(h.db, w.a.admin).posture.overview()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerAs(h.db, w.staff.admin).myPosture.summary()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      callerAs(h.db, w.staff.analyst).posture.overview({ sort: "worst" as never, page: 1, pageSize: 25 }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("the posture job scores the stalest customers first, a batch at a time, and never keeps an older score", async () => {
    await h.db.delete(postureLive);
    const t1 = new Date("2026-12-07T11:00:00Z");
    expect(await refreshLiveScores(h.db, t1, 1)).toEqual({ scored: 1 });
    const first = await h.db.select().from(postureLive);
    expect(first).toHaveLength(1);
    const t2 = new Date("2026-12-07T11:01:00Z");
    await refreshLiveScores(h.db, t2, 1); // the one never scored
    const second = await h.db.select().from(postureLive);
    expect(second.map((r) => r.customerId).sort()).toEqual([w.a.customer.id, w.b.customer.id].sort());
    const t3 = new Date("2026-12-07T11:02:00Z");
    await refreshLiveScores(h.db, t3, 1); // the stalest: the first one, scored at t1
    const third = await h.db.select().from(postureLive).where(eq(postureLive.customerId, first[0]!.customerId));
    expect(third[0]!.computedAt).toEqual(t3);
    await refreshLiveScores(h.db, t1, 2); // a late run for an earlier instant changes nothing
    const after = await h.db.select().from(postureLive);
    expect(after.map((r) => r.computedAt.getTime()).sort()).toEqual([t2.getTime(), t3.getTime()].sort());
  });

  it("a customer's transaction sees only its own kept score", async () => {
    await refreshLiveScores(h.db, new Date(), 10);
    const seen = await runAsTenant(h.db, w.a.customer.tenant, (tx) => tx.select().from(postureLive));
    expect(seen.map((r) => r.customerId)).toEqual([w.a.customer.id]);
  });
});
