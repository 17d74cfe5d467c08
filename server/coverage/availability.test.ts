import { describe, expect, it } from "vitest";
import { availability, historyFromHours, silentPeriods } from "./availability";

// Spanning the US DST change (2026-11-01 06:00 UTC) to show nothing depends on wall time.
const T = (iso: string) => new Date(`2026-11-01T${iso}Z`);
const MIN = 60_000;
const at = (minutes: number) => new Date(T("04:00").getTime() + minutes * MIN);

/** A history from explicit heartbeat times (minutes after 04:00), interval 5 min → silent after 15 min. */
function beats(...mins: number[]) {
  const times = mins.map(at);
  return {
    intervalSeconds: 300,
    firstAt: times[0] ?? null,
    gaps: times.map((t, i) => ({ after: t, before: times[i + 1] ?? null })),
  };
}

describe("availability (coverage-rules.md)", () => {
  it("is 1 when every gap is at most 3 × interval, the exact boundary included", () => {
    expect(availability(beats(0, 15, 30, 45, 60), at(0), at(60)).ratio).toBe(1);
  });

  it("counts silence from heartbeat + 3 × interval until the next heartbeat", () => {
    // Gap 10 → 40: silent 25 → 40 = 15 of 60 minutes.
    const a = availability(beats(0, 5, 10, 40, 45, 50, 55), at(0), at(60));
    expect(a).toEqual({ countedMs: 60 * MIN, silentMs: 15 * MIN, ratio: 0.75 });
  });

  it("counts heartbeats before `from`: a silence that began earlier counts from `from`", () => {
    const h = beats(-120, 30, 35, 40, 45, 50, 55);
    const a = availability(h, at(0), at(60));
    expect(a.silentMs).toBe(30 * MIN);
    expect(a.countedMs).toBe(60 * MIN);
    expect(silentPeriods(h, at(0), at(60))).toEqual([{ start: at(0), end: at(30) }]);
  });

  it("starts counted time at the first heartbeat when it is after `from`", () => {
    const a = availability(beats(30, 35, 40, 45, 50, 55), at(0), at(60));
    expect(a).toEqual({ countedMs: 30 * MIN, silentMs: 0, ratio: 1 });
  });

  it("keeps a silence running at `to` open to `to`", () => {
    // 0 → 20 silences 15 → 20; after 20 it is silent from 35 to `to`.
    expect(availability(beats(0, 20), at(0), at(60)).silentMs).toBe((5 + 25) * MIN);
    expect(silentPeriods(beats(0), at(0), at(60))).toEqual([{ start: at(15), end: at(60) }]);
  });

  it("has no availability without counted time", () => {
    expect(availability(beats(), at(0), at(60)).ratio).toBeNull();
    expect(availability(beats(60, 65), at(0), at(60)).ratio).toBeNull();
    expect(availability(beats(90), at(0), at(60))).toEqual({ countedMs: 0, silentMs: 0, ratio: null });
  });

  it("ignores heartbeats after `to` except as the end of a gap", () => {
    expect(availability(beats(0, 50, 55), at(0), at(30)).silentMs).toBe(15 * MIN);
  });
});

describe("history from hourly rows", () => {
  const h = (iso: string) => new Date(`2026-11-01T${iso}Z`);
  it("reads gaps inside an hour, across hours and after the last row", () => {
    const rows = [
      { firstAt: h("04:00"), lastAt: h("04:55"), gaps: [[h("04:10").getTime(), h("04:40").getTime()]] as const },
      // 04:55 → 07:05 spans two empty hours.
      { firstAt: h("07:05"), lastAt: h("07:50"), gaps: [] },
    ];
    const hist = historyFromHours(rows, 300);
    const p = silentPeriods(hist, h("04:00"), h("08:30"));
    expect(p).toEqual([
      { start: h("04:25"), end: h("04:40") },
      { start: h("05:10"), end: h("07:05") },
      { start: h("08:05"), end: h("08:30") },
    ]);
    const a = availability(hist, h("04:00"), h("08:30"));
    expect(a.silentMs).toBe((15 + 115 + 25) * MIN);
    expect(historyFromHours([], 300).firstAt).toBeNull();
  });

  it("counts a silence still running across months from the last row before `from`", () => {
    const rows = [{ firstAt: h("01:00"), lastAt: h("01:30"), gaps: [] }];
    const a = availability(historyFromHours(rows, 300), h("06:00"), h("07:00"));
    expect(a).toEqual({ countedMs: 60 * MIN, silentMs: 60 * MIN, ratio: 0 });
  });
});
