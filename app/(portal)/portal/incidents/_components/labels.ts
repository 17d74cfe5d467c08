import type { inferRouterOutputs } from "@trpc/server";
import type { Severity } from "@/app/_components/ui/badge";
import { INCIDENT_STATUSES, type IncidentStatus, type OBSERVABLE_KINDS } from "@/db/schema/incidents";
import { SEVERITY_LABELS } from "@/server/incidents/severity";
import type { AppRouter } from "@/server/trpc/root";

export type RouterOutputs = inferRouterOutputs<AppRouter>;
export type MyIncidentRow = RouterOutputs["myIncidents"]["list"]["rows"][number];
export type MyIncident = RouterOutputs["myIncidents"]["byId"];

export type { IncidentStatus };
export { INCIDENT_STATUSES, SEVERITY_LABELS };

/** The customer's words for the lifecycle: "waiting on customer" is "waiting on you" here. */
export const STATUS_LABELS: Record<IncidentStatus, string> = {
  triage: "Triage",
  investigating: "Investigating",
  waiting_on_customer: "Waiting on you",
  contained: "Contained",
  eradicated: "Eradicated",
  recovered: "Recovered",
  closed: "Closed",
};

export const STATUS_DESCRIPTIONS: Record<IncidentStatus, string> = {
  triage: "Our analysts are assessing the alerts behind it.",
  investigating: "Our analysts are investigating what happened.",
  waiting_on_customer: "We need an answer from your organisation to continue.",
  contained: "The threat is contained; the work to remove it continues.",
  eradicated: "The threat has been removed; affected systems are being restored.",
  recovered: "Affected systems are back to normal; we are wrapping up.",
  closed: "This incident is closed.",
};

export const isIncidentStatus = (v: string): v is IncidentStatus =>
  (INCIDENT_STATUSES as readonly string[]).includes(v);

/** OCSF severity_id (0–5) to the UI kit's severity names; 0 (unknown) has none. */
export const SEVERITY_NAMES: Record<number, Severity | undefined> = {
  1: "informational",
  2: "low",
  3: "medium",
  4: "high",
  5: "critical",
};

export const ACTION_KIND_LABELS: Record<string, string> = {
  isolate_host: "Isolate a host",
  disable_account: "Disable an account",
  block_indicator: "Block an indicator",
  other: "Response action",
};

export const actionKindLabel = (kind: string): string => ACTION_KIND_LABELS[kind] ?? "Response action";

export const ACTION_STATUS_LABELS: Record<string, string> = {
  requested: "Awaiting your decision",
  approved: "Approved",
  declined: "Declined",
  executed: "Carried out",
  cancelled: "Withdrawn",
};

export const OBSERVABLE_KIND_LABELS: Record<(typeof OBSERVABLE_KINDS)[number], string> = {
  ip: "IP address",
  domain: "Domain",
  url: "URL",
  hash: "File hash",
  host: "Host",
  user: "User account",
  process: "Process",
  email: "E-mail address",
  file: "File",
};

export const TIMELINE_KIND_LABELS: Record<string, string> = {
  opened: "Incident opened",
  status: "Status changed",
  alert_added: "Alerts added",
  note: "Update",
  comment: "Comment",
  severity: "Severity changed",
  assigned: "Assigned",
  task: "Task",
  observable: "Indicator",
  technique: "Technique",
  action_requested: "Approval requested",
  action_decided: "Response action",
  question: "Question for you",
  answer: "Answer",
  notified: "Notification",
  visibility: "Incident shared with you",
};

/** The latest activity we can honestly name: the later of the last change and the latest alert. */
export function lastActivity(row: { updatedAt: Date; latestEventTime: Date }): Date {
  return new Date(Math.max(row.updatedAt.getTime(), row.latestEventTime.getTime()));
}
