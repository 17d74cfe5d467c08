import type { DbOrTx } from "@/db";
import type { SensorClass } from "@/db/schema/sensors";
import { SILENT_AFTER_MS, sensorHealth } from "@/server/sensors/health";
import type { TenantId } from "@/server/tenancy/tenant";
import type { CellState, CoverageFacts, SensorFact, SensorState } from "./facts";
import { contractAt, heartbeatSilence, listSensorsOf } from "./queries";

/**
 * MERGE NOTE — the lead replaces this function's BODY with the coverage domain's functions (health states with
 * silent-since and the unsupported-version list, the matrix cells and coverage figure, EDR coverage, entitlement,
 * availability per sensor). Until then it is built from today's tables: sensors with `server/sensors/health.ts`
 * states, the contract's monitored classes (tier defaults otherwise), availability from heartbeats. Assets do not
 * exist yet, so EDR comes back as "no known assets" and no version is on an unsupported list.
 */
export async function coverageFactsOf(
  db: DbOrTx,
  tenant: TenantId,
  period: { from: Date; to: Date },
): Promise<CoverageFacts> {
  const at = period.to;
  const [sensorRows, contract, hb] = await Promise.all([
    listSensorsOf(db, tenant),
    contractAt(db, tenant, at),
    heartbeatSilence(db, tenant, period.from, period.to, SILENT_AFTER_MS),
  ]);
  const sensors: (SensorFact & { sensorClass: string })[] = sensorRows.map((s) => {
    const h = sensorHealth(s, at);
    const state: SensorState = h === "never_seen" ? "pending" : h;
    const last = Math.max(s.lastHeartbeatAt?.getTime() ?? 0, s.lastEventAt?.getTime() ?? 0);
    return {
      id: s.id,
      name: s.name,
      sensorClass: s.sensorClass,
      state,
      silentSince: state === "silent" ? new Date(last + SILENT_AFTER_MS) : null,
      agentVersion: s.agentVersion,
      unsupported: false,
      retired: s.status === "retired",
    };
  });
  const contracted = contract ? contractedClasses(contract.tier, contract.monitoredClasses) : [];
  const contractedClassesFacts = contracted.map((c) => ({
    sensorClass: c,
    state: cellState(sensors.filter((s) => s.sensorClass === c && !s.retired).map((s) => s.state)),
  }));
  const ok = contractedClassesFacts.filter((c) => c.state === "ok").length;
  const firstAt = new Map(hb.first.map((f) => [f.sensorId, f.firstAt]));
  const silence = new Map(hb.silent.map((x) => [x.sensorId, x]));
  const availability = sensors
    .filter((s) => !s.retired)
    .map((s) => {
      const first = firstAt.get(s.id) ?? null;
      const start = first ? Math.max(period.from.getTime(), first.getTime()) : period.to.getTime();
      const counted = period.to.getTime() - start;
      if (!first || counted <= 0) return { sensorId: s.id, firstSeenAt: first, value: null };
      const w = silence.get(s.id);
      // Before the first heartbeat read, a sensor seen earlier is silent (its last heartbeat is older than the gap).
      const lead =
        first.getTime() < period.from.getTime() ? (w?.windowFirstAt.getTime() ?? period.to.getTime()) - start : 0;
      const silentMs = Math.max(0, lead) + (w?.silentMs ?? 0);
      return { sensorId: s.id, firstSeenAt: first, value: Math.max(0, 1 - silentMs / counted) };
    });
  return {
    contractedClasses: contractedClassesFacts,
    sensors: sensors.map(({ sensorClass: _, ...s }) => s),
    coverageFigure: contracted.length ? ok / contracted.length : null,
    edr: { known: 0, covered: 0, uncovered: [], crownJewelsUncovered: [] },
    endpoints: { deployed: 0, licensed: contract?.licensedEndpoints || null },
    availability,
  };
}

const TIER_CLASSES: Record<string, SensorClass[]> = {
  mdr: ["edr"],
  mndr: ["ndr"],
  mxdr: ["edr", "ndr", "identity", "cloud"],
  mss: ["siem"],
};

/** The contract's monitored classes replace the tier default (coverage-rules.md). */
export const contractedClasses = (tier: string, monitored: readonly string[]) =>
  monitored.length ? [...monitored].filter((c) => c !== "xdr") : (TIER_CLASSES[tier] ?? []);

/** The matrix cell of a contracted class from its non-retired sensors' states. */
export function cellState(states: SensorState[]): CellState {
  if (states.length === 0) return "missing";
  if (states.includes("healthy")) return "ok";
  if (states.includes("degraded")) return "degraded";
  return "silent";
}
