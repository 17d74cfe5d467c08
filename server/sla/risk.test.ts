import { describe, expect, it } from "vitest";
import { riskCounts, riskKind } from "./risk";

const now = Date.parse("2026-03-29T01:30:00Z"); // Europe's spring-forward night; the count is in instants only
const at = (min: number) => new Date(now + min * 60_000);

describe("riskKind", () => {
  it("counts a breached or past-due clock as overdue, an open pause or no due time as paused, the rest at risk", () => {
    expect(riskKind({ state: "breached", dueAt: at(10) }, now)).toBe("overdue");
    expect(riskKind({ state: "at_risk", dueAt: at(0) }, now)).toBe("overdue");
    expect(riskKind({ state: "at_risk", dueAt: at(1) }, now)).toBe("at_risk");
    expect(riskKind({ state: "paused", dueAt: at(-5) }, now)).toBe("paused");
    expect(riskKind({ state: "at_risk", dueAt: null }, now)).toBe("paused");
    expect(riskKind({ state: "at_risk", dueAt: at(-1) }, null)).toBe("at_risk");
  });

  it("sums a list", () => {
    const rows = [
      { state: "breached", dueAt: at(-60) },
      { state: "at_risk", dueAt: at(5) },
      { state: "paused", dueAt: null },
      { state: "at_risk", dueAt: at(-1) },
    ];
    expect(riskCounts(rows, now)).toEqual({ overdue: 2, at_risk: 1, paused: 1 });
  });
});
