import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { customers, postureScores } from "@/db/schema";
import { runJobOnce } from "@/server/jobs/scheduler";
import { assembleMonthlyReport, keyFigures } from "@/server/reports/model/assemble";
import { lastMonths } from "@/server/sla/report";
import { closeTestDatabase, createTestDatabase } from "@/server/testing/db";
import { callerAs, createWorld } from "@/server/testing/factories";
import { giveContract, giveSensor } from "@/server/testing/posture";
import { closeMonth, monthScore, runMonthClose } from "./service";

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

  it("staff see every customer; customers cannot use the overview", async () => {
    const rows = await callerAs(h.db, w.staff.analyst).posture.overview();
    expect(rows.map((r) => r.customerId).sort()).toEqual([w.a.customer.id, w.b.customer.id].sort());
    expect(rows[0]!.lastMonth).toBe(lastMonths(new Date(), "Europe/Berlin", 2)[0]); // the last closed month
    await expect(callerAs(h.db, w.a.admin).posture.overview()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerAs(h.db, w.staff.admin).myPosture.summary()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
