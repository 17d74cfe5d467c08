import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { addDays, dayLabel, localToInstant, slotInstants, span, startOfWeek } from "./_lib/time";
import { ShiftChip } from "./shift-chip";

/** The roster views show instants in the console's chosen zone (not the process's: TZ is Asia/Kathmandu here). */
const roster = {
  id: "r",
  name: "Berlin",
  timeZone: "Europe/Berlin",
  slots: [{ id: "day", name: "Day" }],
  teams: [{ id: "t", name: "Team A" }],
};
// The Berlin day shift on 8 Dec 2026: 07:00–19:00 Berlin = 06:00–18:00 UTC.
const [start, end] = slotInstants("2026-12-08", "07:00", "19:00", "Europe/Berlin");
const shift = {
  key: "k",
  rosterId: "r",
  teamId: "t",
  slotId: "day",
  date: "2026-12-08",
  start: new Date(start),
  end: new Date(end),
  people: [{ id: "u", name: "Ana Analyst", change: null }],
  removed: [],
  breaches: 0,
};
const chip = (zone: string) => renderToStaticMarkup(createElement(ShiftChip, { shift, roster, compact: false, zone }));

describe("roster times in the console's zone", () => {
  it("shows a shift in the chosen zone and names the roster's own zone and times", () => {
    expect(new Date(start).toISOString()).toBe("2026-12-08T06:00:00.000Z");
    const chicago = chip("America/Chicago");
    expect(chicago).toContain("00:00–12:00");
    expect(chicago).toContain("00:00–12:00 America/Chicago (07:00–19:00 Europe/Berlin)");
    expect(chip("UTC")).toContain("06:00–18:00");
    expect(chip("Asia/Kathmandu")).toContain("11:45–23:45");
    // In the roster's own zone the times are the slot's, named once.
    const berlin = chip("Europe/Berlin");
    expect(berlin).toContain("07:00–19:00 Europe/Berlin:");
    expect(berlin).not.toContain("(07:00");
  });

  it("builds the timeline's days in the chosen zone, 23 or 25 hours across DST", () => {
    const monday = startOfWeek(Date.parse("2026-10-28T12:00:00Z"), "America/Chicago");
    expect(new Date(monday).toISOString()).toBe("2026-10-26T05:00:00.000Z");
    expect(dayLabel(monday, "America/Chicago")).toBe("Mon 26 Oct");
    const nov1 = addDays(monday, 6, "America/Chicago");
    expect(addDays(monday, 7, "America/Chicago") - nov1).toBe(25 * 3_600_000);
    const berlin = startOfWeek(Date.parse("2026-03-25T12:00:00Z"), "Europe/Berlin");
    expect(addDays(berlin, 7, "Europe/Berlin") - addDays(berlin, 6, "Europe/Berlin")).toBe(23 * 3_600_000);
  });

  it("reads time-off wall times in the chosen zone and names both ends of a long span", () => {
    expect(localToInstant("2026-12-08T09:00", "Asia/Singapore")?.toISOString()).toBe("2026-12-08T01:00:00.000Z");
    expect(localToInstant("not a time", "UTC")).toBeNull();
    const a = Date.parse("2026-12-08T19:00:00Z");
    expect(span(a, a + 12 * 3_600_000, "UTC")).toBe("Tue 8 Dec, 19:00 – 07:00");
    expect(span(a, a + 48 * 3_600_000, "UTC")).toBe("Tue 8 Dec, 19:00 – Thu 10 Dec, 19:00");
  });
});
