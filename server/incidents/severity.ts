import type { Severity } from "@/db/schema/tenancy";

/** OCSF severity_id ↔ the names contracts and contacts use. Pure. */
export const SEVERITY_NAMES: Record<number, Severity> = {
  0: "informational",
  1: "informational",
  2: "low",
  3: "medium",
  4: "high",
  5: "critical",
};
export const SEVERITY_LABELS: Record<number, string> = {
  0: "Unknown",
  1: "Informational",
  2: "Low",
  3: "Medium",
  4: "High",
  5: "Critical",
};
export const severityName = (id: number): Severity => SEVERITY_NAMES[id] ?? "informational";

/** The short reference customers and staff use, e.g. HAL-12. */
export function incidentReference(slug: string, number: number) {
  const prefix =
    slug
      .replace(/[^a-z0-9]/gi, "")
      .slice(0, 3)
      .toUpperCase() || "INC";
  return `${prefix}-${number}`;
}

/** What a response action is called wherever people read it (timeline, e-mail, report). */
export const ACTION_LABELS = {
  isolate_host: "Isolate host",
  disable_account: "Disable account",
  block_indicator: "Block indicator",
  other: "Action",
} as const;
