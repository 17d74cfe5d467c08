import type { DbOrTx } from "@/db";
import { deployedEndpoints, edrCoverage } from "@/server/assets/coverage";
import { coverageFacts as assetCoverageFacts } from "@/server/assets/queries";
import { availability, noHistory } from "@/server/coverage/availability";
import { unsupportedSet, versionKey } from "@/server/coverage/health";
import { contractedClasses, matrixRow } from "@/server/coverage/matrix";
import { listHealthFacts, listUnsupportedVersions, sensorHistories } from "@/server/coverage/queries";
import { coverageHealthForMonth, withHealth } from "@/server/coverage/views";
import type { TenantId } from "@/server/tenancy/tenant";
import type { CoverageFacts, SensorState } from "./facts";
import { contractAt } from "./queries";

type SensorRow = Awaited<ReturnType<typeof listHealthFacts>>[number];
type Contract = Awaited<ReturnType<typeof contractAt>>;
type Coverage = {
  sensors: { id: string; name: string; state: SensorState; silentSince: Date | null; availability: number | null }[];
  cells: { sensorClass: string; state: CoverageFacts["contractedClasses"][number]["state"] }[];
  figure: number | null;
};

/**
 * A customer's coverage facts for the recommendation rules and the posture score, all from the coverage and assets
 * domains so the score, the coverage pages and the monthly report tell one story:
 * - a calendar month (`month` given): the coverage domain's month function, `coverageHealthForMonth` (states at the
 *   month's end and each sensor's availability over the month, from the hourly heartbeat rows), the report's own source;
 * - otherwise (the live score and the rules, period ending just after `now`): sensor states now (`withHealth`), the
 *   matrix of the contract in force, availability over the period from the hourly rows.
 * EDR coverage, crown jewels and deployed endpoints are the assets domain's, at the period's last instant (the
 * report's coverage section reads them at the same instant). The contract in force is read once (licence and matrix).
 * `availability: false` skips the heartbeat histories (the rules do not read availability: every sensor's is null).
 * `unsupported` is the provider's list of unsupported agent versions when the caller has it already (the hourly job
 * reads it once per run).
 */
export async function coverageFactsOf(
  db: DbOrTx,
  tenant: TenantId,
  period: { from: Date; to: Date },
  month?: string,
  known: { unsupported?: ReadonlySet<string>; availability?: boolean } = {},
): Promise<CoverageFacts> {
  const at = new Date(period.to.getTime() - 1);
  const [rows, unsupported, contract, assetRows] = await Promise.all([
    listHealthFacts(db, tenant),
    known.unsupported ?? readUnsupported(db),
    contractAt(db, tenant, at),
    assetCoverageFacts(db, tenant, at),
  ]);
  const cov = month
    ? await monthCoverage(db, tenant, month)
    : await liveCoverage(db, tenant, rows, unsupported, contract, period, known.availability ?? true);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const edr = edrCoverage(assetRows, at);
  const uncoveredIds = new Set(edr.uncoveredIds);
  const ref = (a: (typeof assetRows)[number]) => ({ id: a.id, name: a.hostname ?? a.fqdn ?? a.agentId ?? a.id });
  const uncovered = assetRows.filter((a) => uncoveredIds.has(a.id));
  return {
    contractedClasses: cov.cells,
    sensors: cov.sensors.map((s) => {
      const r = byId.get(s.id);
      const version = r?.agentVersion ?? null;
      return {
        id: s.id,
        name: s.name,
        state: s.state,
        silentSince: s.silentSince,
        agentVersion: version,
        unsupported: Boolean(
          r && version && unsupported.has(versionKey({ vendor: r.vendor, product: r.product, version })),
        ),
        retired: s.state === "retired",
      };
    }),
    coverageFigure: cov.figure,
    edr: {
      known: edr.known,
      covered: edr.covered,
      uncovered: uncovered.map(ref),
      crownJewelsUncovered: uncovered.filter((a) => a.criticality === "crown-jewel").map(ref),
    },
    endpoints: { deployed: deployedEndpoints(assetRows, at), licensed: contract?.licensedEndpoints || null },
    // A sensor with no counted time in the period (never seen before its end) has no availability and is left out.
    availability: cov.sensors
      .filter((s) => s.state !== "retired")
      .map((s) => ({ sensorId: s.id, value: s.availability })),
  };
}

/** The provider's unsupported agent versions as a lookup set (read once by a caller over many customers). */
export const readUnsupported = async (db: DbOrTx) => unsupportedSet(await listUnsupportedVersions(db));

async function monthCoverage(db: DbOrTx, tenant: TenantId, month: string): Promise<Coverage> {
  const m = await coverageHealthForMonth(db, tenant, month);
  return {
    sensors: m.sensors.map((s) => ({
      id: s.id,
      name: s.name,
      state: s.stateAtMonthEnd,
      silentSince: s.silentSinceAtMonthEnd,
      availability: s.availability,
    })),
    cells: m.classes.filter((c) => c.contracted).map((c) => ({ sensorClass: c.cls, state: c.state })),
    figure: m.coverage,
  };
}

async function liveCoverage(
  db: DbOrTx,
  tenant: TenantId,
  rows: SensorRow[],
  unsupported: ReadonlySet<string>,
  contract: Contract,
  period: { from: Date; to: Date },
  withAvailability: boolean,
): Promise<Coverage> {
  const at = new Date(period.to.getTime() - 1);
  const live = rows.filter((r) => r.status !== "retired");
  const histories = withAvailability ? await sensorHistories(db, tenant, live, period.from, period.to) : null;
  const sensors = withHealth(rows, unsupported, at);
  const row = matrixRow(contractedClasses(contract), sensors);
  return {
    sensors: sensors.map((s) => ({
      id: s.id,
      name: s.name,
      state: s.state,
      silentSince: s.silentSince,
      availability:
        s.state === "retired" || !histories
          ? null
          : availability(histories.get(s.id) ?? noHistory(s.heartbeatIntervalSeconds), period.from, period.to).ratio,
    })),
    cells: row.contracted.map((c) => ({ sensorClass: c, state: row.cells[c].state })),
    figure: row.coverage,
  };
}
