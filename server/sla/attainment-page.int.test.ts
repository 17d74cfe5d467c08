import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { slaMonthly } from "@/db/schema";
import { socHome } from "@/server/operations/service";
import { closeTestDatabase, createTestDatabase } from "@/server/testing/db";
import { callerAs, createTestCustomer, createWorld } from "@/server/testing/factories";
import { lastMonths } from "./report";
import { attainmentPage, monthOverall } from "./views";

// The console's SLA grid a page at a time: paging, search and worst-first order done in the database over the rollup.
let h: DatabaseHandle;
let w: Awaited<ReturnType<typeof createWorld>>;
const NOW = new Date("2026-11-20T12:00:00Z");
const MONTHS = lastMonths(NOW, "UTC", 4).slice(1); // 2026-09 … 2026-11
/** met out of 10 decided clocks per customer, in the newest month; undefined: no clocks at all. */
const SHAPE: (number | undefined)[] = [10, 3, 7, undefined, 9, 1, 5, 8, 2, undefined, 6, 4];
let ids: { id: string; name: string; met: number | undefined }[] = [];

beforeAll(async () => {
  h = await createTestDatabase();
  w = await createWorld(h.db);
  // Alpha and Bravo (createWorld) have no clocks; twelve "Pager" customers with known attainment.
  ids = [];
  for (const [i, met] of SHAPE.entries()) {
    const c = await createTestCustomer(h.db, `Pager ${String(i).padStart(2, "0")} ${i % 2 ? "odd" : "even"}`);
    ids.push({ id: c.id, name: c.name, met });
    if (met === undefined) continue;
    await h.db.insert(slaMonthly).values([
      {
        customerId: c.id,
        month: MONTHS[2]!,
        severity: "critical",
        metric: "acknowledge",
        met,
        breached: 10 - met,
        open: 1,
        stopped: 10,
        elapsedSumMs: 600_000,
      },
      // An older month all met: the sort is over the whole window, so it lifts every customer alike.
      {
        customerId: c.id,
        month: MONTHS[0]!,
        severity: "high",
        metric: "resolve",
        met: 10,
        breached: 0,
        open: 0,
        stopped: 10,
        elapsedSumMs: 6_000_000,
      },
    ]);
  }
});
afterAll(closeTestDatabase);

const staff = () => ({
  db: h.db,
  actor: { side: "staff", role: "analyst" } as const,
  user: w.staff.analyst,
  now: () => NOW,
});
const input = (over: Partial<Parameters<typeof attainmentPage>[1]> = {}) => ({
  months: 3,
  sort: "worst" as const,
  page: 1,
  pageSize: 5,
  ...over,
});

describe("sla.attainment, a page of customers at a time", () => {
  it("pages disjointly over every customer, with the total", async () => {
    const seen: string[] = [];
    let total = 0;
    for (let page = 1; page <= 4; page++) {
      const p = await attainmentPage(staff(), input({ page, sort: "name" }));
      total = p.total;
      expect(p.customers.length).toBeLessThanOrEqual(5);
      seen.push(...p.customers.map((c) => c.id));
      // Cells only of the page's customers.
      for (const c of p.cells) expect(p.customers.map((x) => x.id)).toContain(c.customerId);
    }
    expect(total).toBe(14);
    expect(seen).toHaveLength(14);
    expect(new Set(seen).size).toBe(14);
    const past = await attainmentPage(staff(), input({ page: 9 }));
    expect(past).toMatchObject({ customers: [], cells: [], total: 14 });
  });

  it("puts the worst attainment first, customers with nothing decided last, and sorts by name on request", async () => {
    const p = await attainmentPage(staff(), input({ pageSize: 50 }));
    const decided = ids.filter((c) => c.met !== undefined).sort((a, b) => a.met! - b.met!);
    expect(p.customers.slice(0, decided.length).map((c) => c.id)).toEqual(decided.map((c) => c.id));
    expect(p.customers.slice(decided.length).every((c) => c.attainment === null)).toBe(true);
    const worst = p.customers[0]!;
    expect(worst.attainment).toBeCloseTo(11 / 20); // 1 of 10, then 10 of 10
    const byName = await attainmentPage(staff(), input({ pageSize: 50, sort: "name" }));
    const names = byName.customers.map((c) => c.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it("filters by name in the database (wildcards taken literally); totals and trends stay provider-wide", async () => {
    const odd = await attainmentPage(staff(), input({ search: " ODD ", pageSize: 50 }));
    expect(odd.total).toBe(6);
    expect(odd.customers.every((c) => c.name.includes("odd"))).toBe(true);
    expect(await attainmentPage(staff(), input({ search: "%" }))).toMatchObject({ total: 0, customers: [] });
    const all = await attainmentPage(staff(), input());
    expect(odd.totals).toEqual(all.totals);
    const newest = all.totals.find((t) => t.month === MONTHS[2])!;
    const met = SHAPE.reduce<number>((a, m) => a + (m ?? 0), 0);
    expect(newest.overall).toEqual({ met, breached: 10 * 10 - met, open: 10, attainment: met / 100 });
    expect(all.trends.find((t) => t.month === MONTHS[2])).toMatchObject({
      metric: "acknowledge",
      count: 100,
      meanMs: 60_000,
    });
  });

  it("gives a page's cells of this month the same figures as the manager's home and its every-customer read", async () => {
    const [page, every, home] = await Promise.all([
      attainmentPage(staff(), input({ pageSize: 50 })),
      monthOverall(staff()),
      socHome(staff(), "UTC"),
    ]);
    expect(every.month).toBe(MONTHS[2]);
    const cells = page.cells.filter((c) => c.month === MONTHS[2]);
    expect(cells).toHaveLength(SHAPE.filter((m) => m !== undefined).length);
    expect(
      every.cells.map((c) => ({ ...c, month: every.month })).sort((a, b) => a.customerId.localeCompare(b.customerId)),
    ).toEqual([...cells].sort((a, b) => a.customerId.localeCompare(b.customerId)));
    expect(home.customers.length).toBeGreaterThan(0);
    for (const c of home.customers) {
      const cell = cells.find((x) => x.customerId === c.customerId);
      expect({ attainment: c.attainment, breached: c.breached, month: c.slaMonth }).toEqual({
        attainment: cell?.attainment ?? null,
        breached: cell?.breached ?? 0,
        month: MONTHS[2],
      });
    }
  });

  it("carries only each cell's overall (the grid's figure); the page's totals keep their matrix per month", async () => {
    const p = await attainmentPage(staff(), input({ customerId: ids[1]!.id }));
    const newest = p.cells.find((c) => c.month === MONTHS[2])!;
    expect(newest).toEqual({ customerId: ids[1]!.id, month: MONTHS[2], met: 3, breached: 7, open: 1, attainment: 0.3 });
    expect(p.cells.find((c) => c.month === MONTHS[0])).toEqual({
      customerId: ids[1]!.id,
      month: MONTHS[0],
      met: 10,
      breached: 0,
      open: 0,
      attainment: 1,
    });
    const total = p.totals.find((t) => t.month === MONTHS[2])!;
    expect(total.overall).toEqual({ met: 3, breached: 7, open: 1, attainment: 0.3 });
    const crit = total.bySeverity
      .find((s) => s.severity === "critical")!
      .metrics.find((m) => m.metric === "acknowledge");
    expect(crit).toEqual({ metric: "acknowledge", met: 3, breached: 7, open: 1, attainment: 0.3 });
  });

  it("narrows to one customer a staff member picked", async () => {
    const one = await attainmentPage(staff(), input({ customerId: ids[1]!.id }));
    expect(one.customers.map((c) => c.id)).toEqual([ids[1]!.id]);
    expect(one.total).toBe(1);
    expect(one.totals.find((t) => t.month === MONTHS[2])!.overall).toMatchObject({ met: 3, breached: 7 });
  });

  it("is staff only: a customer user of either tenant is refused, staff see every customer", async () => {
    for (const u of [w.a.admin, w.b.viewer]) {
      await expect(callerAs(h.db, u).sla.attainment({ pageSize: 10 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    const r = await callerAs(h.db, w.staff.analyst).sla.attainment({ sort: "name", pageSize: 50 });
    expect(r.total).toBe(14);
    expect(r.customers.map((c) => c.id)).toEqual(expect.arrayContaining([w.a.customer.id, w.b.customer.id]));
  });
});
