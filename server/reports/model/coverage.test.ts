import { describe, expect, it } from "vitest";
import { coverageSection } from "./coverage";

const from = new Date("2026-11-01T00:00:00Z");
const to = new Date("2026-12-01T00:00:00Z");
const at = (d: number, h = 0) => new Date(Date.UTC(2026, 10, d, h));
type Health = Parameters<typeof coverageSection>[0];
type Seen = Parameters<typeof coverageSection>[1];

const sensor = (p: Partial<Health["sensors"][number]>): Health["sensors"][number] => ({
  id: "s",
  name: "Falcon",
  sensorClass: "edr",
  classes: ["edr"],
  stateAtMonthEnd: "healthy",
  silentSinceAtMonthEnd: null,
  availability: 1,
  silentPeriods: [],
  ...p,
});
const health = (sensors: Health["sensors"]): Health => ({
  month: "2026-11",
  from,
  to,
  coverage: 0.5,
  classes: [
    { cls: "edr", contracted: true, state: "ok" },
    { cls: "ndr", contracted: true, state: "silent" },
    { cls: "siem", contracted: false, state: "none" },
    { cls: "cloud", contracted: false, state: "extra" },
    { cls: "identity", contracted: false, state: "none" },
    { cls: "email", contracted: false, state: "none" },
  ],
  sensors,
});
const seen: Seen = {
  edr: {
    known: 10,
    covered: 8,
    ratio: 0.8,
    uncovered: 2,
    entitlement: {
      endpoints: { used: 9, licensed: 8, over: true },
      sensors: { used: 2, licensed: null, over: false },
    },
  },
  classes: ["edr"],
  tactics: [
    { id: "TA0001", name: "Initial Access", ratio: 2 / 3, techniques: 10 },
    { id: "TA0040", name: "Impact", ratio: 0, techniques: 10 },
    { id: "TA0043", name: "Reconnaissance", ratio: null, techniques: 0 },
  ],
};

describe("the report's coverage section", () => {
  it("keeps the classes that are contracted or present, with their state at month end", () => {
    const c = coverageSection(health([]), seen);
    expect(c.figure).toBe(0.5);
    expect(c.classes.map((x) => `${x.label}:${x.state}`)).toEqual(["EDR:ok", "NDR:silent", "Cloud:extra"]);
  });

  it("leaves retired sensors out; the mean availability is over the sensors that have one", () => {
    const c = coverageSection(
      health([
        sensor({ id: "a", availability: 0.9 }),
        sensor({ id: "b", name: "Zeek", availability: 0.6 }),
        sensor({ id: "c", name: "New", stateAtMonthEnd: "pending", availability: null }),
        sensor({ id: "d", name: "Old", stateAtMonthEnd: "retired", availability: 0 }),
      ]),
      seen,
    );
    expect(c.sensors.map((s) => s.name)).toEqual(["Falcon", "Zeek", "New"]);
    expect(c.meanAvailability).toBeCloseTo(0.75, 12);
    expect(coverageSection(health([sensor({ availability: null })]), seen).meanAvailability).toBeNull();
  });

  it("lists silent periods longest first and marks one still running at month end", () => {
    const c = coverageSection(
      health([
        sensor({ silentPeriods: [{ start: at(3), end: at(3, 2) }] }),
        sensor({ id: "z", name: "Zeek", silentPeriods: [{ start: at(29), end: to }] }),
      ]),
      seen,
    );
    expect(c.silent.count).toBe(2);
    expect(c.silent.longest.map((p) => [p.sensor, p.durationMs / 3_600_000, p.open])).toEqual([
      ["Zeek", 48, true],
      ["Falcon", 2, false],
    ]);
  });

  it("bands each tactic on its unrounded ratio (2/3 is partial)", () => {
    const c = coverageSection(health([]), seen);
    expect(c.tactics.map((t) => t.band)).toEqual(["partial", "none", null]);
    expect(c.edr).toMatchObject({ known: 10, covered: 8, ratio: 0.8, endpoints: { over: true } });
  });
});
