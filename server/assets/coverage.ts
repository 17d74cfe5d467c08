/**
 * EDR coverage and entitlement (coverage-rules.md, Assets). Pure: `now` is passed in. "In the last X" includes an
 * event exactly X old: the window is [now − X, now].
 */
export const DAY_MS = 86_400_000;
export const COVERED_WINDOW_MS = 7 * DAY_MS;
export const KNOWN_WINDOW_MS = 30 * DAY_MS;

/** True when `at` lies in [now − windowMs, now]. */
export function inLast(at: Date | null | undefined, windowMs: number, now: Date): boolean {
  if (!at) return false;
  const age = now.getTime() - at.getTime();
  return age >= 0 && age <= windowMs;
}

export type CoverageAsset = {
  id: string;
  /** Latest sighting by any path (an import counts as seen on import). */
  lastSeenAt: Date;
  /** Latest report by an edr sensor or an xdr sensor providing edr; null if never. */
  lastEdrAt: Date | null;
  agentId?: string | null;
};

/** Covered by EDR: an edr (or xdr providing edr) sensor reported it in the last 7 days. */
export const isCovered = (a: Pick<CoverageAsset, "lastEdrAt">, now: Date) =>
  inLast(a.lastEdrAt, COVERED_WINDOW_MS, now);

/** Known: seen in the last 30 days. */
export const isKnown = (a: Pick<CoverageAsset, "lastSeenAt">, now: Date) => inLast(a.lastSeenAt, KNOWN_WINDOW_MS, now);

export type EdrCoverage = {
  known: number;
  covered: number;
  /** covered ÷ known; null (no data) when no asset is known. */
  ratio: number | null;
  uncoveredIds: string[];
};

/** EDR coverage = covered assets ÷ known assets (seen in the last 30 days); no known assets → no data. */
export function edrCoverage(assets: readonly CoverageAsset[], now: Date): EdrCoverage {
  let known = 0;
  let covered = 0;
  const uncoveredIds: string[] = [];
  for (const a of assets) {
    if (!isKnown(a, now)) continue;
    known++;
    if (isCovered(a, now)) covered++;
    else uncoveredIds.push(a.id);
  }
  return { known, covered, ratio: known === 0 ? null : covered / known, uncoveredIds };
}

/** Deployed endpoints: distinct EDR agents (agent ids) that an EDR sensor reported in the last 30 days. */
export function deployedEndpoints(assets: readonly Pick<CoverageAsset, "agentId" | "lastEdrAt">[], now: Date): number {
  const agents = new Set<string>();
  for (const a of assets) {
    if (a.agentId && inLast(a.lastEdrAt, KNOWN_WINDOW_MS, now)) agents.add(a.agentId.toLowerCase());
  }
  return agents.size;
}

export type Allowance = { used: number; licensed: number | null; over: boolean };
export type Entitlement = { endpoints: Allowance; sensors: Allowance };

/** Deployed vs licensed endpoints and active vs licensed sensors; "over" is strictly more than licensed. */
export function entitlement(input: {
  deployedEndpoints: number;
  activeSensors: number;
  licensedEndpoints: number | null;
  licensedSensors: number | null;
}): Entitlement {
  const allowance = (used: number, licensed: number | null): Allowance => ({
    used,
    licensed,
    over: licensed !== null && used > licensed,
  });
  return {
    endpoints: allowance(input.deployedEndpoints, input.licensedEndpoints),
    sensors: allowance(input.activeSensors, input.licensedSensors),
  };
}
