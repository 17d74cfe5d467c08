import { Badge, SeverityBadge } from "@/app/_components/ui/badge";
import { SEVERITY_LABELS, severityName } from "@/server/incidents/severity";

/** A badge for an OCSF severity id (0 Unknown … 5 Critical). */
export function SeverityIdBadge({ value, className }: { value: number; className?: string }) {
  if (value <= 0) return <Badge className={className}>Unknown</Badge>;
  return <SeverityBadge severity={severityName(value)} className={className} />;
}

export const severityLabel = (value: number) => SEVERITY_LABELS[value] ?? "Unknown";

/** Options of a "minimum severity" filter: the value is the lowest severity id kept. */
export const MIN_SEVERITY_OPTIONS = [
  { value: "5", label: "Critical only" },
  { value: "4", label: "High and above" },
  { value: "3", label: "Medium and above" },
  { value: "2", label: "Low and above" },
  { value: "1", label: "Informational and above" },
] as const;

/** Severities an analyst can set on an incident (1–5), most severe first. */
export const SETTABLE_SEVERITIES = [5, 4, 3, 2, 1] as const;
