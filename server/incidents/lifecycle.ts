import type { IncidentStatus } from "@/db/schema/incidents";

/**
 * The incident lifecycle (NIST SP 800-61: triage → investigating → contained → eradicated → recovered → closed) with
 * "waiting on customer" as a real state that returns to where it left off. Pure.
 */
const FORWARD: Record<IncidentStatus, IncidentStatus[]> = {
  triage: ["investigating", "contained", "closed"],
  investigating: ["contained", "eradicated", "closed"],
  contained: ["eradicated", "investigating", "closed"],
  eradicated: ["recovered", "investigating", "closed"],
  recovered: ["closed", "investigating"],
  waiting_on_customer: [],
  closed: ["investigating"],
};

export const STATUS_LABELS: Record<IncidentStatus, string> = {
  triage: "Triage",
  investigating: "Investigating",
  waiting_on_customer: "Waiting on customer",
  contained: "Contained",
  eradicated: "Eradicated",
  recovered: "Recovered",
  closed: "Closed",
};

/** Statuses in lifecycle order, for lists and charts. */
export const LIFECYCLE: IncidentStatus[] = [
  "triage",
  "investigating",
  "waiting_on_customer",
  "contained",
  "eradicated",
  "recovered",
  "closed",
];

export type Transition = { ok: true } | { ok: false; reason: string };

/**
 * May an incident go from `from` to `to`? `resume` is where a waiting incident came from: answering returns there,
 * and staff may also move it on as if it were there.
 */
export function canTransition(from: IncidentStatus, to: IncidentStatus, resume: IncidentStatus | null): Transition {
  if (from === to) return { ok: false, reason: `The incident is already ${STATUS_LABELS[to].toLowerCase()}.` };
  if (to === "waiting_on_customer") {
    return from === "closed"
      ? { ok: false, reason: "A closed incident cannot wait on the customer; reopen it first." }
      : { ok: true };
  }
  if (from === "waiting_on_customer") {
    const base = resume ?? "investigating";
    if (to === base || FORWARD[base].includes(to)) return { ok: true };
    return {
      ok: false,
      reason: `From waiting on customer the incident can return to ${STATUS_LABELS[base].toLowerCase()} or move on from there.`,
    };
  }
  if (FORWARD[from].includes(to)) return { ok: true };
  return {
    ok: false,
    reason: `An incident cannot go from ${STATUS_LABELS[from].toLowerCase()} to ${STATUS_LABELS[to].toLowerCase()}.`,
  };
}

export function nextStatuses(from: IncidentStatus, resume: IncidentStatus | null): IncidentStatus[] {
  return LIFECYCLE.filter((to) => canTransition(from, to, resume).ok);
}

export const isOpen = (s: IncidentStatus) => s !== "closed";

/** Milestones a transition reaches (for SLA stops): first containment, resolution (recovered or closed). */
export function milestonesOf(to: IncidentStatus): { contained: boolean; resolved: boolean; closed: boolean } {
  return {
    contained: to === "contained" || to === "eradicated" || to === "recovered" || to === "closed",
    resolved: to === "recovered" || to === "closed",
    closed: to === "closed",
  };
}

/** What a status change writes on the incident: the status, its milestones (first only) and closing facts. */
export function statusPatch(
  inc: { acknowledgedAt: Date | null; containedAt: Date | null; resolvedAt: Date | null },
  to: IncidentStatus,
  note: string | undefined,
  now: Date,
) {
  const m = milestonesOf(to);
  return {
    status: to,
    resumeStatus: null,
    ...(m.contained && !inc.containedAt ? { containedAt: now } : {}),
    ...(m.resolved && !inc.resolvedAt ? { resolvedAt: now } : {}),
    ...(m.closed ? { closedAt: now, closeReason: note ?? null } : { closedAt: null }),
    ...(!inc.acknowledgedAt ? { acknowledgedAt: now } : {}),
  };
}

/** The timeline text of a status change. */
export const statusBody = (from: IncidentStatus, to: IncidentStatus, note?: string) =>
  `${STATUS_LABELS[from]} → ${STATUS_LABELS[to]}${note ? `: ${note}` : ""}`;
