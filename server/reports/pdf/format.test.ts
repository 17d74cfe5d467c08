import { describe, expect, it } from "vitest";
import { duration, percent, shareOf } from "./format";

/** A number at the end of one PDF line and its unit at the start of the next reads as two figures. */
const breakable = /\d[ \t\n](%|min|h|d)\b/;

describe("the PDF's figures keep their units on the same line", () => {
  it("shares, rounded shares and durations join number and unit with a no-break space", () => {
    for (const text of [
      percent(0.848),
      shareOf(7, 100),
      shareOf(1, 1000),
      duration(12 * 60_000),
      duration(192 * 60_000),
      duration(52 * 3_600_000),
      duration(10_000),
    ]) {
      expect(text).not.toMatch(breakable);
      expect(text.replace(/\s+/g, " ")).toMatch(/^<?\d/);
    }
    // The text still reads as before to pdftotext and to whitespace-collapsing comparisons.
    expect(duration(192 * 60_000).replace(/\s/g, " ")).toBe("3 h 12 min");
    expect(shareOf(7, 100).replace(/\s/g, " ")).toBe("7 %");
  });
});
