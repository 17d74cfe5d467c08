import { describe, expect, it } from "vitest";
import { alertCount, aliveSensors, dueHeartbeats, heartbeatBody, type LiveSensor, planAlerts } from "./plan";

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
});
