import type { RecSeverity } from "./facts";
import type { RecStatus } from "./lifecycle";
import type { Finding } from "./rules";

export type ExistingRuleRec = {
  id: string;
  dedupKey: string;
  status: RecStatus;
  severity: RecSeverity;
  title: string;
  body: string;
  evidence: { kind: string; id: string; label: string }[];
};

export type Plan =
  | { kind: "raise"; finding: Finding }
  | { kind: "reopen"; id: string; finding: Finding }
  | { kind: "resolve"; id: string; dedupKey: string }
  | { kind: "severity"; id: string; from: RecSeverity; finding: Finding }
  | { kind: "refresh"; id: string; finding: Finding }
  | { kind: "retext"; id: string; finding: Finding };

/**
 * What the evidence links to, whatever the order and the labels: a new or a dropped link (an incident, an uncovered
 * asset) is a change worth a line in the customer's history; a figure in the text that moves with time (a share,
 * a count of known assets) is not.
 */
const linked = (ev: ExistingRuleRec["evidence"]) =>
  [...new Set(ev.map((x) => `${x.kind}\u0000${x.id}`))].sort().join("\n");
// Compared field by field: jsonb does not keep an object's key order.
const links = (ev: ExistingRuleRec["evidence"]) => ev.map((x) => `${x.kind}\u0000${x.id}\u0000${x.label}`).join("\n");
const wordingChanged = (e: ExistingRuleRec, f: Finding) =>
  e.title !== f.title || e.body !== f.body || links(e.evidence) !== links(f.evidence);

/**
 * What the evaluation job does to make a customer's rule-made recommendations match the findings at an instant:
 * raise once, clear by itself, reopen the same row. A dismissed one stays dismissed (a staff decision); a
 * risk-accepted one waits for its review date while the condition holds, and is done when the condition clears.
 * While the condition holds, the row's text and evidence follow the finding: with a history line when the evidence
 * links change (`refresh`), silently when only the wording, a figure in it, a label or the order does (`retext`).
 * Pure; applying the plan twice is a no-op the second time.
 */
export function reconcile(existing: ExistingRuleRec[], findings: Finding[]): Plan[] {
  const byKey = new Map(existing.map((e) => [e.dedupKey, e]));
  const held = new Set(findings.map((f) => f.dedupKey));
  const plan: Plan[] = [];
  for (const f of findings) {
    const e = byKey.get(f.dedupKey);
    if (!e) plan.push({ kind: "raise", finding: f });
    else if (e.status === "done") plan.push({ kind: "reopen", id: e.id, finding: f });
    else if (e.status !== "dismissed" && e.severity !== f.severity)
      plan.push({ kind: "severity", id: e.id, from: e.severity, finding: f });
    else if (linked(e.evidence) !== linked(f.evidence)) plan.push({ kind: "refresh", id: e.id, finding: f });
    else if (wordingChanged(e, f)) plan.push({ kind: "retext", id: e.id, finding: f });
  }
  for (const e of existing) {
    if (held.has(e.dedupKey)) continue;
    if (e.status === "open" || e.status === "accepted" || e.status === "risk_accepted")
      plan.push({ kind: "resolve", id: e.id, dedupKey: e.dedupKey });
  }
  return plan;
}
