/** Threat-hunt status and outcome rules. Pure. */
export const HUNT_STATUSES = ["planned", "in_progress", "concluded"] as const;
export type HuntStatus = (typeof HUNT_STATUSES)[number];
export const HUNT_OUTCOMES = ["nothing_found", "incident", "recommendation"] as const;
export type HuntOutcome = (typeof HUNT_OUTCOMES)[number];

export const HUNT_STATUS_LABELS: Record<HuntStatus, string> = {
  planned: "Planned",
  in_progress: "In progress",
  concluded: "Concluded",
};
export const HUNT_OUTCOME_LABELS: Record<HuntOutcome, string> = {
  nothing_found: "Nothing found",
  incident: "Incident opened",
  recommendation: "Recommendation raised",
};

const NEXT: Record<HuntStatus, HuntStatus[]> = {
  planned: ["in_progress"],
  in_progress: ["concluded"],
  concluded: [],
};

export type ConcludeCheck = { ok: true } | { ok: false; reason: string; field: string };

export function canMove(from: HuntStatus, to: HuntStatus) {
  return NEXT[from].includes(to);
}

/**
 * A hunt concludes with an outcome the records back: a linked incident for "incident", a recommendation raised from
 * it for "recommendation", and a customer-visible summary in every case.
 */
export function checkConclusion(h: {
  outcome: HuntOutcome | null;
  customerSummary: string | null;
  linkedIncidents: number;
  recommendations: number;
}): ConcludeCheck {
  if (!h.outcome) return { ok: false, reason: "Choose the outcome.", field: "outcome" };
  if (!h.customerSummary?.trim())
    return { ok: false, reason: "Write the summary customers will read.", field: "customerSummary" };
  if (h.outcome === "incident" && h.linkedIncidents === 0)
    return { ok: false, reason: "Link the incident the hunt opened.", field: "outcome" };
  if (h.outcome === "recommendation" && h.recommendations === 0)
    return { ok: false, reason: "Raise the recommendation from the hunt first.", field: "outcome" };
  return { ok: true };
}

/**
 * The outcome one customer reads: an incident or a recommendation made for another customer in the same hunt reads
 * as "nothing found" for this one.
 */
export function ownOutcome(
  outcome: HuntOutcome | null,
  own?: { incident: boolean; recommendation: boolean },
): HuntOutcome {
  if (outcome === "incident" && own?.incident) return "incident";
  if (outcome === "recommendation" && own?.recommendation) return "recommendation";
  return "nothing_found";
}
