import { describe, expect, it } from "vitest";
import { completedMonths, reportDue, reportSendTime } from "./schedule";

describe("reportDue", () => {
  it("opens at 06:00 local on the 1st, in the customer's zone", () => {
    // 06:00 in Auckland on 1 Dec 2026 (NZDT, +13) is 17:00 UTC on 30 Nov.
    expect(reportDue(new Date("2026-11-30T16:59:59Z"), "Pacific/Auckland")).toBeNull();
    expect(reportDue(new Date("2026-11-30T17:00:00Z"), "Pacific/Auckland")).toBe("2026-11");
    // Same instant: still November in Berlin, so nothing is due there.
    expect(reportDue(new Date("2026-11-30T17:00:00Z"), "Europe/Berlin")).toBeNull();
    expect(reportDue(new Date("2026-12-01T05:00:00Z"), "Europe/Berlin")).toBe("2026-11");
    expect(reportDue(new Date("2026-12-01T04:59:00Z"), "Europe/Berlin")).toBeNull();
  });

  it("catches up for three days, then leaves a missed month alone", () => {
    expect(reportDue(new Date("2026-12-03T22:59:00Z"), "Europe/Berlin")).toBe("2026-11");
    expect(reportDue(new Date("2026-12-03T23:00:00Z"), "Europe/Berlin")).toBeNull();
    expect(reportDue(new Date("2026-12-15T12:00:00Z"), "Europe/Berlin")).toBeNull();
  });

  it("crosses the year and uses the local wall clock across DST", () => {
    expect(reportDue(new Date("2027-01-01T11:00:00Z"), "America/New_York")).toBe("2026-12");
    // 1 April 2026 06:00 in New York is EDT (-4): 10:00 UTC.
    expect(reportDue(new Date("2026-04-01T09:59:00Z"), "America/New_York")).toBeNull();
    expect(reportDue(new Date("2026-04-01T10:00:00Z"), "America/New_York")).toBe("2026-03");
  });
});

describe("reportSendTime and completedMonths", () => {
  it("gives the instant of the 06:00 send and the months before now", () => {
    expect(reportSendTime("2026-10", "Europe/Berlin").toISOString()).toBe("2026-11-01T05:00:00.000Z");
    expect(reportSendTime("2026-12", "Asia/Kathmandu").toISOString()).toBe("2027-01-01T00:15:00.000Z");
    expect(completedMonths(new Date("2026-11-29T12:00:00Z"), "Europe/Berlin", 3)).toEqual([
      "2026-10",
      "2026-09",
      "2026-08",
    ]);
    expect(completedMonths(new Date("2027-01-01T00:30:00Z"), "Asia/Kathmandu", 1)).toEqual(["2026-12"]);
  });
});
