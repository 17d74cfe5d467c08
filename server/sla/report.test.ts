import { describe, expect, it } from "vitest";
import { attainmentMatrix, lastMonths, monthRange } from "./report";

describe("SLA report helpers", () => {
  it("cuts months at local midnight in the customer's zone", () => {
    const { from, to } = monthRange("2026-10", "Europe/Berlin");
    expect(from.toISOString()).toBe("2026-09-30T22:00:00.000Z");
    expect(to.toISOString()).toBe("2026-10-31T23:00:00.000Z"); // after the October DST change
    expect(monthRange("2026-03", "America/Santiago").from.toISOString()).toBe("2026-03-01T03:00:00.000Z");
  });

  it("lists the last months in the zone (it is already December in Sydney)", () => {
    expect(lastMonths(new Date("2026-11-30T14:00:00Z"), "Australia/Sydney", 3)).toEqual([
      "2026-10",
      "2026-11",
      "2026-12",
    ]);
    expect(lastMonths(new Date("2026-11-30T14:00:00Z"), "America/Chicago", 2)).toEqual(["2026-10", "2026-11"]);
  });

  it("computes attainment as met over decided", () => {
    const m = attainmentMatrix([
      { severity: "critical", metric: "acknowledge", met: 3, breached: 1, open: 0 },
      { severity: "high", metric: "acknowledge", met: 4, breached: 0, open: 2 },
    ]);
    expect(m.bySeverity[0]!.metrics[0]).toMatchObject({ met: 3, breached: 1, attainment: 0.75 });
    expect(m.bySeverity[0]!.metrics[1]!.attainment).toBeNull();
    expect(m.byMetric[0]).toMatchObject({ met: 7, breached: 1, attainment: 7 / 8 });
    expect(m.overall.attainment).toBe(7 / 8);
  });
});
