import { describe, expect, it } from "vitest";
import { changeText } from "./change";

describe("the posture overview's month-over-month change", () => {
  it("signs the points, names the months compared and reads as a sentence", () => {
    expect(changeText(-12, "2026-11", "2026-10")).toEqual({
      text: "\u221212\u00a0pts",
      against: "vs Oct 2026",
      label: "Down 12 points from October 2026 to November 2026",
    });
    expect(changeText(3, "2026-01", "2025-12")).toMatchObject({
      text: "+3\u00a0pts",
      against: "vs Dec 2025",
      label: "Up 3 points from December 2025 to January 2026",
    });
    expect(changeText(1, "2026-11", "2026-10")).toMatchObject({
      text: "+1\u00a0pt",
      label: "Up 1 point from October 2026 to November 2026",
    });
    expect(changeText(0, "2026-11", "2026-10")).toMatchObject({
      text: "±0\u00a0pts",
      label: "No change from October 2026 to November 2026",
    });
  });

  it("says — when either month has no stored score", () => {
    expect(changeText(null, "2026-11", "2026-10")).toMatchObject({
      text: "—",
      label: "No change to show: November 2026 or October 2026 has no stored score",
    });
  });
});
