import { describe, expect, it } from "vitest";
import { DROP_FLAG, type KeptScore, overviewPage, overviewRows, type StoredMonth } from "./overview";

const drivers = { visibility: 50, sensorHealth: 50, exposure: 50, threats: 50, responsiveness: 50 };
const at = new Date("2026-12-07T10:00:00Z");
const customer = (id: string, name: string) => ({ id, name, lastMonth: "2026-11", previousMonth: "2026-10" });
const kept = (customerId: string, score: number, minutesAgo = 0): KeptScore => ({
  customerId,
  score,
  band: score >= 80 ? "good" : score >= 60 ? "fair" : "poor",
  drivers,
  computedAt: new Date(at.getTime() - minutesAgo * 60_000),
});
const months = (customerId: string, prev: number, last: number): StoredMonth[] => [
  { customerId, month: "2026-10", score: prev },
  { customerId, month: "2026-11", score: last },
  { customerId, month: "2026-09", score: 0 }, // older than the two compared: ignored
];

const rows = overviewRows(
  [customer("a", "Alpha"), customer("b", "bravo"), customer("c", "Charlie"), customer("d", "Delta")],
  [kept("a", 72, 9), kept("b", 55), kept("c", 90, 3)],
  [...months("a", 80, 70), ...months("b", 60, 50 + 1), ...months("c", 70, 85)],
);
const page = (q: Partial<Parameters<typeof overviewPage>[1]>) =>
  overviewPage(rows, { sort: "score", page: 1, pageSize: 10, ...q });

describe("the posture overview", () => {
  it("puts each kept score beside the last two closed months and flags a drop of 10 points or more", () => {
    const a = rows.find((r) => r.customerId === "a")!;
    expect(a).toMatchObject({ live: 72, band: "fair", lastMonthScore: 70, previousMonthScore: 80, change: -10 });
    expect(a.dropped).toBe(true); // exactly the flag's size
    expect(rows.find((r) => r.customerId === "b")).toMatchObject({ change: -9, dropped: false });
    expect(rows.find((r) => r.customerId === "d")).toMatchObject({ live: null, band: null, change: null });
    expect(DROP_FLAG).toBe(10);
  });

  it("sorts lowest live score first, the not yet scored last; by drop; by name ignoring case", () => {
    expect(page({}).rows.map((r) => r.customerId)).toEqual(["b", "a", "c", "d"]);
    expect(page({ sort: "drop" }).rows.map((r) => r.customerId)).toEqual(["a", "b", "c", "d"]);
    expect(page({ sort: "name" }).rows.map((r) => r.name)).toEqual(["Alpha", "bravo", "Charlie", "Delta"]);
  });

  it("pages and searches, with counts over every customer and the span of the kept scores' times", () => {
    const second = page({ pageSize: 3, page: 2 });
    expect(second.rows.map((r) => r.customerId)).toEqual(["d"]);
    expect(second).toMatchObject({ total: 4, customers: 4, flagged: 1, unscored: 1, page: 2, pageSize: 3 });
    expect(second.scoredFrom).toEqual(new Date(at.getTime() - 9 * 60_000));
    expect(second.scoredTo).toEqual(at);
    const found = page({ search: "  ALP " });
    expect(found.rows.map((r) => r.name)).toEqual(["Alpha"]);
    expect(found).toMatchObject({ total: 1, customers: 4, flagged: 1 });
    expect(page({ search: "zulu" })).toMatchObject({ rows: [], total: 0 });
    expect(overviewPage([], { sort: "score", page: 1, pageSize: 25 })).toMatchObject({
      customers: 0,
      scoredFrom: null,
    });
  });
});
