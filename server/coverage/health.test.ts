import { describe, expect, it } from "vitest";
import { type HealthFacts, sensorHealth, unsupportedSet } from "./health";

// Across the European DST change (2026-10-25 01:00 UTC): the rules are in elapsed time, not wall time.
const now = new Date("2026-10-25T01:10:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms);
const MIN = 60_000;
const base: HealthFacts = {
  status: "active",
  lastHeartbeatAt: ago(MIN),
  lastEventAt: null,
  healthNoteAt: null,
  heartbeatIntervalSeconds: 300,
  vendor: "Zeek",
  product: "Zeek",
  agentVersion: "6.0.3",
};
const none = unsupportedSet([]);
const old = unsupportedSet([{ vendor: " zeek", product: "ZEEK", version: "6.0.3 " }]);
const state = (p: Partial<HealthFacts>, list = none) => sensorHealth({ ...base, ...p }, list, now);

describe("sensor health (coverage-rules.md)", () => {
  it("is healthy when seen recently with nothing wrong", () => {
    expect(state({})).toMatchObject({ state: "healthy", silentSince: null, reasons: [] });
  });

  it("is not yet silent at exactly 3 × interval, silent 1 ms later, since last seen + 3 × interval", () => {
    expect(state({ lastHeartbeatAt: ago(15 * MIN) }).state).toBe("healthy");
    const s = state({ lastHeartbeatAt: ago(15 * MIN + 1) });
    expect(s.state).toBe("silent");
    expect(s.silentSince).toEqual(new Date(now.getTime() - 1));
  });

  it("uses the sensor's own interval", () => {
    expect(state({ heartbeatIntervalSeconds: 60, lastHeartbeatAt: ago(3 * MIN) }).state).toBe("healthy");
    expect(state({ heartbeatIntervalSeconds: 60, lastHeartbeatAt: ago(3 * MIN + 1) }).state).toBe("silent");
    expect(state({ heartbeatIntervalSeconds: 3600, lastHeartbeatAt: ago(170 * MIN) }).state).toBe("healthy");
  });

  it("takes last seen from the latest heartbeat or event", () => {
    expect(state({ lastHeartbeatAt: ago(60 * MIN), lastEventAt: ago(2 * MIN) }).state).toBe("healthy");
    expect(state({ lastHeartbeatAt: null, lastEventAt: ago(2 * MIN) }).lastSeen).toEqual(ago(2 * MIN));
    expect(state({ lastHeartbeatAt: ago(20 * MIN), lastEventAt: ago(16 * MIN) }).silentSince).toEqual(ago(MIN));
  });

  it("is degraded by a health event in the last hour, an event exactly 1 h old included", () => {
    expect(state({ healthNoteAt: ago(60 * MIN) })).toMatchObject({ state: "degraded", reasons: ["health_event"] });
    expect(state({ healthNoteAt: ago(60 * MIN + 1) }).state).toBe("healthy");
  });

  it("is degraded on an unsupported agent version, matched trimmed and case-insensitively", () => {
    expect(state({}, old)).toMatchObject({ state: "degraded", reasons: ["unsupported_version"] });
    expect(state({ agentVersion: "6.0.4" }, old).state).toBe("healthy");
    expect(state({ product: "Zeek IDS" }, old).state).toBe("healthy");
    expect(state({ agentVersion: null }, old).state).toBe("healthy");
    expect(state({ healthNoteAt: ago(MIN) }, old).reasons).toEqual(["health_event", "unsupported_version"]);
  });

  it("decides in order: retired, pending, silent, degraded, healthy", () => {
    expect(state({ status: "retired", lastHeartbeatAt: null }).state).toBe("retired");
    expect(state({ status: "retired", lastHeartbeatAt: ago(99 * MIN) }).state).toBe("retired");
    expect(state({ lastHeartbeatAt: null }, old).state).toBe("pending");
    expect(state({ lastHeartbeatAt: ago(16 * MIN), healthNoteAt: ago(MIN) }, old).state).toBe("silent");
  });
});
