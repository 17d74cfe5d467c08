import type { CoverageJson, Metric, SlaSeverity, SlaTargets } from "@/db/schema/contracts";
import type { Calendar } from "./calendar";
import { type Clock, type ClockStatus, clockStatus, dueAt, type Pause } from "./clock";

/**
 * Which clocks an incident has and how each stands (sla-rules.md, "Which clocks"): one per metric the contract
 * version sets for the incident's severity; start at the first alert's receipt (or the vendor's creation time);
 * stops at the first acknowledgement, customer notification, containment, resolution; pauses while waiting on the
 * customer when the contract allows. Pure.
 */
export type IncidentFacts = {
  severity: number;
  firstAlertReceivedAt: Date;
  firstVendorCreatedAt: Date | null;
  acknowledgedAt: Date | null;
  customerNotifiedAt: Date | null;
  containedAt: Date | null;
  resolvedAt: Date | null;
  /** Status changes in order, as recorded on the timeline (`from` → `to`). */
  transitions: { at: Date; from: string | null; to: string | null }[];
};
export type Terms = {
  slaTargets: SlaTargets;
  coverage: CoverageJson;
  pauseOnCustomer: boolean;
  clockStart: "received" | "vendor_created";
  atRiskShare: number;
};
export type ComputedClock = {
  metric: Metric;
  severity: SlaSeverity;
  targetMinutes: number;
  clock: Clock;
  stoppedBy: string | null;
  status: ClockStatus;
  atRiskDueAt: Date | null;
};

export const METRIC_ORDER: Metric[] = ["acknowledge", "notify", "contain", "resolve"];
export const METRIC_LABELS: Record<Metric, string> = {
  acknowledge: "Acknowledge",
  notify: "Notify customer",
  contain: "Contain",
  resolve: "Resolve",
};

export function slaSeverity(severity: number): SlaSeverity | null {
  return severity >= 5
    ? "critical"
    : severity === 4
      ? "high"
      : severity === 3
        ? "medium"
        : severity === 2
          ? "low"
          : null;
}

export function toCalendar(c: CoverageJson): Calendar {
  if (c.kind === "24x7") return c;
  return {
    kind: "business",
    timeZone: c.timeZone,
    weekdays: Object.fromEntries(Object.entries(c.weekdays).map(([k, v]) => [Number(k), v])),
    holidays: c.holidays,
  };
}

/** Waiting-on-customer periods from the recorded transitions. */
export function waitingPauses(transitions: IncidentFacts["transitions"]): Pause[] {
  const pauses: Pause[] = [];
  let open: Date | null = null;
  for (const t of [...transitions].sort((a, b) => a.at.getTime() - b.at.getTime())) {
    if (t.to === "waiting_on_customer" && !open) open = t.at;
    else if (t.from === "waiting_on_customer" && open && t.to !== "waiting_on_customer") {
      pauses.push({ from: open, to: t.at });
      open = null;
    }
  }
  if (open) pauses.push({ from: open, to: null });
  return pauses;
}

const STOPS: Record<Metric, (f: IncidentFacts) => [Date | null, string]> = {
  acknowledge: (f) => [f.acknowledgedAt, "acknowledged"],
  notify: (f) => [f.customerNotifiedAt, "customer notified"],
  contain: (f) => [f.containedAt, "contained"],
  resolve: (f) => [f.resolvedAt, "resolved"],
};

export function computeClocks(f: IncidentFacts, terms: Terms, now: Date): ComputedClock[] {
  const severity = slaSeverity(f.severity);
  if (!severity) return [];
  const cal = toCalendar(terms.coverage);
  const start =
    terms.clockStart === "vendor_created" && f.firstVendorCreatedAt ? f.firstVendorCreatedAt : f.firstAlertReceivedAt;
  const pauses = terms.pauseOnCustomer ? waitingPauses(f.transitions) : [];
  const out: ComputedClock[] = [];
  for (const metric of METRIC_ORDER) {
    const target = terms.slaTargets[severity]?.[metric];
    if (target === null || target === undefined) continue;
    // Resolved without ever being shared (a false alarm closed in triage): there was nobody to notify.
    if (metric === "notify" && !f.customerNotifiedAt && f.resolvedAt) continue;
    const [stop, why] = STOPS[metric](f);
    const clock: Clock = { start, targetMinutes: target, pauses, stop: stop && stop < start ? start : stop };
    const status = clockStatus(cal, clock, now, terms.atRiskShare);
    const atRiskDueAt = dueAt(cal, { ...clock, targetMinutes: target * (1 - terms.atRiskShare) });
    out.push({ metric, severity, targetMinutes: target, clock, stoppedBy: stop ? why : null, status, atRiskDueAt });
  }
  return out;
}

/** An incident row's facts for `computeClocks` (the effective severity: an analyst's override wins). */
export function incidentFacts(
  inc: Omit<IncidentFacts, "transitions" | "severity"> & { severity: number; severityOverride: number | null },
  transitions: IncidentFacts["transitions"],
): IncidentFacts {
  return {
    severity: inc.severityOverride ?? inc.severity,
    firstAlertReceivedAt: inc.firstAlertReceivedAt,
    firstVendorCreatedAt: inc.firstVendorCreatedAt,
    acknowledgedAt: inc.acknowledgedAt,
    customerNotifiedAt: inc.customerNotifiedAt,
    containedAt: inc.containedAt,
    resolvedAt: inc.resolvedAt,
    transitions,
  };
}

/** The status transitions the clocks read from the timeline: entries (in time order) whose data names `from`/`to`. */
export function transitionsOf(
  events: { at: Date; data: Record<string, unknown> | null }[],
): IncidentFacts["transitions"] {
  return events
    .filter((e) => e.data && ("to" in e.data || "from" in e.data))
    .map((e) => ({ at: e.at, from: (e.data!.from as string) ?? null, to: (e.data!.to as string) ?? null }));
}

/** A clock's stored row as it stands before a recompute (what the snapshot keeps from it). */
export type StoredClock = { atRiskAt: Date | null; breachedAt: Date | null; breachedAssigneeId: string | null };

/**
 * The snapshot row of one computed clock, given the stored row before (first at-risk and breach instants and the
 * breach's assignee are kept once set), and the transition it makes now, if any (announced once). Pure.
 */
export function clockSnapshot(
  c: ComputedClock,
  prev: StoredClock | undefined,
  at: { customerId: string; incidentId: string; versionId: string; assigneeId: string | null; now: Date },
) {
  const s = c.status.state;
  const values = {
    customerId: at.customerId,
    incidentId: at.incidentId,
    contractVersionId: at.versionId,
    metric: c.metric,
    severity: c.severity,
    targetMinutes: c.targetMinutes,
    startAt: c.clock.start,
    pauses: c.clock.pauses.map((p) => ({ from: p.from.toISOString(), to: p.to ? p.to.toISOString() : null })),
    stopAt: c.clock.stop,
    stoppedBy: c.stoppedBy,
    dueAt: c.status.due,
    atRiskDueAt: c.atRiskDueAt,
    state: s,
    elapsedMs: Math.round(c.status.elapsedMs),
    atRiskAt: prev?.atRiskAt ?? (s === "at_risk" || s === "breached" ? (c.atRiskDueAt ?? at.now) : null),
    breachedAt: prev?.breachedAt ?? (s === "breached" ? (c.status.due ?? at.now) : null),
    breachedAssigneeId: prev?.breachedAssigneeId ?? (s === "breached" ? at.assigneeId : null),
    computedAt: at.now,
  };
  const transition: "at_risk" | "breached" | null =
    s === "breached" && !prev?.breachedAt ? "breached" : s === "at_risk" && !prev?.atRiskAt ? "at_risk" : null;
  return { values, transition };
}
