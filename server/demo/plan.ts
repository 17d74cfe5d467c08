/**
 * What the live demo sends each tick, decided in pure code: heartbeats for the sensors that were alive when the
 * server started (so a degraded one stays degraded and a deliberately silent one stays silent), and a trickle of
 * alerts — a few a minute, some about a host that already has an open incident, so they correlate into it. Pure:
 * `now` and the random source are passed in.
 */
export type LiveSensor = {
  id: string;
  customerId: string;
  sourceFormat: string;
  health: string;
  /** The latest heartbeat body, repeated with fresh times; null when the sensor never sent one. */
  lastHeartbeat: { version: string | null; eventsPerSecond: number | null; hostCount: number | null } | null;
};

export const HEARTBEAT_EVERY_MS = 60_000;
/** A simulated alert nobody escalated is closed by the demo's analyst this long after it arrived (bounded queue). */
export const TRIAGE_AFTER_MS = 15 * 60_000;
export const ALERTS_PER_MINUTE = 3;
/** Share of alerts about a host that already has an open incident (they join it through correlation). */
export const CORRELATING_SHARE = 0.3;

/**
 * The instant the sensors' health is judged at when the simulator starts: the newest heartbeat any sensor sent (the
 * seed's end, or where the last run stopped), so the minutes between the seed and the server's start (the build)
 * never make a healthy sensor look silent on purpose. Real time when nothing ever beat.
 */
export function healthInstant(lastBeats: (Date | null)[], now: number): number {
  const times = lastBeats.filter((d): d is Date => d !== null).map((d) => d.getTime());
  return times.length ? Math.min(now, Math.max(...times)) : now;
}

/** Sensors kept alive: the ones healthy or degraded at start; silent, never-seen and retired ones stay as they are. */
export function aliveSensors<T extends LiveSensor>(sensors: T[]): T[] {
  return sensors.filter((s) => s.health === "healthy" || s.health === "degraded");
}

export function heartbeatBody(s: LiveSensor) {
  const h = s.lastHeartbeat;
  return {
    ...(h?.version ? { version: h.version } : {}),
    ...(h?.eventsPerSecond != null ? { eventsPerSecond: h.eventsPerSecond } : {}),
    ...(h?.hostCount != null ? { hostCount: h.hostCount } : {}),
  };
}

/** Sensors whose heartbeat is due: never sent by us, or the last one a minute or more ago. */
export function dueHeartbeats<T extends LiveSensor>(alive: T[], sentAt: Map<string, number>, now: number): T[] {
  return alive.filter((s) => now - (sentAt.get(s.id) ?? 0) >= HEARTBEAT_EVERY_MS);
}

/** How many alerts a tick of `elapsedMs` sends: the expected count, its fraction settled by the random draw. */
export function alertCount(elapsedMs: number, r: () => number, perMinute = ALERTS_PER_MINUTE): number {
  const expected = (Math.max(0, elapsedMs) / 60_000) * perMinute;
  const whole = Math.floor(expected);
  return whole + (r() < expected - whole ? 1 : 0);
}

export type PlannedAlert = { sensorId: string; customerId: string; sourceFormat: string; host: "incident" | "any" };

/** The alerts of one tick: each from an alive sensor that sends alerts, a share aimed at open-incident hosts. */
export function planAlerts(alive: LiveSensor[], count: number, r: () => number): PlannedAlert[] {
  const senders = alive.filter((s) => s.sourceFormat !== "heartbeat");
  if (!senders.length) return [];
  return Array.from({ length: count }, () => {
    const s = senders[Math.floor(r() * senders.length)]!;
    return {
      sensorId: s.id,
      customerId: s.customerId,
      sourceFormat: s.sourceFormat,
      host: r() < CORRELATING_SHARE ? "incident" : "any",
    };
  });
}

export type SentAlert = { id: string; at: number };

/** The simulated alerts due for the analyst's verdict (older than `TRIAGE_AFTER_MS`), and those still waiting. */
export function dueForTriage(sent: SentAlert[], now: number): { due: string[]; waiting: SentAlert[] } {
  const due = sent.filter((s) => now - s.at >= TRIAGE_AFTER_MS);
  return { due: due.map((s) => s.id), waiting: sent.filter((s) => now - s.at < TRIAGE_AFTER_MS) };
}

export const LIVE_VERDICTS = [
  { verdict: "benign", reason: "Expected admin activity, confirmed with the change calendar" },
  { verdict: "false_positive", reason: "Signature matched a known-good tool" },
] as const;
