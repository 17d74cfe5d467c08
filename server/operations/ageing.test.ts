import { describe, expect, it } from "vitest";
import { ageBucket, ageingMatrix, intakeTrend } from "./ageing";

const now = new Date("2026-10-25T01:30:00Z"); // Europe's fall-back night
const ago = (h: number) => new Date(now.getTime() - h * 3600_000);

describe("ageBucket", () => {
  it("puts each age in one bucket, edges going to the older one", () => {
    expect(ageBucket(ago(0.5), now)).toBe("lt1h");
    expect(ageBucket(ago(1), now)).toBe("1h-24h");
    expect(ageBucket(ago(23.9), now)).toBe("1h-24h");
    expect(ageBucket(ago(24), now)).toBe("1d-7d");
    expect(ageBucket(ago(24 * 7), now)).toBe("gt7d");
    expect(ageBucket(new Date(now.getTime() + 60_000), now)).toBe("lt1h"); // clock skew: not negative
  });

  it("builds the severity × age matrix with every row and bucket", () => {
    const m = ageingMatrix(
      [
        { severity: 5, receivedAt: ago(2) },
        { severity: 5, receivedAt: ago(200) },
        { severity: 1, receivedAt: ago(0.1) },
      ],
      now,
    );
    expect(m.map((r) => r.severity)).toEqual([5, 4, 3, 2, 1]);
    expect(m[0]).toMatchObject({ total: 2, buckets: { "1h-24h": 1, gt7d: 1, lt1h: 0 } });
    expect(m[4]!.buckets.lt1h).toBe(1);
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
