import { Eye, EyeOff } from "lucide-react";
import { Badge, type BadgeTone } from "@/app/_components/ui/badge";
import type { IncidentStatus } from "@/db/schema/incidents";
import { STATUS_LABELS } from "@/server/incidents/lifecycle";

export type AlertStatus = "new" | "acknowledged" | "escalated" | "closed";
export type Verdict = "true_positive" | "false_positive" | "benign" | "duplicate";

export const ALERT_STATUS_LABELS: Record<AlertStatus, string> = {
  new: "New",
  acknowledged: "Acknowledged",
  escalated: "Escalated",
  closed: "Closed",
};
const ALERT_TONES: Record<AlertStatus, BadgeTone> = {
  new: "info",
  acknowledged: "neutral",
  escalated: "primary",
  closed: "neutral",
};

export const VERDICT_LABELS: Record<Verdict, string> = {
  true_positive: "True positive",
  false_positive: "False positive",
  benign: "Benign",
  duplicate: "Duplicate",
};
const VERDICT_TONES: Record<Verdict, BadgeTone> = {
  true_positive: "danger",
  false_positive: "success",
  benign: "success",
  duplicate: "neutral",
};

export function AlertStatusBadge({ status }: { status: AlertStatus }) {
  return <Badge tone={ALERT_TONES[status]}>{ALERT_STATUS_LABELS[status]}</Badge>;
}

export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  return <Badge tone={VERDICT_TONES[verdict]}>{VERDICT_LABELS[verdict]}</Badge>;
}

const INCIDENT_TONES: Record<IncidentStatus, BadgeTone> = {
  triage: "info",
  investigating: "warning",
  waiting_on_customer: "primary",
  contained: "success",
  eradicated: "success",
  recovered: "success",
  closed: "neutral",
};

export function IncidentStatusBadge({ status }: { status: IncidentStatus }) {
  return <Badge tone={INCIDENT_TONES[status]}>{STATUS_LABELS[status]}</Badge>;
}

/** Whether the customer sees the incident in their portal. */
export function CustomerVisibilityBadge({ visible, compact = false }: { visible: boolean; compact?: boolean }) {
  return visible ? (
    <Badge tone="primary" title="The customer sees this incident in their portal">
      <Eye aria-hidden="true" />
      {compact ? <span className="sr-only">Customer-visible</span> : "Customer-visible"}
    </Badge>
  ) : (
    <Badge title="Internal only: the customer does not see this incident">
      <EyeOff aria-hidden="true" />
      {compact ? <span className="sr-only">Internal only</span> : "Internal only"}
    </Badge>
  );
}
