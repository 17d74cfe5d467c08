/** The recommendation lifecycle of posture-rules.md. Pure. */
export const REC_STATUSES = ["open", "accepted", "done", "risk_accepted", "dismissed"] as const;
export type RecStatus = (typeof REC_STATUSES)[number];
export const REC_ORIGINS = ["rule", "incident", "hunt", "manual"] as const;
export type RecOrigin = (typeof REC_ORIGINS)[number];

export const STATUS_LABELS: Record<RecStatus, string> = {
  open: "Open",
  accepted: "Accepted",
  done: "Done",
  risk_accepted: "Risk accepted",
  dismissed: "Dismissed",
};

/** Customer-admin and staff actions; `resolve` and `reopen` are the system's (condition cleared, review date). */
export type RecAction = "accept" | "done" | "accept_risk" | "dismiss" | "resolve" | "reopen";
export type Side = "staff" | "customer" | "system";

const MOVES: Record<RecAction, { from: readonly RecStatus[]; to: RecStatus; by: readonly Side[] }> = {
  accept: { from: ["open"], to: "accepted", by: ["customer"] },
  done: { from: ["accepted"], to: "done", by: ["customer"] },
  accept_risk: { from: ["open", "accepted"], to: "risk_accepted", by: ["customer"] },
  dismiss: { from: ["open"], to: "dismissed", by: ["staff"] },
  resolve: { from: ["open", "accepted", "risk_accepted"], to: "done", by: ["system"] },
  reopen: { from: ["done", "risk_accepted"], to: "open", by: ["system"] },
};

export type Transition =
  | { ok: true; to: RecStatus }
  | { ok: false; reason: string; field?: "reason" | "reviewOn" | "status" };

/**
 * Whether `by` may move a recommendation in `from` by `action`. `accept_risk` needs a reason and a review date after
 * `now`; `dismiss` needs a reason.
 */
export function transition(
  from: RecStatus,
  action: RecAction,
  by: Side,
  opts: { reason?: string | null; reviewOn?: Date | null; now: Date },
): Transition {
  const m = MOVES[action];
  if (!m.by.includes(by)) return { ok: false, reason: `Only ${m.by.join(" or ")} may do this.`, field: "status" };
  if (!m.from.includes(from))
    return { ok: false, reason: `A recommendation that is ${STATUS_LABELS[from].toLowerCase()} cannot be moved so.` };
  const reason = opts.reason?.trim();
  if ((action === "accept_risk" || action === "dismiss") && !reason)
    return { ok: false, reason: "Give a reason.", field: "reason" };
  if (action === "accept_risk" && (!opts.reviewOn || opts.reviewOn.getTime() <= opts.now.getTime()))
    return { ok: false, reason: "Choose a review date in the future.", field: "reviewOn" };
  return { ok: true, to: m.to };
}

export function customerActions(status: RecStatus): RecAction[] {
  return (["accept", "done", "accept_risk"] as const).filter((a) => MOVES[a].from.includes(status));
}

/** Open and accepted recommendations are the customer's exposure. */
export const isOutstanding = (s: RecStatus) => s === "open" || s === "accepted";

/** A risk acceptance is due for review when its review instant has come. */
export const reviewDue = (r: { status: RecStatus; reviewAt: Date | null }, now: Date) =>
  r.status === "risk_accepted" && r.reviewAt !== null && r.reviewAt.getTime() <= now.getTime();

/** The status just before `at` (a period end belongs to the next period), from its history ordered by time. */
export function statusAt(history: { at: Date; to: RecStatus }[], at: Date): RecStatus | null {
  let s: RecStatus | null = null;
  for (const h of history) {
    if (h.at.getTime() >= at.getTime()) break;
    s = h.to;
  }
  return s;
}
