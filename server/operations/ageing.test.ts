import { describe, expect, it } from "vitest";
import {
  AGE_BUCKETS,
  ageEdges,
  ageingMatrix,
  HOME_CUSTOMERS,
  intakeTrend,
  needingAttention,
  openIncidentSummary,
} from "./ageing";

const now = new Date("2026-10-25T01:30:00Z"); // Europe's fall-back night
const ago = (h: number) => new Date(now.getTime() - h * 3600_000);

describe("ageEdges", () => {
  it("puts each age in one bucket, edges going to the older one", () => {
    const edges = ageEdges(now); // newest first; an alert newer than edge i is in bucket i
    const bucket = (t: Date) =>
      AGE_BUCKETS[edges.findIndex((e) => t > e) === -1 ? 3 : edges.findIndex((e) => t > e)]!.key;
    expect(edges.map((e) => (now.getTime() - e.getTime()) / 3600_000)).toEqual([1, 24, 168]);
    expect(bucket(ago(0.5))).toBe("lt1h");
    expect(bucket(ago(1))).toBe("1h-24h");
    expect(bucket(ago(23.9))).toBe("1h-24h");
    expect(bucket(ago(24))).toBe("1d-7d");
    expect(bucket(ago(24 * 7))).toBe("gt7d");
    expect(bucket(new Date(now.getTime() + 60_000))).toBe("lt1h"); // clock skew: not negative
  });

  it("builds the severity × age matrix with every row and bucket", () => {
    const m = ageingMatrix([
      { severity: 5, age: 1, count: 1 },
      { severity: 5, age: 3, count: 2 },
      { severity: 0, age: 0, count: 4 }, // below the scale: the lowest row
    ]);
    expect(m.map((r) => r.severity)).toEqual([5, 4, 3, 2, 1]);
    expect(m[0]).toMatchObject({ total: 3, buckets: { "1h-24h": 1, gt7d: 2, lt1h: 0 } });
    expect(m[4]!.buckets.lt1h).toBe(4);
  });
});

describe("intakeTrend", () => {
  it("lists the last days in the viewer's zone, filling gaps, across a DST change", () => {
    const t = intakeTrend(
      [
        { day: "2026-10-25", count: 7 },
        { day: "2026-10-24", count: 3 },
      ],
      now,
      "Europe/Berlin",
      3,
    );
    expect(t.days).toEqual([
      { day: "2026-10-23", count: 0 },
      { day: "2026-10-24", count: 3 },
      { day: "2026-10-25", count: 7 },
    ]);
    expect(t).toMatchObject({ today: 7, averageBefore: 1.5 });
  });

  it("knows that it is already tomorrow in Kathmandu", () => {
    const t = intakeTrend([], new Date("2026-10-24T20:00:00Z"), "Asia/Kathmandu", 1);
    expect(t.days[0]!.day).toBe("2026-10-25");
  });
});

describe("needingAttention", () => {
  const row = (name: string, f: Partial<Parameters<typeof needingAttention>[0][number]> = {}) => ({
    name,
    openCritical: 0,
    breached: 0,
    silentSensors: 0,
    attainment: 1 as number | null,
    ...f,
  });
  it("puts open criticals first, then breaches, silent sensors, the lowest attainment, then the name", () => {
    const rows = [
      row("Quiet B"),
      row("No SLA yet", { attainment: null }),
      row("Quiet A"),
      row("Low attainment", { attainment: 0.9 }),
      row("Silent", { silentSensors: 3 }),
      row("Breached", { breached: 1, silentSensors: 9 }),
      row("Critical", { openCritical: 1 }),
      row("Two criticals", { openCritical: 2, attainment: 1 }),
    ];
    expect(needingAttention(rows).map((r) => r.name)).toEqual([
      "Two criticals",
      "Critical",
      "Breached",
      "Silent",
      "Low attainment",
      "Quiet A",
      "Quiet B",
      "No SLA yet",
    ]);
  });
  it("keeps only the first `limit` and leaves its input alone", () => {
    const rows = Array.from({ length: 25 }, (_, i) => row(`C${String(i).padStart(2, "0")}`, { silentSensors: i }));
    const top = needingAttention(rows);
    expect(top).toHaveLength(HOME_CUSTOMERS);
    expect(top[0]!.name).toBe("C24");
    expect(rows[0]!.name).toBe("C00");
  });
});

describe("openIncidentSummary", () => {
  const r = (status: string, assigneeId: string | null, count: number, critical = 0) => ({
    status,
    assigneeId,
    assigneeName: assigneeId ? `Analyst ${assigneeId}` : null,
    count,
    critical,
  });
  it("sums by state and by assignee, unassigned first, then most held; the rest summed as others", () => {
    const rows = [
      r("new", null, 4, 1),
      r("new", "a", 1),
      r("triage", "a", 2, 2),
      r("triage", "b", 5),
      r("contained", "c", 1),
      r("contained", "d", 1),
    ];
    const s = openIncidentSummary(rows, 2);
    expect(s.total).toBe(14);
    expect(s.byStatus).toEqual([
      { status: "new", count: 5, critical: 1 },
      { status: "triage", count: 7, critical: 2 },
      { status: "contained", count: 2, critical: 0 },
    ]);
    expect(s.byAssignee.map((a) => [a.name, a.count])).toEqual([
      ["Unassigned", 4],
      ["Analyst b", 5],
    ]);
    expect(s.others).toEqual({ people: 3, count: 5 });
    expect(s.total).toBe(s.byAssignee.reduce((a, x) => a + x.count, 0) + s.others.count);
  });
  it("is empty without open incidents", () => {
    expect(openIncidentSummary([])).toEqual({
      total: 0,
      byStatus: [],
      byAssignee: [],
      others: { people: 0, count: 0 },
    });
  });
});

describe("needingAttention picks what a full sort would", () => {
  it("gives the first `limit` rows of a stable sort, ties included, for any limit", () => {
    // A deterministic spread of rows with many ties (the common case: most customers have nothing wrong).
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const rows = Array.from({ length: 400 }, (_, i) => ({
      name: `C${rand(40)}`,
      id: i,
      openCritical: rand(10) === 0 ? rand(3) : 0,
      breached: rand(8) === 0 ? rand(4) : 0,
      silentSensors: rand(6) === 0 ? rand(5) : 0,
      attainment: rand(3) === 0 ? null : [0.9, 0.95, 1][rand(3)]!,
    }));
    const sorted = [...rows].sort(
      (a, b) =>
        b.openCritical - a.openCritical ||
        b.breached - a.breached ||
        b.silentSensors - a.silentSensors ||
        (a.attainment ?? Number.POSITIVE_INFINITY) - (b.attainment ?? Number.POSITIVE_INFINITY) ||
        a.name.localeCompare(b.name),
    );
    for (const limit of [0, 1, 2, 10, 399, 400, 500])
      expect(needingAttention(rows, limit).map((r) => r.id)).toEqual(sorted.slice(0, limit).map((r) => r.id));
  });
});
