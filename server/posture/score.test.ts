import { describe, expect, it } from "vitest";
import { bandOf, drivers, livePeriod, pointsIfDone, postureScore, roundHalfUp, type ScoreInput } from "./score";

const from = new Date("2026-03-01T00:00:00+01:00");
const to = new Date("2026-04-01T00:00:00+02:00"); // a month across the spring DST change
const edr = (known: number, covered: number) => ({ known, covered, uncovered: [], crownJewelsUncovered: [] });
const avail = (value: number | null) => ({ sensorId: "s", value });
const input = (p: Partial<ScoreInput> = {}): ScoreInput => ({
  from,
  to,
  coverage: { coverageFigure: 1, edr: edr(10, 10), availability: [avail(1)] },
  outstanding: [],
  incidents: [],
  asks: [],
  ...p,
});
const inc = (severity: "critical" | "high" | "medium" | "low", openedAt = from, truePositive = true) => ({
  severity,
  openedAt,
  truePositive,
});

describe("posture score drivers", () => {
  it("a perfect month is 100, good", () => {
    expect(postureScore(input())).toEqual({
      score: 100,
      band: "good",
      drivers: { visibility: 100, sensorHealth: 100, exposure: 100, threats: 100, responsiveness: 100 },
      noData: [],
    });
  });

  it("visibility = 100 × (0.5 coverage + 0.5 EDR); with no known assets 50 × coverage, and it says so", () => {
    expect(
      drivers(input({ coverage: { coverageFigure: 0.5, edr: edr(4, 3), availability: [] } })).drivers.visibility,
    ).toBe(62.5);
    const d = drivers(input({ coverage: { coverageFigure: 0.5, edr: edr(0, 0), availability: [avail(1)] } }));
    expect(d.drivers.visibility).toBe(25);
    expect(d.noData).toEqual(["edr"]);
    const none = drivers(input({ coverage: { coverageFigure: null, edr: edr(0, 0), availability: [] } }));
    expect(none.drivers.visibility).toBe(0);
    expect(none.noData).toEqual(["coverage", "edr", "sensorHealth"]);
  });

  it("sensor health = mean availability of sensors that have one and were seen before the period's end", () => {
    // A sensor never seen before the period's end has no counted time, hence no availability (null).
    const availability = [avail(0.9), avail(0.6), avail(null), avail(null)];
    expect(
      drivers(input({ coverage: { coverageFigure: 1, edr: edr(1, 1), availability } })).drivers.sensorHealth,
    ).toBeCloseTo(75, 10);
    expect(
      drivers(input({ coverage: { coverageFigure: 1, edr: edr(1, 1), availability: [avail(null)] } })).drivers
        .sensorHealth,
    ).toBe(0);
  });

  it("exposure: critical 25, high 10, medium 4, low 1, capped at 100", () => {
    expect(drivers(input({ outstanding: ["critical", "high", "medium", "low"] })).drivers.exposure).toBe(60);
    expect(drivers(input({ outstanding: ["critical", "critical", "critical", "critical"] })).drivers.exposure).toBe(0);
    expect(drivers(input({ outstanding: Array(5).fill("critical") })).drivers.exposure).toBe(0);
  });

  it("threats: true positives opened in [from, to); critical 30 … low 1, capped; one opened at `to` is next month's", () => {
    expect(
      drivers(input({ incidents: [inc("critical"), inc("high"), inc("medium"), inc("low")] })).drivers.threats,
    ).toBe(53);
    expect(
      drivers(input({ incidents: [inc("critical", to), inc("high", new Date(from.getTime() - 1))] })).drivers.threats,
    ).toBe(100);
    expect(drivers(input({ incidents: [inc("critical", from, false)] })).drivers.threats).toBe(100);
    expect(drivers(input({ incidents: Array(4).fill(inc("critical")) })).drivers.threats).toBe(0);
  });

  it("responsiveness: share answered within 24 h (inclusive); 100 when none asked", () => {
    const at = new Date("2026-03-29T00:30:00Z");
    const ask = (ms: number | null) => ({ askedAt: at, answeredAt: ms === null ? null : new Date(at.getTime() + ms) });
    expect(drivers(input({ asks: [ask(86_400_000), ask(86_400_001), ask(null), ask(0)] })).drivers.responsiveness).toBe(
      50,
    );
    expect(drivers(input({ asks: [{ askedAt: to, answeredAt: to }] })).drivers.responsiveness).toBe(100);
  });
});

describe("posture score", () => {
  it("is the weighted mean, rounded half up only at the end", () => {
    // visibility 50 → 15, others 100 → 70: 85
    expect(
      postureScore(input({ coverage: { coverageFigure: 0, edr: edr(1, 1), availability: [avail(1)] } })).score,
    ).toBe(85);
    // exposure 98 (two lows) → 99.5 → 100; sensor health 96.6… alone → 99.49 → 99
    expect(postureScore(input({ outstanding: ["low", "low"] })).score).toBe(100);
    expect(
      postureScore(input({ coverage: { coverageFigure: 1, edr: edr(1, 1), availability: [avail(29 / 30)] } })).score,
    ).toBe(100);
    expect(roundHalfUp(79.5)).toBe(80);
    expect(roundHalfUp(79.49999)).toBe(79);
    expect(roundHalfUp(0.15 * 530)).toBe(80); // 79.49999999999999 in binary
  });

  it("bands at their edges", () => {
    expect([bandOf(100), bandOf(80), bandOf(79), bandOf(60), bandOf(59), bandOf(0)]).toEqual([
      "good",
      "good",
      "fair",
      "fair",
      "poor",
      "poor",
    ]);
  });

  it("everything at its worst is 0, poor", () => {
    const r = postureScore(
      input({
        coverage: { coverageFigure: null, edr: edr(0, 0), availability: [] },
        outstanding: Array(4).fill("critical"),
        incidents: Array(4).fill(inc("critical")),
        asks: [{ askedAt: from, answeredAt: null }],
      }),
    );
    expect(r).toMatchObject({ score: 0, band: "poor" });
  });

  it("names the points a recommendation would add if done", () => {
    expect(pointsIfDone(["critical", "high"], "critical")).toBe(6.25);
    expect(pointsIfDone(["critical", "high"], "high")).toBe(2.5);
    expect(pointsIfDone(Array(6).fill("critical"), "critical")).toBe(0); // still capped
  });

  it("the live period is the last 30 days with both ends included", () => {
    const now = new Date("2026-03-29T01:00:00Z");
    const p = livePeriod(now);
    expect(
      drivers(input({ ...p, incidents: [inc("low", now), inc("low", new Date(now.getTime() - 30 * 86_400_000))] }))
        .drivers.threats,
    ).toBe(98);
  });
});
