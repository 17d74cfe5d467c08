import { describe, expect, it } from "vitest";
import { type Calendar, countedIntervals, countedMs, validateCalendar } from "./calendar";
import { type Clock, clockStatus, dueAt, elapsedMs, mergePauses } from "./clock";

const H = 3600_000;
const M = 60_000;
const d = (s: string) => new Date(s);
const office = (timeZone: string, holidays: string[] = []): Calendar => ({
  kind: "business",
  timeZone,
  weekdays: Object.fromEntries([1, 2, 3, 4, 5].map((n) => [n, [{ start: "08:00", end: "18:00" }]])),
  holidays,
});

describe("calendar", () => {
  it("runs in a process whose own zone is unusual", () => {
    expect(process.env.TZ).toBe("Asia/Kathmandu");
    expect(new Date("2026-01-01T00:00:00Z").getTimezoneOffset()).toBe(-345);
  });

  it("counts every second on 24x7", () => {
    expect(countedMs({ kind: "24x7" }, 0, 5 * H)).toBe(5 * H);
  });

  it("counts a Berlin office day as 10 h, and a weekend as nothing", () => {
    const cal = office("Europe/Berlin");
    expect(countedMs(cal, d("2026-11-02T00:00:00Z").getTime(), d("2026-11-03T00:00:00Z").getTime())).toBe(10 * H);
    expect(countedMs(cal, d("2026-11-07T00:00:00Z").getTime(), d("2026-11-09T00:00:00Z").getTime())).toBe(0);
  });

  it("makes an 08:00–18:00 window 9 h on spring-forward and 11 h on fall-back (when the change is inside it)", () => {
    const cal: Calendar = {
      kind: "business",
      timeZone: "Europe/Berlin",
      weekdays: { 7: [{ start: "01:00", end: "18:00" }] },
      holidays: [],
    };
    // 2026-03-29 (Sunday): 02:00 → 03:00. 01:00–18:00 holds 16 real hours.
    expect(countedMs(cal, d("2026-03-28T12:00:00Z").getTime(), d("2026-03-30T00:00:00Z").getTime())).toBe(16 * H);
    // 2026-10-25 (Sunday): 03:00 → 02:00. 01:00–18:00 holds 18 real hours.
    expect(countedMs(cal, d("2026-10-24T12:00:00Z").getTime(), d("2026-10-26T00:00:00Z").getTime())).toBe(18 * H);
  });

  it("moves a start inside the spring-forward gap forward by the gap (02:30 → 03:30 CEST)", () => {
    const cal: Calendar = {
      kind: "business",
      timeZone: "Europe/Berlin",
      weekdays: { 7: [{ start: "02:30", end: "04:00" }] },
      holidays: [],
    };
    const [iv] = [...countedIntervals(cal, d("2026-03-29T00:00:00Z").getTime(), d("2026-03-30T00:00:00Z").getTime())];
    expect(new Date(iv![0]).toISOString()).toBe("2026-03-29T01:30:00.000Z");
    expect(new Date(iv![1]).toISOString()).toBe("2026-03-29T02:00:00.000Z");
  });

  it("takes the first occurrence of a repeated wall time on fall-back", () => {
    const cal: Calendar = {
      kind: "business",
      timeZone: "Europe/Berlin",
      weekdays: { 7: [{ start: "02:30", end: "03:00" }] },
      holidays: [],
    };
    const [iv] = [...countedIntervals(cal, d("2026-10-25T00:00:00Z").getTime(), d("2026-10-26T00:00:00Z").getTime())];
    // 02:30 CEST (first) = 00:30Z; 03:00 CET = 02:00Z: the window holds 1.5 h of real time.
    expect(new Date(iv![0]).toISOString()).toBe("2026-10-25T00:30:00.000Z");
    expect(iv![1] - iv![0]).toBe(1.5 * H);
  });

  it("holds no time in a window whose converted end is not after its start", () => {
    const cal: Calendar = {
      kind: "business",
      timeZone: "Europe/Berlin",
      weekdays: { 7: [{ start: "02:10", end: "02:50" }] },
      holidays: [],
    };
    // On spring-forward both ends fall in the gap: 03:10 and 03:50 CEST — forty minutes remain.
    expect(countedMs(cal, d("2026-03-29T00:00:00Z").getTime(), d("2026-03-30T00:00:00Z").getTime())).toBe(40 * M);
  });

  it("handles Santiago, whose DST changes at midnight (00:00 does not exist on 2026-09-06)", () => {
    const cal: Calendar = {
      kind: "business",
      timeZone: "America/Santiago",
      weekdays: { 7: [{ start: "00:00", end: "24:00" }] },
      holidays: [],
    };
    // The Sunday starts at 01:00 -03 and ends at 24:00 -03: 23 real hours.
    expect(countedMs(cal, d("2026-09-05T00:00:00Z").getTime(), d("2026-09-08T00:00:00Z").getTime())).toBe(23 * H);
  });

  it("uses 24:00 as the midnight that ends the day", () => {
    const cal: Calendar = {
      kind: "business",
      timeZone: "Asia/Tokyo",
      weekdays: { 1: [{ start: "20:00", end: "24:00" }] },
      holidays: [],
    };
    expect(countedMs(cal, d("2026-11-01T00:00:00Z").getTime(), d("2026-11-03T00:00:00Z").getTime())).toBe(4 * H);
  });

  it("counts nothing on holidays, as local dates in the calendar's zone", () => {
    const cal = office("Australia/Sydney", ["2026-12-25"]);
    // 25 Dec 2026 is a Friday; in Sydney it runs 2026-12-24T13:00Z – 2026-12-25T13:00Z.
    expect(countedMs(cal, d("2026-12-24T13:00:00Z").getTime(), d("2026-12-25T13:00:00Z").getTime())).toBe(0);
    expect(countedMs(cal, d("2026-12-23T13:00:00Z").getTime(), d("2026-12-24T13:00:00Z").getTime())).toBe(10 * H);
  });

  it("allows several windows a day and a half-hour DST shift (Lord Howe)", () => {
    const cal: Calendar = {
      kind: "business",
      timeZone: "Australia/Lord_Howe",
      weekdays: {
        7: [
          { start: "01:00", end: "03:00" },
          { start: "09:00", end: "12:00" },
        ],
      },
      holidays: [],
    };
    // 2026-10-04 02:00 → 02:30: the 01:00–03:00 window is 1.5 h.
    expect(countedMs(cal, d("2026-10-03T00:00:00Z").getTime(), d("2026-10-05T00:00:00Z").getTime())).toBe(4.5 * H);
  });

  it("refuses overlapping windows, and never counts an overlap twice", () => {
    const cal: Calendar = {
      kind: "business",
      timeZone: "UTC",
      weekdays: {
        1: [
          { start: "08:00", end: "18:00" },
          { start: "12:00", end: "20:00" },
        ],
      },
      holidays: [],
    };
    expect(validateCalendar(cal)).toEqual(["day 1: 08:00–18:00 and 12:00–20:00 overlap"]);
    expect(countedMs(cal, d("2026-11-02T00:00:00Z").getTime(), d("2026-11-03T00:00:00Z").getTime())).toBe(12 * H);
  });

  it("reports bad calendars", () => {
    expect(
      validateCalendar({
        kind: "business",
        timeZone: "Mars/Base",
        weekdays: { 1: [{ start: "18:00", end: "08:00" }] },
        holidays: ["2026-13-01"],
      }),
    ).toHaveLength(3);
    expect(validateCalendar(office("Europe/Berlin"))).toEqual([]);
  });
});

const clock = (over: Partial<Clock> = {}): Clock => ({
  start: d("2026-11-02T09:00:00Z"),
  targetMinutes: 240,
  pauses: [],
  stop: null,
  ...over,
});

describe("clock", () => {
  const ny = office("America/New_York");

  it("is due after the target in business time, across the night", () => {
    // Monday 2026-11-02 09:00Z = 04:00 New York: counting starts at 08:00 local (13:00Z); 4 h → 17:00Z.
    expect(dueAt(ny, clock())?.toISOString()).toBe("2026-11-02T17:00:00.000Z");
    // Started at 16:00 local: 2 h today, 2 h tomorrow from 08:00.
    expect(dueAt(ny, clock({ start: d("2026-11-02T21:00:00Z") }))?.toISOString()).toBe("2026-11-03T15:00:00.000Z");
  });

  it("stays breached over the weekend once the target is used up at Friday close", () => {
    const c = clock({ start: d("2026-11-06T18:00:00Z"), targetMinutes: 240 }); // Friday 13:00 NY; due 17:00 NY
    expect(dueAt(ny, c)?.toISOString()).toBe("2026-11-06T22:00:00.000Z");
    expect(clockStatus(ny, c, d("2026-11-07T15:00:00Z")).state).toBe("breached");
    expect(clockStatus(ny, c, d("2026-11-09T12:00:00Z")).state).toBe("breached");
  });

  it("is at risk with 25 % of the target left (inclusive) and running before", () => {
    const c = clock({ start: d("2026-11-02T13:00:00Z"), targetMinutes: 240 });
    expect(clockStatus(ny, c, d("2026-11-02T15:59:00Z")).state).toBe("running");
    expect(clockStatus(ny, c, d("2026-11-02T16:00:00Z")).state).toBe("at_risk");
    expect(clockStatus(ny, c, d("2026-11-02T16:00:00Z"), 0.1).state).toBe("running");
    expect(clockStatus(ny, c, d("2026-11-02T17:00:00Z")).state).toBe("breached");
  });

  it("subtracts merged, overlapping pauses that straddle window edges", () => {
    const c = clock({
      start: d("2026-11-02T13:00:00Z"),
      targetMinutes: 240,
      pauses: [
        { from: d("2026-11-02T12:00:00Z"), to: d("2026-11-02T14:00:00Z") }, // before 08:00 local → 1 h counted
        { from: d("2026-11-02T13:30:00Z"), to: d("2026-11-02T14:30:00Z") }, // overlaps: merged to 12:00–14:30
        { from: d("2026-11-02T22:00:00Z"), to: d("2026-11-03T14:00:00Z") }, // 17:00 local → next day 09:00: 2 h counted
      ],
    });
    expect(mergePauses(c.pauses)).toHaveLength(2);
    // Counted so far at 22:00Z: 13:00–23:00Z window = 08:00–18:00 local; minus 1.5 h of the first pause; until 22:00Z.
    expect(elapsedMs(ny, c, d("2026-11-02T22:00:00Z"))).toBe(9 * H - 1.5 * H);
    expect(dueAt(ny, c)?.toISOString()).toBe("2026-11-02T18:30:00.000Z");
  });

  it("has no due while a pause is open, and is paused during it", () => {
    const c = clock({ start: d("2026-11-02T13:00:00Z"), pauses: [{ from: d("2026-11-02T14:00:00Z"), to: null }] });
    expect(dueAt(ny, c)).toBeNull();
    const s = clockStatus(ny, c, d("2026-11-02T20:00:00Z"));
    expect(s.state).toBe("paused");
    expect(s.elapsedMs).toBe(H);
  });

  it("is met or breached by the elapsed time at stop, and a stop does not move due", () => {
    const base = clock({ start: d("2026-11-02T13:00:00Z"), targetMinutes: 60 });
    const met = { ...base, stop: d("2026-11-02T13:59:00Z") };
    const late = { ...base, stop: d("2026-11-02T14:01:00Z") };
    expect(clockStatus(ny, met, d("2026-11-05T00:00:00Z")).state).toBe("met");
    expect(clockStatus(ny, late, d("2026-11-05T00:00:00Z")).state).toBe("breached");
    expect(dueAt(ny, met)).toEqual(dueAt(ny, base));
    // Exactly on target is met.
    expect(clockStatus(ny, { ...base, stop: d("2026-11-02T14:00:00Z") }, d("2026-11-05T00:00:00Z")).state).toBe("met");
  });

  it("works on 24x7 across a DST change (real time)", () => {
    const c = clock({ start: d("2026-03-29T00:30:00Z"), targetMinutes: 120 });
    expect(dueAt({ kind: "24x7" }, c)?.toISOString()).toBe("2026-03-29T02:30:00.000Z");
  });

  it("never comes due on a calendar without any window", () => {
    const empty: Calendar = { kind: "business", timeZone: "UTC", weekdays: {}, holidays: [] };
    expect(dueAt(empty, clock())).toBeNull();
    expect(clockStatus(empty, clock(), d("2027-01-01T00:00:00Z")).state).toBe("running");
  });
});
