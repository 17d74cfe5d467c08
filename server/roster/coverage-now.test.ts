import { describe, expect, it } from "vitest";
import type { Calendar } from "@/server/sla/calendar";
import { customersInCoverageAt } from "./coverage-now";
import type { CustomerDemand } from "./demand";

const t = (s: string) => new Date(s).getTime();
const office: Calendar = {
  kind: "business",
  timeZone: "America/Chicago",
  weekdays: { 1: [{ start: "08:00", end: "18:00" }], 7: [{ start: "01:00", end: "03:00" }] },
  holidays: ["2026-12-28"],
};
const demand = (over: Partial<CustomerDemand>): CustomerDemand => ({
  customerId: "c1",
  customerName: "Acme",
  calendar: { kind: "24x7" },
  from: 0,
  to: 8.64e15,
  tier: "mdr",
  extraSkills: [],
  languages: [],
  critical: false,
  ...over,
});

describe("customersInCoverageAt", () => {
  it("counts 24x7 always and a business calendar only inside its local window", () => {
    const ds = [demand({ customerId: "b", calendar: office }), demand({ customerId: "a" })];
    // Monday 2026-12-07 08:00 Chicago (CST, UTC−6) = 14:00Z: the window opens.
    expect(customersInCoverageAt(ds, t("2026-12-07T14:00:00Z"))).toEqual(["a", "b"]);
    expect(customersInCoverageAt(ds, t("2026-12-07T13:59:59Z"))).toEqual(["a"]);
    // 18:00 local ends the window (exclusive).
    expect(customersInCoverageAt(ds, t("2026-12-08T00:00:00Z"))).toEqual(["a"]);
  });

  it("leaves out holidays and contract versions not in force", () => {
    const ds = [
      demand({ customerId: "b", calendar: office }),
      demand({ customerId: "c", from: t("2026-12-08T00:00:00Z") }),
      demand({ customerId: "d", to: t("2026-12-28T15:00:00Z") }),
    ];
    expect(customersInCoverageAt(ds, t("2026-12-28T15:00:00Z"))).toEqual(["c"]);
    expect(customersInCoverageAt(ds, t("2026-12-07T15:00:00Z"))).toEqual(["b", "d"]);
  });

  it("follows the wall clock across DST (Chicago spring forward on 2026-03-08)", () => {
    const ds = [demand({ customerId: "b", calendar: office })];
    // Sunday 01:00–03:00 local; 02:00 does not exist, so the window is 01:00 CST (07:00Z) to 03:00 CDT (08:00Z).
    expect(customersInCoverageAt(ds, t("2026-03-08T07:30:00Z"))).toEqual(["b"]);
    expect(customersInCoverageAt(ds, t("2026-03-08T08:00:00Z"))).toEqual([]);
    // Monday after: 08:00 CDT = 13:00Z.
    expect(customersInCoverageAt(ds, t("2026-03-09T13:00:00Z"))).toEqual(["b"]);
    expect(customersInCoverageAt(ds, t("2026-03-09T12:59:00Z"))).toEqual([]);
  });
});
