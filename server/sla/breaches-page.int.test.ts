import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { incidents, slaClocks } from "@/db/schema";
import { METRICS, type Metric } from "@/db/schema/contracts";
import { loadBreachAttribution } from "@/server/roster/plan";
import { staffWide } from "@/server/tenancy/tenant";
import { closeTestDatabase, createTestDatabase } from "@/server/testing/db";
import { callerAs, createWorld } from "@/server/testing/factories";
import * as q from "./queries";
import { BREACH_SHIFTS_SHOWN, breaches } from "./views";

// The console's breach list a page at a time: rows paged in the database, newest due first; the counts per metric
// and the attribution per shift and roster over every breach of the period, as the whole list gave them before.
let h: DatabaseHandle;
let w: Awaited<ReturnType<typeof createWorld>>;
// October 2026 in Berlin: summer time ends on the 25th (a day of 25 hours for the rosters).
const FROM = new Date("2026-10-01T00:00:00Z");
const TO = new Date("2026-11-01T00:00:00Z");
const period = { from: FROM, to: TO };
type Breach = { clockId: string; customerId: string; metric: Metric; dueAt: Date | null; at: number };
const inPeriod: Breach[] = [];

let number = 0;
async function incident(customerId: string, at: Date) {
  const [row] = await h.db
    .insert(incidents)
    .values({
      customerId,
      number: ++number,
      title: `Breach fixture ${number}`,
      severity: 4,
      firstAlertReceivedAt: at,
      firstEventTime: at,
      latestEventTime: at,
    })
    .returning({ id: incidents.id });
  return row!.id;
}

/** A clock of the incident: breached (due at `due`, breached at `breachedAt`, which defaults to the due time) or met. */
async function clock(
  customerId: string,
  incidentId: string,
  metric: Metric,
  o: { due: Date | null; breachedAt?: Date | null; state?: "breached" | "met" },
) {
  const start = new Date((o.due ?? o.breachedAt)!.getTime() - 30 * 60_000);
  const breachedAt = o.breachedAt === undefined ? o.due : o.breachedAt;
  const [row] = await h.db
    .insert(slaClocks)
    .values({
      customerId,
      incidentId,
      metric,
      severity: "high",
      targetMinutes: 30,
      startAt: start,
      dueAt: o.due,
      state: o.state ?? "breached",
      elapsedMs: 45 * 60_000,
      stopAt: new Date(start.getTime() + 45 * 60_000),
      stoppedBy: "acknowledged",
      breachedAt: o.state === "met" ? null : breachedAt,
      computedAt: start,
    })
    .returning({ id: slaClocks.id });
  const at = (breachedAt ?? o.due)!.getTime();
  if ((o.state ?? "breached") === "breached" && at >= FROM.getTime() && at < TO.getTime())
    inPeriod.push({ clockId: row!.id, customerId, metric, dueAt: o.due, at });
  return row!.id;
}

beforeAll(async () => {
  h = await createTestDatabase();
  w = await createWorld(h.db);
  const manager = callerAs(h.db, w.staff.manager);
  // Two rosters: round the clock in two halves (two teams), and a day desk that overlaps its morning.
  const clockRoster = await manager.roster.create({
    name: "Round the clock",
    timeZone: "Europe/Berlin",
    anchor: "2026-09-28",
    cycleLength: 1,
    slots: [
      { id: "am", name: "Early", start: "00:00", end: "12:00" },
      { id: "pm", name: "Late", start: "12:00", end: "00:00" },
    ],
  });
  await manager.roster.saveTeam({
    rosterId: clockRoster.id,
    name: "Early team",
    cycle: ["am"],
    members: [w.staff.analyst.id],
    allowGap: true,
  });
  await manager.roster.saveTeam({
    rosterId: clockRoster.id,
    name: "Late team",
    cycle: ["pm"],
    members: [w.staff.manager.id],
    allowGap: true,
  });
  const desk = await manager.roster.create({
    name: "Day desk",
    timeZone: "Europe/Berlin",
    anchor: "2026-09-28",
    cycleLength: 1,
    slots: [{ id: "day", name: "Day", start: "08:00", end: "16:00" }],
  });
  await manager.roster.saveTeam({
    rosterId: desk.id,
    name: "Desk",
    cycle: ["day"],
    members: [w.staff.admin.id],
    allowGap: true,
  });

  // 40 breaches of Alpha and 17 of Bravo spread over the month (every 13 hours or so), with four clocks due at one
  // and the same instant (the tie-breaker decides their order), one breached while paused (no due time), one of an
  // old row without a breach time (its due time counts), and clocks outside the period or met that must not count.
  const base = FROM.getTime();
  for (let i = 0; i < 57; i++) {
    const customerId = i % 10 < 7 ? w.a.customer.id : w.b.customer.id;
    const due = new Date(base + i * 13 * 3_600_000 + (i % 7) * 60_000);
    const id = await incident(customerId, due);
    await clock(customerId, id, METRICS[i % 4]!, { due, breachedAt: new Date(due.getTime() + 30_000) });
    if (i % 9 === 0) await clock(customerId, id, METRICS[(i + 1) % 4]!, { due, state: "met" });
  }
  const tie = new Date("2026-10-25T01:30:00Z"); // the hour Berlin's clocks went back
  for (const m of METRICS) {
    const id = await incident(w.a.customer.id, tie);
    await clock(w.a.customer.id, id, m, { due: tie });
  }
  const paused = await incident(w.b.customer.id, new Date("2026-10-10T10:00:00Z"));
  await clock(w.b.customer.id, paused, "contain", { due: null, breachedAt: new Date("2026-10-10T10:05:00Z") });
  const old = await incident(w.a.customer.id, new Date("2026-10-03T23:00:00Z"));
  await clock(w.a.customer.id, old, "resolve", { due: new Date("2026-10-03T23:00:00Z"), breachedAt: null });
  // Outside the period: due before it but breached in it counts (the breach instant decides), breached after it not.
  const before = await incident(w.a.customer.id, new Date("2026-09-30T23:50:00Z"));
  await clock(w.a.customer.id, before, "acknowledge", {
    due: new Date("2026-09-30T23:50:00Z"),
    breachedAt: new Date("2026-10-01T00:10:00Z"),
  });
  const after = await incident(w.b.customer.id, new Date("2026-11-01T00:00:00Z"));
  await clock(w.b.customer.id, after, "acknowledge", { due: new Date("2026-11-01T00:00:00Z") });
});
afterAll(closeTestDatabase);

const staff = () => ({
  db: h.db,
  actor: { side: "staff", role: "analyst" } as const,
  user: w.staff.analyst,
  now: () => TO,
});

/** Newest due first, no due time last, the clock id breaking ties (as uuids compare in PostgreSQL: as hex text). */
function expectedOrder(list: Breach[]) {
  return [...list].sort(
    (a, b) =>
      (b.dueAt?.getTime() ?? Number.NEGATIVE_INFINITY) - (a.dueAt?.getTime() ?? Number.NEGATIVE_INFINITY) ||
      (a.clockId < b.clockId ? 1 : a.clockId > b.clockId ? -1 : 0),
  );
}

async function allPages(input: { customerId?: string; pageSize: number }) {
  const pages = [];
  for (let page = 1; ; page++) {
    const p = await breaches(staff(), { ...period, ...input, page });
    pages.push(p);
    if (page * input.pageSize >= p.total) return pages;
  }
}

function countsByMetric(list: Breach[]) {
  return METRICS.map((metric) => ({ metric, n: list.filter((b) => b.metric === metric).length })).filter(
    (x) => x.n > 0,
  );
}

describe("sla.breaches, a page at a time", () => {
  it("has the fixture it needs: a tie, a breach without a due time, and more rows than a page", () => {
    expect(inPeriod).toHaveLength(57 + 4 + 1 + 1 + 1);
    expect(inPeriod.filter((b) => b.dueAt === null)).toHaveLength(1);
  });

  it("returns disjoint pages that cover every breach of the period in order, newest due first", async () => {
    const pages = await allPages({ pageSize: 10 });
    expect(pages).toHaveLength(7);
    const ids = pages.flatMap((p) => p.rows.map((r) => r.clockId));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expectedOrder(inPeriod).map((b) => b.clockId));
    for (const p of pages.slice(0, -1)) expect(p.rows).toHaveLength(10);
    expect(pages.at(-1)!.rows).toHaveLength(4);
    expect(pages.at(-1)!.rows.at(-1)!.dueAt).toBeNull();
    // Each row as the list showed it, with its reference.
    expect(pages[0]!.rows[0]).toMatchObject({ reference: expect.any(String), customerName: expect.any(String) });
    const past = await breaches(staff(), { ...period, page: 99, pageSize: 10 });
    expect(past).toMatchObject({ rows: [], total: inPeriod.length, page: 99 });
  });

  it("counts every breach of the period, in total and per metric, on every page alike", async () => {
    const pages = await allPages({ pageSize: 25 });
    for (const p of pages) {
      expect(p.total).toBe(inPeriod.length);
      expect(p.byMetric).toEqual(countsByMetric(inPeriod));
      expect(p.byMetric.reduce((n, x) => n + x.n, 0)).toBe(p.total);
    }
  });

  it("attributes every breach of the period to shifts and rosters as the whole list did, and names each row's shifts", async () => {
    const full = await loadBreachAttribution(
      h.db,
      inPeriod.map((b) => b.at),
    );
    expect(full.perRoster.map((r) => r.roster).sort()).toEqual(["Day desk", "Round the clock"]);
    expect(full.perRoster.find((r) => r.roster === "Round the clock")!.breaches).toBe(inPeriod.length);
    // Before paging: the list's rows (every one of them here) and their breach instants.
    const scope = { scope: staffWide(staff()), ...period };
    const wholeList = await q.breachRows(h.db, scope);
    expect(wholeList).toHaveLength(inPeriod.length);
    const today = await loadBreachAttribution(
      h.db,
      wholeList.map((r) => (r.breachedAt ?? r.dueAt)?.getTime() ?? 0),
    );
    const byClock = new Map(inPeriod.map((b, i) => [b.clockId, full.perBreach[i]]));
    for (const p of await allPages({ pageSize: 10 })) {
      expect(p.perShift).toEqual(full.perShift.slice(0, BREACH_SHIFTS_SHOWN));
      expect(p.shiftsWithBreaches).toBe(full.perShift.length);
      expect(p.perRoster).toEqual(full.perRoster);
      expect(p.perShift).toEqual(today.perShift.slice(0, BREACH_SHIFTS_SHOWN));
      expect(p.perRoster).toEqual(today.perRoster);
      for (const r of p.rows) expect(r.shifts).toEqual(byClock.get(r.clockId));
    }
    // 01:30Z on the night Berlin's clocks went back is 02:30 CET on the 25th: the early shift's (not the desk's).
    const page = await breaches(staff(), { ...period, page: 1, pageSize: 100 });
    const tied = page.rows.filter((r) => r.dueAt?.toISOString() === "2026-10-25T01:30:00.000Z");
    expect(tied).toHaveLength(4);
    for (const r of tied) expect(r.shifts.map((s) => [s.team, s.date])).toEqual([["Early team", "2026-10-25"]]);
  });

  it("gives the roster timeline the same breaches per shift as this page", async () => {
    const timeline = await callerAs(h.db, w.staff.manager).roster.timeline(period);
    const full = await loadBreachAttribution(
      h.db,
      inPeriod.map((b) => b.at),
    );
    const counted = (xs: number[]) => xs.filter((n) => n > 0).sort((a, b) => a - b);
    expect(counted(timeline.instances.map((i) => i.breaches))).toEqual(counted(full.perShift.map((s) => s.breaches)));
    expect(timeline.instances.reduce((n, i) => n + i.breaches, 0)).toBe(
      full.perShift.reduce((n, s) => n + s.breaches, 0),
    );
  });

  it("narrows to one customer a staff member picked: its rows, count and attribution only", async () => {
    const alpha = inPeriod.filter((b) => b.customerId === w.a.customer.id);
    const pages = await allPages({ customerId: w.a.customer.id, pageSize: 10 });
    const ids = pages.flatMap((p) => p.rows.map((r) => r.clockId));
    expect(ids).toEqual(expectedOrder(alpha).map((b) => b.clockId));
    expect(pages.flatMap((p) => p.rows).every((r) => r.customerId === w.a.customer.id)).toBe(true);
    expect(pages[0]!.total).toBe(alpha.length);
    expect(pages[0]!.byMetric).toEqual(countsByMetric(alpha));
    const full = await loadBreachAttribution(
      h.db,
      alpha.map((b) => b.at),
    );
    expect(pages[0]!.perShift).toEqual(full.perShift.slice(0, BREACH_SHIFTS_SHOWN));
    expect(pages[0]!.perRoster).toEqual(full.perRoster);
  });

  it("is staff only: a customer user of either tenant is refused, whatever customer they name", async () => {
    for (const u of [w.a.admin, w.a.viewer, w.b.admin, w.b.viewer]) {
      for (const customerId of [undefined, w.a.customer.id, w.b.customer.id]) {
        await expect(callerAs(h.db, u).sla.breaches({ ...period, customerId })).rejects.toMatchObject({
          code: "FORBIDDEN",
        });
      }
    }
    await expect(callerAs(h.db, null).sla.breaches(period)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    for (const u of [w.staff.analyst, w.staff.manager, w.staff.admin]) {
      const r = await callerAs(h.db, u).sla.breaches({ ...period, customerId: w.b.customer.id });
      expect(r.total).toBe(inPeriod.filter((b) => b.customerId === w.b.customer.id).length);
      expect(r.rows.every((x) => x.customerId === w.b.customer.id)).toBe(true);
    }
  });

  it("defaults to the first page of 25 and bounds the page and its size", async () => {
    const api = callerAs(h.db, w.staff.analyst);
    const first = await api.sla.breaches(period);
    expect(first).toMatchObject({ page: 1, pageSize: 25, total: inPeriod.length });
    expect(first.rows).toHaveLength(25);
    for (const bad of [{ page: 0 }, { page: 10_001 }, { pageSize: 9 }, { pageSize: 101 }, { page: 1.5 }])
      await expect(api.sla.breaches({ ...period, ...bad })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
