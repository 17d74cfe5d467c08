/**
 * Sensor health at `now`, exactly as coverage-rules.md says: first match of retired, pending, silent, degraded,
 * healthy. Pure: takes `now` and the provider's list of unsupported agent versions.
 */
export const SENSOR_STATES = ["pending", "healthy", "degraded", "silent", "retired"] as const;
export type SensorState = (typeof SENSOR_STATES)[number];

export const DEFAULT_INTERVAL_SECONDS = 300;
/** A sensor is silent when now − last seen is more than this many intervals. */
export const SILENT_INTERVALS = 3;
/** A health event makes a sensor degraded for this long ("in the last hour": an event exactly 1 h old counts). */
export const DEGRADED_WINDOW_MS = 60 * 60_000;

export type HealthFacts = {
  status: "active" | "retired";
  lastHeartbeatAt: Date | null;
  lastEventAt: Date | null;
  /** When the latest degrading health event (Zeek capture loss, a vendor's health flag) was received. */
  healthNoteAt: Date | null;
  heartbeatIntervalSeconds: number;
  vendor: string;
  product: string;
  agentVersion: string | null;
};

export type VersionKey = { vendor: string; product: string; version: string };
const norm = (s: string) => s.trim().toLowerCase();
export const versionKey = (v: VersionKey) => `${norm(v.vendor)}\u0000${norm(v.product)}\u0000${norm(v.version)}`;
/** The provider's list as a lookup set (vendor, product and version compared trimmed and case-insensitively). */
export const unsupportedSet = (list: readonly VersionKey[]): ReadonlySet<string> => new Set(list.map(versionKey));

export type Health = {
  state: SensorState;
  lastSeen: Date | null;
  /** Only for a silent sensor: last seen + 3 × interval. */
  silentSince: Date | null;
  /** Why a sensor is degraded (both may hold). */
  reasons: ("health_event" | "unsupported_version")[];
};

/** Latest heartbeat or event received from the sensor. */
export function lastSeenOf(s: Pick<HealthFacts, "lastHeartbeatAt" | "lastEventAt">): Date | null {
  const t = Math.max(s.lastHeartbeatAt?.getTime() ?? -Infinity, s.lastEventAt?.getTime() ?? -Infinity);
  return Number.isFinite(t) ? new Date(t) : null;
}

export const silentAfterMs = (intervalSeconds: number) => SILENT_INTERVALS * intervalSeconds * 1000;

export function sensorHealth(s: HealthFacts, unsupported: ReadonlySet<string>, now: Date): Health {
  const lastSeen = lastSeenOf(s);
  if (s.status === "retired") return { state: "retired", lastSeen, silentSince: null, reasons: [] };
  if (!lastSeen) return { state: "pending", lastSeen, silentSince: null, reasons: [] };
  const after = silentAfterMs(s.heartbeatIntervalSeconds);
  if (now.getTime() - lastSeen.getTime() > after) {
    return { state: "silent", lastSeen, silentSince: new Date(lastSeen.getTime() + after), reasons: [] };
  }
  const reasons: Health["reasons"] = [];
  const age = s.healthNoteAt ? now.getTime() - s.healthNoteAt.getTime() : null;
  if (age !== null && age >= 0 && age <= DEGRADED_WINDOW_MS) reasons.push("health_event");
  if (
    s.agentVersion &&
    unsupported.has(versionKey({ vendor: s.vendor, product: s.product, version: s.agentVersion }))
  ) {
    reasons.push("unsupported_version");
  }
  return { state: reasons.length ? "degraded" : "healthy", lastSeen, silentSince: null, reasons };
}
