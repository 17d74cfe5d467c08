import { describe, expect, it } from "vitest";
import {
  alertCount,
  aliveSensors,
  dueForTriage,
  dueHeartbeats,
  healthInstant,
  heartbeatBody,
  type LiveSensor,
  planAlerts,
  TRIAGE_AFTER_MS,
} from "./plan";

const sensor = (id: string, health: string, format = "crowdstrike"): LiveSensor => ({
  id,
  customerId: `c-${id}`,
  sourceFormat: format,
  health,
  lastHeartbeat: { version: "7.1", eventsPerSecond: 12.5, hostCount: 40 },
});
const seq = (...xs: number[]) => {
  let i = 0;
  return () => xs[i++ % xs.length]!;
};

describe("live demo plan", () => {
  it("keeps healthy and degraded sensors alive; silent, never-seen and retired ones stay so", () => {
    const list = ["healthy", "degraded", "silent", "never_seen", "retired"].map((h, i) => sensor(String(i), h));
    expect(aliveSensors(list).map((s) => s.health)).toEqual(["healthy", "degraded"]);
  });

  it("repeats the latest heartbeat body, leaving out what the sensor never said", () => {
    expect(heartbeatBody(sensor("a", "healthy"))).toEqual({ version: "7.1", eventsPerSecond: 12.5, hostCount: 40 });
    expect(heartbeatBody({ ...sensor("b", "healthy"), lastHeartbeat: null })).toEqual({});
  });

  it("sends a heartbeat once a minute per sensor", () => {
    const now = Date.parse("2026-03-29T01:59:30Z"); // across Europe's spring-forward: instants only
    const alive = [sensor("a", "healthy"), sensor("b", "healthy")];
    const sent = new Map([["a", now - 30_000]]);
    expect(dueHeartbeats(alive, sent, now).map((s) => s.id)).toEqual(["b"]);
    expect(dueHeartbeats(alive, new Map([["a", now - 60_000]]), now).map((s) => s.id)).toEqual(["a", "b"]);
  });

  it("sends a few alerts a minute, whatever the tick length", () => {
    expect(alertCount(60_000, () => 0.99)).toBe(3);
    expect(alertCount(20_000, () => 0.5)).toBe(1);
    expect(alertCount(20_000, () => 0.999)).toBe(1);
    expect(alertCount(10_000, () => 0.6)).toBe(0);
    expect(alertCount(-5, () => 0)).toBe(0);
  });

  it("spreads alerts over alive sensors, some aimed at open incidents' hosts", () => {
    const alive = [sensor("a", "healthy"), sensor("b", "degraded", "zeek")];
    const plan = planAlerts(alive, 2, seq(0.1, 0.1, 0.9, 0.9));
    expect(plan).toEqual([
      { sensorId: "a", customerId: "c-a", sourceFormat: "crowdstrike", host: "incident" },
      { sensorId: "b", customerId: "c-b", sourceFormat: "zeek", host: "any" },
    ]);
    expect(planAlerts([], 5, Math.random)).toEqual([]);
  });

  it("judges health at the newest heartbeat, so the build's minutes never silence a seeded sensor", () => {
    const now = Date.parse("2026-12-06T10:00:00Z");
    const seedEnd = new Date(now - 25 * 60_000);
    expect(healthInstant([new Date(now - 50 * 3600_000), seedEnd, null], now)).toBe(seedEnd.getTime());
    expect(healthInstant([null], now)).toBe(now);
    expect(healthInstant([new Date(now + 60_000)], now)).toBe(now); // a clock ahead of ours never moves us forward
  });

  it("closes the simulated alerts nobody escalated after a quarter hour, keeping the younger ones waiting", () => {
    const now = Date.parse("2026-12-06T10:00:00Z");
    const sent = [
      { id: "old", at: now - TRIAGE_AFTER_MS },
      { id: "young", at: now - TRIAGE_AFTER_MS + 1 },
    ];
    expect(dueForTriage(sent, now)).toEqual({ due: ["old"], waiting: [sent[1]] });
    expect(dueForTriage([], now)).toEqual({ due: [], waiting: [] });
  });
});
