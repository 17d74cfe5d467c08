import type { RecCategory, RecSeverity } from "./facts";

/** Names people read, shared by the console, the portal, e-mail and the report. Pure. */
export const SEVERITY_LABELS: Record<RecSeverity, string> = {
  critical: "Critical",
  high: "High",
  medium: "Medium",
  low: "Low",
};
export const CATEGORY_LABELS: Record<RecCategory, string> = {
  visibility: "Visibility",
  "sensor-health": "Sensor health",
  hardening: "Hardening",
  identity: "Identity",
  response: "Response",
  licensing: "Licensing",
};
export const ORIGIN_LABELS = {
  rule: "Automatic check",
  incident: "From an incident",
  hunt: "From a threat hunt",
  manual: "From an analyst",
} as const;
export const RESOLVED_BY_CONDITION = "resolved: condition cleared";
