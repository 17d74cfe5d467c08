import { describe, expect, it } from "vitest";
import { TEMPLATES } from "@/server/contracts/templates";
import { computeClocks, type IncidentFacts, waitingPauses } from "./compute";

const d = (s: string) => new Date(s);
const facts = (over: Partial<IncidentFacts> = {}): IncidentFacts => ({
  severity: 5,
  firstAlertReceivedAt: d("2026-11-02T10:00:00Z"),
  firstVendorCreatedAt: d("2026-11-02T09:55:00Z"),
  acknowledgedAt: d("2026-11-02T10:10:00Z"),
  customerNotifiedAt: d("2026-11-02T10:45:00Z"),
  containedAt: null,
  resolvedAt: null,
  transitions: [],
  ...over,
});
const mdr = {
  ...TEMPLATES.mdr,
  coverage: { kind: "24x7" as const },
  clockStart: "received" as const,
  atRiskShare: 0.25,
};

describe("computeClocks", () => {
  it("gives a critical incident four clocks with the contract's targets", () => {
    const clocks = computeClocks(facts(), mdr, d("2026-11-02T12:00:00Z"));
    expect(clocks.map((c) => [c.metric, c.targetMinutes, c.status.state])).toEqual([
      ["acknowledge", 15, "met"],
      ["notify", 30, "breached"],
      ["contain", 240, "running"],
      ["resolve", 1440, "running"],
    ]);
    expect(clocks[1]!.stoppedBy).toBe("customer notified");
    expect(clocks[2]!.atRiskDueAt?.toISOString()).toBe("2026-11-02T13:00:00.000Z");
  });

  it("has no clocks for informational incidents and no contain clock for low ones", () => {
    expect(computeClocks(facts({ severity: 1 }), mdr, d("2026-11-03T00:00:00Z"))).toEqual([]);
    expect(computeClocks(facts({ severity: 2 }), mdr, d("2026-11-03T00:00:00Z")).map((c) => c.metric)).toEqual([
      "acknowledge",
      "notify",
      "resolve",
    ]);
  });

  it("drops the notify clock of an incident resolved without being shared with the customer", () => {
    const clocks = computeClocks(
      facts({
        customerNotifiedAt: null,
        containedAt: d("2026-11-02T11:00:00Z"),
        resolvedAt: d("2026-11-02T11:00:00Z"),
      }),
      mdr,
      d("2026-11-03T00:00:00Z"),
    );
    expect(clocks.map((c) => c.metric)).toEqual(["acknowledge", "contain", "resolve"]);
  });

  it("starts at the vendor's creation time when the contract says so", () => {
    const [ack] = computeClocks(facts(), { ...mdr, clockStart: "vendor_created" }, d("2026-11-02T12:00:00Z"));
    expect(ack!.clock.start.toISOString()).toBe("2026-11-02T09:55:00.000Z");
    expect(ack!.status.state).toBe("met");
  });

  it("pauses while waiting on the customer only where the contract allows", () => {
    const transitions = [
      { at: d("2026-11-02T11:00:00Z"), from: "investigating", to: "waiting_on_customer" },
      { at: d("2026-11-02T13:00:00Z"), from: "waiting_on_customer", to: "investigating" },
    ];
    expect(waitingPauses(transitions)).toEqual([{ from: d("2026-11-02T11:00:00Z"), to: d("2026-11-02T13:00:00Z") }]);
    const now = d("2026-11-02T15:00:00Z");
    const paused = computeClocks(facts({ transitions }), mdr, now).find((c) => c.metric === "contain")!;
    const unpaused = computeClocks(facts({ transitions }), { ...mdr, pauseOnCustomer: false }, now).find(
      (c) => c.metric === "contain",
    )!;
    expect(paused.status.elapsedMs).toBe(3 * 3600_000);
    expect(paused.status.state).toBe("at_risk"); // 1 h of 4 left: exactly 25 %
    expect(unpaused.status.elapsedMs).toBe(5 * 3600_000);
    expect(unpaused.status.state).toBe("breached");
  });

  it("measures against the version it is given (a contract change mid-incident does not apply)", () => {
    const tighter = {
      ...mdr,
      slaTargets: { ...mdr.slaTargets, critical: { ...mdr.slaTargets.critical, acknowledge: 5 } },
    };
    expect(computeClocks(facts(), mdr, d("2026-11-02T12:00:00Z"))[0]!.status.state).toBe("met");
    expect(computeClocks(facts(), tighter, d("2026-11-02T12:00:00Z"))[0]!.status.state).toBe("breached");
  });
});
