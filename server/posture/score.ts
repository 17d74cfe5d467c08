import type { AskFact, CoverageFacts, IncidentFact, RecSeverity } from "@/server/recommendations/facts";
import { edrCoverage } from "@/server/recommendations/facts";

/** The posture score of posture-rules.md. Pure: every input is passed in. */
export const DRIVERS = ["visibility", "sensorHealth", "exposure", "threats", "responsiveness"] as const;
export type Driver = (typeof DRIVERS)[number];
export const WEIGHTS: Record<Driver, number> = {
  visibility: 30,
  sensorHealth: 15,
  exposure: 25,
  threats: 15,
  responsiveness: 15,
};
export const DRIVER_LABELS: Record<Driver, string> = {
  visibility: "Visibility",
  sensorHealth: "Sensor health",
  exposure: "Exposure",
  threats: "Threats",
  responsiveness: "Responsiveness",
};
export const EXPOSURE_POINTS: Record<RecSeverity, number> = { critical: 25, high: 10, medium: 4, low: 1 };
export const THREAT_POINTS: Record<string, number> = { critical: 30, high: 12, medium: 4, low: 1, informational: 0 };

export type Band = "good" | "fair" | "poor";
export type NoData = "coverage" | "edr" | "sensorHealth";

export type ScoreInput = {
  from: Date;
  to: Date;
  coverage: Pick<CoverageFacts, "coverageFigure" | "edr" | "availability">;
  /** Severities of the open and accepted recommendations at period end. */
  outstanding: RecSeverity[];
  incidents: Pick<IncidentFact, "severity" | "truePositive" | "openedAt">[];
  asks: Pick<AskFact, "askedAt" | "answeredAt">[];
};

export type PostureScore = {
  score: number;
  band: Band;
  /** Each driver 0–100, unrounded. */
  drivers: Record<Driver, number>;
  /** Ratios that had nothing to divide and counted as 0 (with no known assets visibility is 50 × coverage). */
  noData: NoData[];
};

const inPeriod = (t: Date, from: Date, to: Date) => t.getTime() >= from.getTime() && t.getTime() < to.getTime();
const ANSWER_WITHIN = 24 * 3_600_000;

export const bandOf = (score: number): Band => (score >= 80 ? "good" : score >= 60 ? "fair" : "poor");

/** Half up, once, at the end; the tiny epsilon undoes binary noise such as 79.49999999 for 79.5. */
export const roundHalfUp = (x: number) => Math.floor(Math.round(x * 1e9) / 1e9 + 0.5);

export const exposureOf = (outstanding: RecSeverity[]) =>
  100 -
  Math.min(
    100,
    outstanding.reduce((s, v) => s + EXPOSURE_POINTS[v], 0),
  );

export function drivers(i: ScoreInput): { drivers: Record<Driver, number>; noData: NoData[] } {
  const noData: NoData[] = [];
  const cov = i.coverage.coverageFigure;
  if (cov === null) noData.push("coverage");
  const edr = edrCoverage({ edr: i.coverage.edr } as CoverageFacts);
  if (edr === null) noData.push("edr");
  const visibility = edr === null ? 50 * (cov ?? 0) : 100 * (0.5 * (cov ?? 0) + 0.5 * edr);

  // Counted time starts at the first heartbeat, so a sensor never seen before the period's end has no availability.
  const seen = i.coverage.availability.filter((a) => a.value !== null);
  if (seen.length === 0) noData.push("sensorHealth");
  const sensorHealth = seen.length ? (100 * seen.reduce((s, a) => s + a.value!, 0)) / seen.length : 0;

  const threatPoints = i.incidents
    .filter((x) => x.truePositive && inPeriod(x.openedAt, i.from, i.to))
    .reduce((s, x) => s + (THREAT_POINTS[x.severity] ?? 0), 0);
  const asked = i.asks.filter((a) => inPeriod(a.askedAt, i.from, i.to));
  const inTime = asked.filter((a) => a.answeredAt && a.answeredAt.getTime() - a.askedAt.getTime() <= ANSWER_WITHIN);
  return {
    drivers: {
      visibility,
      sensorHealth,
      exposure: exposureOf(i.outstanding),
      threats: 100 - Math.min(100, threatPoints),
      responsiveness: asked.length === 0 ? 100 : (100 * inTime.length) / asked.length,
    },
    noData,
  };
}

export const weighted = (d: Record<Driver, number>) => DRIVERS.reduce((s, k) => s + WEIGHTS[k] * d[k], 0) / 100;

export function postureScore(i: ScoreInput): PostureScore {
  const d = drivers(i);
  const score = roundHalfUp(weighted(d.drivers));
  return { score, band: bandOf(score), ...d };
}

/** Score points a recommendation would add if it were done now: its share of the exposure driver. */
export function pointsIfDone(outstanding: RecSeverity[], one: RecSeverity): number {
  const rest = [...outstanding];
  const at = rest.indexOf(one);
  if (at >= 0) rest.splice(at, 1);
  return ((exposureOf(rest) - exposureOf(outstanding)) * WEIGHTS.exposure) / 100;
}

/** The last `days` days ending at `now` (the live score's period). */
export const livePeriod = (now: Date, days = 30) => ({
  from: new Date(now.getTime() - days * 86_400_000),
  // "In the last X" includes both ends: an event at `now` counts, so the half-open period ends just after it.
  to: new Date(now.getTime() + 1),
});
