import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { sensorHeartbeatHours } from "@/db/schema";
import { mintTenantId } from "@/server/tenancy/tenant";
import { closeTestDatabase, createTestDatabase } from "@/server/testing/db";
import { callerAs, createWorld } from "@/server/testing/factories";
import { availability, historyFromHours, silentPeriods } from "./availability";
import { hourRows, sensorHistories } from "./queries";
import { foldHeartbeatHours, HOURLY_HEARTBEAT_DAYS } from "./service";

// The compact histories computed by the database give exactly what the full hourly rows give: same availability,
// same silent periods, over periods that start and end mid-hour, before the first row and after the last.
let h: DatabaseHandle;
let w: Awaited<ReturnType<typeof createWorld>>;
const sensorsOf: { id: string; heartbeatIntervalSeconds: number }[] = [];
const H = 3_600_000;
const T0 = Date.parse("2026-10-01T00:00:00Z");

// A small deterministic generator: the same rows on both databases and every run.
function rng(seed: number) {
  let x = seed;
  return () => {
    x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
    return x / 2_147_483_648;
  };
}

beforeAll(async () => {
  h = await createTestDatabase();
  w = await createWorld(h.db);
  const api = callerAs(h.db, w.staff.admin);
  const base = { vendor: "CrowdStrike", product: "Falcon Insight", sourceFormat: "crowdstrike" as const };
  for (const [name, interval] of [
    ["steady", 300],
    ["flaky", 300],
    ["slow", 900],
    ["empty", 60],
  ] as const) {
    const r = await api.sensors.create({
      customerId: w.a.customer.id,
      sensor: { ...base, name, sensorClass: "edr", heartbeatIntervalSeconds: interval },
    });
    sensorsOf.push({ id: r.sensor.id, heartbeatIntervalSeconds: interval });
  }
  const rand = rng(7);
  const rows: (typeof sensorHeartbeatHours.$inferInsert)[] = [];
  for (const [k, s] of sensorsOf.slice(0, 3).entries()) {
    for (let hour = 0; hour < 24 * 20; hour++) {
      const r = rand();
      if (k > 0 && r < 0.08) continue; // a missing hour: a gap across hours
      const at = T0 + hour * H;
      const first = at + Math.floor(rand() * 20) * 60_000;
      const last = Math.max(first, at + H - Math.floor(rand() * 40) * 60_000);
      const gaps: [number, number][] =
        k === 1 && rand() < 0.1
          ? [[first + 60_000, Math.min(last, first + 60_000 + Math.floor(rand() * 50) * 60_000)]]
          : [];
      rows.push({
        customerId: w.a.customer.id,
        sensorId: s.id,
        hour: new Date(at),
        firstAt: new Date(first),
        lastAt: new Date(last),
        beats: 12,
        gaps,
      });
    }
  }
  for (let i = 0; i < rows.length; i += 500) await h.db.insert(sensorHeartbeatHours).values(rows.slice(i, i + 500));
}, 120_000);

afterAll(async () => closeTestDatabase());

describe("sensorHistories", () => {
  const periods: [string, string][] = [
    ["2026-10-03T10:17:00Z", "2026-10-12T03:41:00Z"],
    ["2026-09-20T00:00:00Z", "2026-10-05T00:00:00Z"], // starts before the first row
    ["2026-10-15T06:30:00Z", "2026-11-02T00:00:00Z"], // ends after the last row: the open gap
    ["2026-10-01T00:00:00Z", "2026-10-21T00:00:00Z"],
  ];

  it.each(periods)("gives the availability and silent periods of the full rows (%s → %s)", async (a, b) => {
    const from = new Date(a);
    const to = new Date(b);
    const tenant = mintTenantId(w.a.customer.id);
    const rows = await hourRows(
      h.db,
      tenant,
      sensorsOf.map((s) => s.id),
      from,
      to,
    );
    const compact = await sensorHistories(h.db, tenant, sensorsOf, from, to);
    let silences = 0;
    for (const s of sensorsOf) {
      const full = historyFromHours(
        rows.filter((r) => r.sensorId === s.id),
        s.heartbeatIntervalSeconds,
      );
      const mine = compact.get(s.id) ?? { intervalSeconds: s.heartbeatIntervalSeconds, firstAt: null, gaps: [] };
      expect(mine.firstAt?.getTime() ?? null).toBe(full.firstAt?.getTime() ?? null);
      expect(availability(mine, from, to)).toEqual(availability(full, from, to));
      expect(silentPeriods(mine, from, to)).toEqual(silentPeriods(full, from, to));
      expect(mine.gaps.length).toBeLessThanOrEqual(full.gaps.length);
      silences += silentPeriods(full, from, to).length;
    }
    expect(silences).toBeGreaterThan(0);
    expect(compact.has(sensorsOf[3]!.id)).toBe(false);
  });

  it("reads only the tenant's own rows", async () => {
    const other = await sensorHistories(
      h.db,
      mintTenantId(w.b.customer.id),
      sensorsOf,
      new Date(T0),
      new Date(T0 + 20 * 24 * H),
    );
    expect(other.size).toBe(0);
  });
});

describe("folding hourly rows into days", () => {
  const DAY = 24 * H;
  // Mid-day starts and ends on folded days, a period across the fold's edge, and the whole history.
  const periods: [string, string][] = [
    ["2026-10-03T10:17:00Z", "2026-10-12T03:41:00Z"],
    ["2026-09-20T00:00:00Z", "2026-10-05T00:00:00Z"],
    ["2026-10-09T22:59:00Z", "2026-10-16T13:00:00Z"],
    ["2026-10-01T00:00:00Z", "2026-11-02T00:00:00Z"],
  ];
  const tenant = () => mintTenantId(w.a.customer.id);
  const figures = async () => {
    const out: unknown[] = [];
    for (const [a, b] of periods) {
      const from = new Date(a);
      const to = new Date(b);
      const rows = await hourRows(
        h.db,
        tenant(),
        sensorsOf.map((s) => s.id),
        from,
        to,
      );
      const compact = await sensorHistories(h.db, tenant(), sensorsOf, from, to);
      for (const s of sensorsOf) {
        const full = historyFromHours(
          rows.filter((r) => r.sensorId === s.id),
          s.heartbeatIntervalSeconds,
        );
        const mine = compact.get(s.id) ?? { intervalSeconds: s.heartbeatIntervalSeconds, firstAt: null, gaps: [] };
        // Both reads agree with each other before and after the fold…
        expect(silentPeriods(mine, from, to)).toEqual(silentPeriods(full, from, to));
        // Counted time starts at the later of `from` and the first heartbeat: the only use of the first heartbeat.
        const counted = full.firstAt ? Math.max(full.firstAt.getTime(), from.getTime()) : null;
        out.push([a, s.id, counted, availability(full, from, to), silentPeriods(full, from, to)]);
      }
    }
    return out;
  };
  const count = async () =>
    (
      await hourRows(
        h.db,
        tenant(),
        sensorsOf.map((s) => s.id),
        new Date(T0),
        new Date(T0 + 30 * DAY),
      )
    ).length;

  it("keeps every availability and silent period the hours gave, with one row per sensor and day", async () => {
    const before = await figures();
    const rowsBefore = await count();
    // "Now" such that the first 12 days (2026-10-01 … 10-12) are older than the hourly window.
    const now = new Date(T0 + (12 + HOURLY_HEARTBEAT_DAYS) * DAY + 5 * H);
    const r = await foldHeartbeatHours(h.db, now, 30);
    expect(r.days).toBe(12);
    // …and the fold changes none of the figures.
    expect(await figures()).toEqual(before);
    const rowsAfter = await count();
    expect(rowsBefore - rowsAfter).toBe(r.folded - r.written);
    expect(r.written).toBe(3 * 12); // three sensors with history, twelve days
    const folded = await hourRows(
      h.db,
      tenant(),
      sensorsOf.map((s) => s.id),
      new Date(T0 + DAY),
      new Date(T0 + 12 * DAY),
    );
    for (const row of folded.filter((x) => x.hour.getTime() < T0 + 12 * DAY)) {
      expect(row.hour.getTime() % DAY).toBe(0);
    }
    // Days inside the window keep their hours.
    expect(folded.filter((x) => x.hour.getTime() >= T0 + 12 * DAY).length).toBe(0);
    const recent = await hourRows(h.db, tenant(), [sensorsOf[0]!.id], new Date(T0 + 13 * DAY), new Date(T0 + 14 * DAY));
    expect(recent.length).toBeGreaterThan(20);

    // Again: nothing left to fold, nothing changes.
    expect(await foldHeartbeatHours(h.db, now, 30)).toEqual({ days: 0, folded: 0, written: 0 });
    expect(await count()).toBe(rowsAfter);
  });
});
