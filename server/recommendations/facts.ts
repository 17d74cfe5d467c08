/**
 * The facts the recommendation rules and the posture score read, for one customer. Pure types: the gatherer
 * (`gather.ts`) fills them from the database; tests build them by hand.
 */
export const REC_SEVERITIES = ["critical", "high", "medium", "low"] as const;
export type RecSeverity = (typeof REC_SEVERITIES)[number];
export const REC_CATEGORIES = [
  "visibility",
  "sensor-health",
  "hardening",
  "identity",
  "response",
  "licensing",
] as const;
export type RecCategory = (typeof REC_CATEGORIES)[number];

/** Coverage-matrix cell of one class (coverage-rules.md). */
export type CellState = "ok" | "degraded" | "silent" | "missing" | "extra" | "none";
export type SensorState = "healthy" | "degraded" | "silent" | "pending" | "retired";

export type SensorFact = {
  id: string;
  name: string;
  state: SensorState;
  /** When the sensor became silent (last seen + 3 × interval); null unless silent. */
  silentSince: Date | null;
  agentVersion: string | null;
  /** The agent version is on the provider's unsupported list. */
  unsupported: boolean;
  retired: boolean;
};

export type AssetRef = { id: string; name: string };

export type CoverageFacts = {
  /** Contracted classes only, with their matrix cell state. */
  contractedClasses: { sensorClass: string; state: CellState }[];
  sensors: SensorFact[];
  /** ok ÷ contracted; null when nothing is contracted (no data). */
  coverageFigure: number | null;
  edr: {
    /** Known assets seen in the last 30 days; 0 = no data. */
    known: number;
    covered: number;
    uncovered: AssetRef[];
    crownJewelsUncovered: AssetRef[];
  };
  endpoints: { deployed: number; licensed: number | null };
  /**
   * Availability per non-retired sensor over the period; null = no counted time (among others, a sensor never seen
   * before the period's end).
   */
  availability: { sensorId: string; value: number | null }[];
};

export type WaitingAction = { id: string; incidentId: string; reference: string; label: string; since: Date };
export type IncidentFact = {
  id: string;
  reference: string;
  severity: RecSeverity | "informational";
  truePositive: boolean;
  openedAt: Date;
  techniques: string[];
  /** Opened to the customer: only such an incident may be named in text the customer reads. */
  visibleToCustomer: boolean;
};
export type AskFact = { id: string; kind: "question" | "approval"; askedAt: Date; answeredAt: Date | null };

export type CustomerFacts = CoverageFacts & {
  customerId: string;
  /** The customer's IANA time zone: instants in the text the customer reads are written in it. */
  timeZone: string;
  waitingActions: WaitingAction[];
  incidents: IncidentFact[];
  asks: AskFact[];
};

export function emptyCoverageFacts(): CoverageFacts {
  return {
    contractedClasses: [],
    sensors: [],
    coverageFigure: null,
    edr: { known: 0, covered: 0, uncovered: [], crownJewelsUncovered: [] },
    endpoints: { deployed: 0, licensed: null },
    availability: [],
  };
}

export function emptyFacts(customerId: string): CustomerFacts {
  return { customerId, timeZone: "UTC", ...emptyCoverageFacts(), waitingActions: [], incidents: [], asks: [] };
}

/** EDR coverage ratio; null (no data) when the customer has no known asset. */
export const edrCoverage = (f: CoverageFacts) => (f.edr.known === 0 ? null : f.edr.covered / f.edr.known);
