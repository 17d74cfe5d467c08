import { INCIDENT_STATUSES } from "@/db/schema/incidents";
import { STATUS_LABELS } from "@/server/incidents/lifecycle";

/** The incident list's filters as they appear in the URL; `status` is empty for the default ("open"). */
export type IncidentFilters = {
  customer: string;
  status: string;
  severity: string;
  assignee: string;
  q: string;
  page: number;
};

export const INCIDENT_STATUS_OPTIONS = [
  { value: "", label: "Open" },
  ...INCIDENT_STATUSES.map((s) => ({ value: s as string, label: STATUS_LABELS[s] })),
  { value: "all", label: "All statuses" },
];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function readIncidentFilters(get: (key: string) => string | null | undefined): IncidentFilters {
  const value = (key: string) => (get(key) ?? "").trim();
  const page = Number.parseInt(value("page"), 10);
  const status = value("status");
  return {
    customer: UUID.test(value("customer")) ? value("customer") : "",
    status: INCIDENT_STATUS_OPTIONS.some((o) => o.value === status) ? status : "",
    severity: /^[1-5]$/.test(value("severity")) ? value("severity") : "",
    assignee: value("assignee").slice(0, 64),
    q: value("q").slice(0, 120),
    page: Number.isFinite(page) && page >= 1 && page <= 10_000 ? page : 1,
  };
}

export function toIncidentInput(f: IncidentFilters, selfId: string) {
  return {
    customerId: f.customer || undefined,
    status: (f.status === "all" ? undefined : f.status || "open") as
      | "open"
      | "closed"
      | (typeof INCIDENT_STATUSES)[number]
      | undefined,
    severity: f.severity ? Number(f.severity) : undefined,
    assigneeId: f.assignee === "mine" ? selfId : f.assignee || undefined,
    q: f.q || undefined,
    page: f.page,
  };
}

export const INCIDENT_FILTER_KEYS = ["customer", "status", "severity", "assignee", "q"] as const;
export const hasIncidentFilters = (f: IncidentFilters) => INCIDENT_FILTER_KEYS.some((k) => f[k] !== "");
