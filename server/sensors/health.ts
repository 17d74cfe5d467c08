/** Sensor health from its facts. Pure: takes `now`. */
export type SensorHealth = "healthy" | "degraded" | "silent" | "never_seen" | "retired";

/** A sensor that has said nothing (heartbeat or event) for this long is silent. */
export const SILENT_AFTER_MS = 15 * 60_000;
/** A health event (capture loss…) makes a sensor degraded for this long. */
export const DEGRADED_FOR_MS = 60 * 60_000;

export function sensorHealth(
  s: { status: string; lastHeartbeatAt: Date | null; lastEventAt: Date | null; healthNoteAt: Date | null },
  now: Date,
): SensorHealth {
  if (s.status === "retired") return "retired";
  const last = Math.max(s.lastHeartbeatAt?.getTime() ?? 0, s.lastEventAt?.getTime() ?? 0);
  if (last === 0) return "never_seen";
  if (now.getTime() - last > SILENT_AFTER_MS) return "silent";
  if (s.healthNoteAt && now.getTime() - s.healthNoteAt.getTime() <= DEGRADED_FOR_MS) return "degraded";
  return "healthy";
}

export function silentSince(s: { lastHeartbeatAt: Date | null; lastEventAt: Date | null }): Date | null {
  const last = Math.max(s.lastHeartbeatAt?.getTime() ?? 0, s.lastEventAt?.getTime() ?? 0);
  return last === 0 ? null : new Date(last);
}
