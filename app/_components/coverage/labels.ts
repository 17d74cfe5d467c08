import type { Criticality } from "@/db/schema/assets";
import type { VisibilityClass } from "@/server/visibility/mapping";

export const CRITICALITY_LABELS: Record<Criticality, string> = {
  "crown-jewel": "Crown jewel",
  high: "High",
  medium: "Medium",
  low: "Low",
};

export const CRITICALITY_TONES: Record<Criticality, "danger" | "warning" | "info" | "neutral"> = {
  "crown-jewel": "danger",
  high: "warning",
  medium: "info",
  low: "neutral",
};

export const CLASS_LABELS: Record<VisibilityClass, string> = {
  edr: "EDR (endpoints)",
  ndr: "NDR (network)",
  siem: "SIEM (logs)",
  cloud: "Cloud",
  identity: "Identity",
  email: "E-mail",
};

export const hostLabel = (a: { hostname: string | null; fqdn: string | null; agentId: string | null }) =>
  a.fqdn ?? a.hostname ?? (a.agentId ? `Agent ${a.agentId}` : "Unnamed host");
