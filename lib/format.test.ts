import { describe, expect, it } from "vitest";
import {
  formatBytes,
  formatCount,
  formatDate,
  formatDateTime,
  formatMonth,
  formatRelative,
  formatShare,
  formatTime,
  initials,
  withUnit,
} from "./format";

describe("formatDateTime", () => {
  it("formats in an explicit time zone", () => {
    expect(formatDateTime("2026-11-28T14:05:00Z", "UTC")).toBe("28 Nov 2026, 14:05");
    expect(formatDateTime(new Date("2026-11-28T14:05:00Z"), "Europe/London")).toBe("28 Nov 2026, 14:05");
  });

  it("applies the time zone offset, including non-hour offsets", () => {
    // Kathmandu is UTC+05:45.
    expect(formatDateTime("2026-11-28T14:05:00Z", "Asia/Kathmandu")).toBe("28 Nov 2026, 19:50");
    expect(formatDateTime("2026-11-28T23:30:00Z", "Asia/Tokyo")).toBe("29 Nov 2026, 08:30");
  });

  it("uses 24-hour time with midnight as 00", () => {
    expect(formatDateTime("2026-01-05T00:07:00Z", "UTC")).toBe("5 Jan 2026, 00:07");
  });

  it("uses a stable short month for September", () => {
    expect(formatDateTime("2026-09-01T09:00:00Z", "UTC")).toBe("1 Sep 2026, 09:00");
  });

  it("returns a dash for invalid input", () => {
    expect(formatDateTime("not a date", "UTC")).toBe("—");
  });
});

describe("formatDate / formatTime", () => {
  it("formats the calendar date in the given zone", () => {
    expect(formatDate("2026-11-28T22:00:00Z", "UTC")).toBe("28 Nov 2026");
    expect(formatDate("2026-11-28T22:00:00Z", "Asia/Kathmandu")).toBe("29 Nov 2026");
    expect(formatDate(Date.UTC(2026, 2, 1), "UTC")).toBe("1 Mar 2026");
  });

  it("formats the time in the given zone", () => {
    expect(formatTime("2026-11-28T14:05:00Z", "UTC")).toBe("14:05");
    expect(formatTime("2026-11-28T14:05:00Z", "America/New_York")).toBe("09:05");
  });

  it("returns a dash for invalid input", () => {
    expect(formatDate("", "UTC")).toBe("—");
  });
});

describe("formatRelative", () => {
  const now = new Date("2026-11-28T12:00:00Z");
  const at = (offsetSeconds: number) => new Date(now.getTime() + offsetSeconds * 1000);

  it("says just now for small differences", () => {
    expect(formatRelative(now, now)).toBe("just now");
    expect(formatRelative(at(-30), now)).toBe("just now");
    expect(formatRelative(at(30), now)).toBe("just now");
  });

  it("uses minutes and hours", () => {
    expect(formatRelative(at(-50), now)).toBe("1 min ago");
    expect(formatRelative(at(-3 * 60), now)).toBe("3 min ago");
    expect(formatRelative(at(59 * 60 + 59), now)).toBe("in 59 min");
    expect(formatRelative(at(-60 * 60), now)).toBe("1 h ago");
    expect(formatRelative(at(2 * 3600), now)).toBe("in 2 h");
    expect(formatRelative(at(-23 * 3600), now)).toBe("23 h ago");
  });

  it("uses yesterday / tomorrow for one day", () => {
    expect(formatRelative(at(-25 * 3600), now)).toBe("yesterday");
    expect(formatRelative(at(30 * 3600), now)).toBe("tomorrow");
  });

  it("uses days, months and years", () => {
    expect(formatRelative(at(-3 * 86400), now)).toBe("3 days ago");
    expect(formatRelative(at(10 * 86400), now)).toBe("in 10 days");
    expect(formatRelative(at(-65 * 86400), now)).toBe("2 mo ago");
    expect(formatRelative(at(-400 * 86400), now)).toBe("1 yr ago");
  });

  it("accepts strings and returns a dash for invalid input", () => {
    expect(formatRelative("2026-11-28T11:55:00Z", "2026-11-28T12:00:00Z")).toBe("5 min ago");
    expect(formatRelative("nope", now)).toBe("—");
  });
});

describe("initials", () => {
  it("takes first and last word initials", () => {
    expect(initials("Ada Lovelace")).toBe("AL");
    expect(initials("  grace   brewster murray hopper ")).toBe("GH");
    expect(initials("Jean-Luc Picard")).toBe("JP");
  });

  it("handles single words, emails and empty input", () => {
    expect(initials("ada")).toBe("A");
    expect(initials("ada.lovelace@example.com")).toBe("AL");
    expect(initials("")).toBe("");
    expect(initials("   ")).toBe("");
  });

  it("handles non-ASCII letters", () => {
    expect(initials("Émile Zola")).toBe("ÉZ");
    expect(initials("Łukasz Żak")).toBe("ŁŻ");
  });
});

describe("formatMonth", () => {
  it("names a YYYY-MM month", () => {
    expect(formatMonth("2026-10")).toBe("October 2026");
    expect(formatMonth("2026-09", "short")).toBe("Sep 2026");
    expect(formatMonth("2027-01")).toBe("January 2027");
  });

  it("returns anything else unchanged", () => {
    expect(formatMonth("2026-13")).toBe("2026-13");
    expect(formatMonth("October")).toBe("October");
  });
});

describe("formatCount", () => {
  it("groups thousands, rounds from 100 up and keeps one decimal below", () => {
    expect(formatCount(29152)).toBe("29,152");
    expect(formatCount(33117.5)).toBe("33,118");
    expect(formatCount(4.45)).toBe("4.5");
    expect(formatCount(12)).toBe("12");
    expect(formatCount(0)).toBe("0");
    expect(formatCount(Number.NaN)).toBe("—");
  });
});

describe("formatBytes", () => {
  it("uses binary units with one decimal below 10", () => {
    expect(formatBytes(812)).toBe("812 B");
    expect(formatBytes(42_291)).toBe("41 KB");
    expect(formatBytes(5_000)).toBe("4.9 KB");
    expect(formatBytes(2_516_582)).toBe("2.4 MB");
  });

  it("yields a dash for nonsense", () => {
    expect(formatBytes(-1)).toBe("—");
    expect(formatBytes(Number.NaN)).toBe("—");
  });
});

describe("formatShare", () => {
  it("floors to 0.1 so a near miss never reads as complete, and says — for none", () => {
    expect(formatShare(0.7156)).toBe("71.5\u00a0%");
    expect(formatShare(0.9996)).toBe("99.9\u00a0%");
    expect(formatShare(1)).toBe("100\u00a0%");
    expect(formatShare(0)).toBe("0\u00a0%");
    expect(formatShare(null)).toBe("—");
    expect(formatShare(Number.NaN)).toBe("—");
  });

  it("joins the number to its sign with a no-break space, so no page or PDF line ends with 84.8 and starts with %", () => {
    expect(formatShare(0.848)).toBe(withUnit(84.8, "%"));
    expect(formatShare(0.848)).not.toMatch(/\d[ \t\n]%/);
    // Whitespace to a reader and to whitespace-collapsing text comparisons alike.
    expect(formatShare(0.848).replace(/\s+/g, " ")).toBe("84.8 %");
  });
});
