import { Badge, type BadgeTone, SeverityBadge } from "@/app/_components/ui/badge";
import { type IncidentStatus, SEVERITY_NAMES, STATUS_DESCRIPTIONS, STATUS_LABELS } from "./labels";

/** An OCSF severity (0–5) as the UI kit's badge; 0 reads "Unknown". */
export function IncidentSeverityBadge({ severity }: { severity: number }) {
  const name = SEVERITY_NAMES[severity];
  return name ? <SeverityBadge severity={name} /> : <Badge>Unknown</Badge>;
}

const STATUS_TONES: Record<IncidentStatus, BadgeTone> = {
  triage: "info",
  investigating: "info",
  waiting_on_customer: "warning",
  contained: "primary",
  eradicated: "primary",
  recovered: "success",
  closed: "neutral",
};

export function IncidentStatusBadge({ status }: { status: IncidentStatus }) {
  return (
    <Badge tone={STATUS_TONES[status]} title={STATUS_DESCRIPTIONS[status]}>
      {STATUS_LABELS[status]}
    </Badge>
  );
}
