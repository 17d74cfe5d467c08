import { describe, expect, it } from "vitest";
import { canMove, checkConclusion } from "./lifecycle";

describe("hunt lifecycle", () => {
  it("planned → in progress → concluded, never back", () => {
    expect(canMove("planned", "in_progress")).toBe(true);
    expect(canMove("in_progress", "concluded")).toBe(true);
    expect(canMove("planned", "concluded")).toBe(false);
    expect(canMove("concluded", "in_progress")).toBe(false);
  });

  it("a conclusion needs an outcome backed by records and a customer summary", () => {
    const base = { customerSummary: "We looked.", linkedIncidents: 0, recommendations: 0 };
    expect(checkConclusion({ ...base, outcome: null })).toMatchObject({ ok: false, field: "outcome" });
    expect(checkConclusion({ ...base, outcome: "nothing_found", customerSummary: " " })).toMatchObject({
      field: "customerSummary",
    });
    expect(checkConclusion({ ...base, outcome: "nothing_found" })).toEqual({ ok: true });
    expect(checkConclusion({ ...base, outcome: "incident" }).ok).toBe(false);
    expect(checkConclusion({ ...base, outcome: "incident", linkedIncidents: 1 }).ok).toBe(true);
    expect(checkConclusion({ ...base, outcome: "recommendation" }).ok).toBe(false);
    expect(checkConclusion({ ...base, outcome: "recommendation", recommendations: 2 }).ok).toBe(true);
  });
});
