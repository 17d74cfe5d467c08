import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { auditLog } from "@/db/schema";
import { escalate } from "@/server/alerts/service";
import { defaultTerms } from "@/server/contracts/service";
import { type StaffContext, staffWide } from "@/server/tenancy/tenant";
import { closeTestDatabase, createTestDatabase } from "@/server/testing/db";
import { callerAs, createStaffUser, createWorld, insertTestAlert } from "@/server/testing/factories";
import { BANNER_ITEMS } from "./banner";
import { countClocksAtRisk, listClocksAtRisk } from "./queries";
import { riskCounts, riskKind } from "./risk";
import { runSlaSweep } from "./service";

let h: DatabaseHandle;
let w: Awaited<ReturnType<typeof createWorld>>;
let secondAnalyst: Awaited<ReturnType<typeof createStaffUser>>;
const T0 = new Date(Date.now() - 90 * 60_000);
const at = (min: number) => new Date(T0.getTime() + min * 60_000);

beforeAll(async () => {
  h = await createTestDatabase();
  w = await createWorld(h.db);
  secondAnalyst = await createStaffUser(h.db, "analyst");
  for (const c of [w.a.customer, w.b.customer]) {
    await callerAs(h.db, w.staff.manager).contracts.create({
      customerId: c.id,
      reference: `${c.slug}-MDR`,
      terms: defaultTerms("mdr", "Europe/Berlin", "2026-01-01"),
      effectiveFrom: new Date("2026-01-01T00:00:00Z"),
    });
  }
  const analyst: StaffContext = { db: h.db, actor: { side: "staff", role: "analyst" }, user: w.staff.analyst };
  // Critical incidents 90 and 20 minutes old, never acknowledged: clocks breached and at risk.
  for (const [c, min] of [
    [w.a.customer.id, 0],
    [w.b.customer.id, 70],
  ] as const) {
    const a = await insertTestAlert(h.db, c, { severity: 5, receivedAt: at(min), eventTime: at(min) });
    await escalate({ ...analyst, now: () => at(min + 1) }, [a.id]);
  }
  await runSlaSweep(h.db, new Date());
});
afterAll(closeTestDatabase);

describe("SLA banner", () => {
  it("counts exactly what the SLA page counts, and so does the manager's home", async () => {
    const api = callerAs(h.db, w.staff.analyst);
    const [page, banner, home] = await Promise.all([
      api.sla.risk({}),
      api.sla.banner(),
      callerAs(h.db, w.staff.manager).operations.home({ timeZone: "UTC" }),
    ]);
    expect(page.rows.length).toBeGreaterThan(1);
    expect(page.counts).toEqual(riskCounts(page.rows, Date.now()));
    expect(banner.counts).toEqual({ overdue: page.counts.overdue, at_risk: page.counts.at_risk });
    expect(home.decisions.sla).toEqual(page.counts);
    expect(banner.items.length).toBe(banner.counts.overdue + banner.counts.at_risk);
    expect(banner.total).toBe(banner.items.length);
  });

  it("sends the first items only, overdue first, with how many there are in all", async () => {
    const api = callerAs(h.db, w.staff.analyst);
    const analyst: StaffContext = { db: h.db, actor: { side: "staff", role: "analyst" }, user: w.staff.analyst };
    for (let k = 0; k < BANNER_ITEMS; k++) {
      const a = await insertTestAlert(h.db, w.a.customer.id, { severity: 5, receivedAt: at(k % 5), eventTime: at(0) });
      await escalate({ ...analyst, now: () => at((k % 5) + 1) }, [a.id]);
    }
    await runSlaSweep(h.db, new Date());
    const [page, banner] = await Promise.all([api.sla.risk({}), api.sla.banner()]);
    const listed = page.rows.filter((r) => riskKind(r, Date.now()) !== "paused");
    expect(listed.length).toBeGreaterThan(BANNER_ITEMS);
    expect(banner.total).toBe(listed.length);
    expect(banner.items).toHaveLength(BANNER_ITEMS);
    const kinds = banner.items.map((i) => i.kind);
    expect(kinds.indexOf("at_risk") === -1 || kinds.lastIndexOf("overdue") < kinds.indexOf("at_risk")).toBe(true);
    expect(banner.counts).toEqual({ overdue: page.counts.overdue, at_risk: page.counts.at_risk });
  });

  it("counts every clock at risk, also beyond the rows the list sends", async () => {
    const scope = staffWide({ db: h.db, actor: { side: "staff", role: "analyst" }, user: w.staff.analyst });
    const every = await listClocksAtRisk(h.db, scope, 10_000);
    expect(every.length).toBeGreaterThan(3);
    expect(await listClocksAtRisk(h.db, scope, 3)).toHaveLength(3);
    const now = new Date();
    expect(await countClocksAtRisk(h.db, scope, now)).toEqual(riskCounts(every, now.getTime()));
  });

  it("dismisses per person: the other analyst still sees it", async () => {
    const mine = callerAs(h.db, w.staff.analyst);
    const before = await mine.sla.banner();
    const first = before.items[0]!;
    await mine.sla.dismiss({ clockId: first.clockId });
    const after = await mine.sla.banner();
    expect(after.items.map((i) => i.clockId)).not.toContain(first.clockId);
    expect(after.counts).toEqual(before.counts); // the page's count does not change
    const other = await callerAs(h.db, secondAnalyst).sla.banner();
    expect(other.items.map((i) => i.clockId)).toContain(first.clockId);
  });

  it("lets a SOC manager resolve an item for everyone, audited; an analyst cannot", async () => {
    const list = await callerAs(h.db, secondAnalyst).sla.banner();
    const item = list.items.at(-1)!;
    await expect(callerAs(h.db, secondAnalyst).sla.resolve({ clockId: item.clockId })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await callerAs(h.db, w.staff.manager).sla.resolve({ clockId: item.clockId });
    for (const u of [secondAnalyst, w.staff.analyst, w.staff.manager]) {
      expect((await callerAs(h.db, u).sla.banner()).items.map((i) => i.clockId)).not.toContain(item.clockId);
    }
    const audit = await h.db.select().from(auditLog).where(eq(auditLog.action, "sla.banner.resolve"));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ targetId: item.clockId, customerId: item.customerId });
  });

  it("is staff only: a customer user can neither read nor dismiss nor resolve it", async () => {
    const customer = callerAs(h.db, w.a.admin);
    const page = await callerAs(h.db, w.staff.manager).sla.risk({ customerId: w.b.customer.id });
    await expect(customer.sla.banner()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(customer.sla.dismiss({ clockId: page.rows[0]!.clockId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(customer.sla.resolve({ clockId: page.rows[0]!.clockId })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("answers an unknown clock with not found", async () => {
    await expect(
      callerAs(h.db, w.staff.manager).sla.dismiss({ clockId: "00000000-0000-4000-8000-000000000000" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
