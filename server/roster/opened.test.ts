import { describe, expect, it } from "vitest";
import { openedGaps } from "./opened";

const g = (start: number, end: number, reasons: string[]) => ({ start, end, reasons, customers: [] });

describe("opened gaps", () => {
  it("calls a gap new unless an earlier gap covers it with the same reasons", () => {
    const before = [g(10, 20, ["headcount"])];
    expect(openedGaps(before, [g(10, 20, ["headcount"])])).toEqual([]);
    expect(openedGaps(before, [g(12, 18, ["headcount"])])).toEqual([]);
    expect(openedGaps(before, [g(10, 21, ["headcount"])])).toHaveLength(1);
    expect(openedGaps(before, [g(10, 20, ["headcount", "skill:network"])])).toHaveLength(1);
    expect(openedGaps([], [g(0, 1, ["seniority"])])).toHaveLength(1);
  });
});
