import { describe, expect, it } from "vitest";
import { contractWarnings } from "./warnings";

const c = {
  startDate: "2026-01-01",
  endDate: "2026-12-31",
  autoRenew: false,
  noticeDays: 90,
  licensedEndpoints: 100,
  licensedSensors: 2,
  monitoredClasses: ["edr", "ndr"],
};
const ok = { activeSensors: 2, endpoints: 90, classes: ["edr", "ndr"] };

describe("contractWarnings", () => {
  it("says nothing for a healthy contract far from renewal", () => {
    expect(contractWarnings(c, ok, "2026-05-01")).toEqual([]);
  });

  it("warns of the renewal decision before the notice deadline, louder in the last two weeks", () => {
    expect(contractWarnings(c, ok, "2026-08-20")).toMatchObject([{ kind: "renewal_due", level: "info" }]);
    expect(contractWarnings(c, ok, "2026-09-25")).toMatchObject([{ kind: "renewal_due", level: "warning" }]);
    expect(contractWarnings(c, ok, "2026-10-05")).toMatchObject([{ kind: "notice_passed", level: "warning" }]);
    expect(contractWarnings(c, ok, "2027-01-02")).toMatchObject([{ kind: "expired", level: "danger" }]);
    expect(contractWarnings({ ...c, autoRenew: true }, ok, "2027-01-02")).toMatchObject([
      { kind: "renewal_due", level: "info" },
    ]);
  });

  it("flags deployments beyond the licence and classes sold but not connected", () => {
    const w = contractWarnings(c, { activeSensors: 3, endpoints: 120, classes: ["edr", "siem"] }, "2026-05-01");
    expect(w.map((x) => x.kind)).toEqual(["endpoints_over", "sensors_over", "class_unmonitored", "class_missing"]);
  });
});
