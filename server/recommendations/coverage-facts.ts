import type { DbOrTx } from "@/db";
import type { SensorClass } from "@/db/schema/sensors";
import { deployedEndpoints, edrCoverage } from "@/server/assets/coverage";
import { coverageFacts as assetCoverageFacts } from "@/server/assets/queries";
import { sensorHealth, silentAfterMs, unsupportedSet, versionKey } from "@/server/coverage/health";
import { listUnsupportedVersions } from "@/server/coverage/queries";
import type { TenantId } from "@/server/tenancy/tenant";
import type { CellState, CoverageFacts, SensorFact, SensorState } from "./facts";
import { contractAt, heartbeatSilence, listSensorsOf } from "./queries";

/** Availability reads heartbeat gaps with the default interval's silence threshold (3 × 5 minutes). */
const DEFAULT_SILENT_AFTER_MS = silentAfterMs(300);

/**
 * A customer's coverage facts for the recommendation rules and the posture score, from the coverage domain's rules:
 * sensor states with silent-since and the provider's unsupported-version list (`server/coverage/health.ts`), the
 * contract's classes with their cell states and the coverage figure, EDR coverage and deployed endpoints from the
 * assets (`server/assets/coverage.ts`), availability per sensor from heartbeats.
 */
export async function coverageFactsOf(
  db: DbOrTx,
  tenant: TenantId,
  period: { from: Date; to: Date },
): Promise<CoverageFacts> {
  const at = period.to;
  const [sensorRows, contract, hb, assetRows, versions] = await Promise.all([
    listSensorsOf(db, tenant),
    contractAt(db, tenant, at),
    heartbeatSilence(db, tenant, period.from, period.to, DEFAULT_SILENT_AFTER_MS),
    assetCoverageFacts(db, tenant, at),
    listUnsupportedVersions(db),
  ]);
  const unsupported = unsupportedSet(versions);
  // An xdr sensor counts as each class it declares (coverage-rules.md).
  const classesOf = new Map(
    sensorRows.map((s) => [s.id, s.sensorClass === "xdr" ? s.providesClasses : [s.sensorClass]]),
  );
  const sensors: (SensorFact & { sensorClass: string })[] = sensorRows.map((s) => {
    const h = sensorHealth(s, unsupported, at);
    const state: SensorState = h.state;
    return {
      id: s.id,
      name: s.name,
      sensorClass: s.sensorClass,
      state,
      silentSince: h.silentSince,
      agentVersion: s.agentVersion,
      unsupported: Boolean(
        s.agentVersion &&
          unsupported.has(versionKey({ vendor: s.vendor, product: s.product, version: s.agentVersion })),
      ),
      retired: s.status === "retired",
    };
  });
  const edr = edrCoverage(assetRows, at);
  const uncoveredIds = new Set(edr.uncoveredIds);
  const ref = (a: (typeof assetRows)[number]) => ({ id: a.id, name: a.hostname ?? a.fqdn ?? a.agentId ?? a.id });
  const uncovered = assetRows.filter((a) => uncoveredIds.has(a.id));
  const contracted = contract ? contractedClasses(contract.tier, contract.monitoredClasses) : [];
  const contractedClassesFacts = contracted.map((c) => ({
    sensorClass: c,
    state: cellState(
      sensors.filter((s) => (classesOf.get(s.id) ?? []).includes(c as never) && !s.retired).map((s) => s.state),
    ),
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
    edr: {
      known: edr.known,
      covered: edr.covered,
      uncovered: uncovered.map(ref),
      crownJewelsUncovered: uncovered.filter((a) => a.criticality === "crown-jewel").map(ref),
    },
    endpoints: { deployed: deployedEndpoints(assetRows, at), licensed: contract?.licensedEndpoints || null },
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
