import { describe, expect, it } from "vitest";
import { providedClasses } from "./sensor-classes";
import { classesVisible } from "./service";

const now = new Date("2026-03-29T01:30:00Z"); // the night the EU clocks change
const sensor = (sensorClass: string, lastHeartbeatAt: Date | null, over: Record<string, unknown> = {}) =>
  ({
    id: "s",
    customerId: "c",
    sensorClass,
    status: "active",
    lastHeartbeatAt,
    lastEventAt: null,
    healthNoteAt: null,
    heartbeatIntervalSeconds: 300,
    vendor: "Vendor",
    product: "Product",
    agentVersion: null,
    provides: [],
    ...over,
  }) as Parameters<typeof classesVisible>[0][number];

describe("classes a customer sees with", () => {
  it("an xdr sensor counts as each class it provides (edr and ndr when it declares nothing)", () => {
    expect(providedClasses("xdr", ["edr", "identity", "cloud"])).toEqual(["edr", "identity", "cloud"]);
    expect(providedClasses("xdr", null)).toEqual(["edr", "ndr"]);
    expect(providedClasses("siem")).toEqual(["siem"]);
  });

  it("only healthy or degraded sensors make a class visible", () => {
    const rows = [
      sensor("edr", now),
      sensor("ndr", new Date(now.getTime() - 86_400_000)), // silent
      sensor("siem", null), // never seen
      sensor("cloud", now, { status: "retired" }),
      sensor("identity", now, { healthNoteAt: now }), // degraded
      sensor("xdr", now, { provides: ["email", "cloud"] }),
    ];
    expect(classesVisible(rows, now)).toEqual(["cloud", "edr", "email", "identity"]);
  });
});
