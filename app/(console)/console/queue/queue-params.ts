import { SOURCE_FORMATS } from "@/db/schema/sensors";
import { AGE_BUCKETS } from "@/server/alerts/schema";

/**
 * The queue's filters as they appear in the URL, shared by the server page (prefetch) and the client view so both
 * ask for the same query. `status` is empty for the default ("open"); `assignee` may be "mine".
 */
export type QueueFilters = {
  customer: string;
  /** "now": customers in coverage now only. */
  coverage: string;
  severity: string;
  status: string;
  source: string;
  technique: string;
  age: string;
  assignee: string;
  q: string;
  page: number;
};

export const QUEUE_STATUSES = [
  { value: "", label: "Open" },
  { value: "new", label: "New" },
  { value: "acknowledged", label: "Acknowledged" },
  { value: "escalated", label: "Escalated" },
  { value: "closed", label: "Closed" },
  { value: "all", label: "All statuses" },
] as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const TECHNIQUE_ID = /^T\d{4}(\.\d{3})?$/;

const oneOf = <T extends string>(list: readonly T[], v: string): T | "" => (list.includes(v as T) ? (v as T) : "");

export function readQueueFilters(get: (key: string) => string | null | undefined): QueueFilters {
  const value = (key: string) => (get(key) ?? "").trim();
  const page = Number.parseInt(value("page"), 10);
  const severity = value("severity");
  return {
    customer: UUID.test(value("customer")) ? value("customer") : "",
    coverage: value("coverage") === "now" ? "now" : "",
    severity: /^[1-5]$/.test(severity) ? severity : "",
    status: oneOf(
      QUEUE_STATUSES.map((s) => s.value),
      value("status"),
    ),
    source: oneOf(SOURCE_FORMATS, value("source")),
    technique: value("technique").toUpperCase().slice(0, 12),
    age: oneOf(AGE_BUCKETS, value("age")),
    assignee: value("assignee").slice(0, 64),
    q: value("q").slice(0, 120),
    page: Number.isFinite(page) && page >= 1 && page <= 10_000 ? page : 1,
  };
}

export const techniqueValid = (t: string) => t === "" || TECHNIQUE_ID.test(t);

/** The `alerts.queue` input. A malformed technique id is left out (the view says so). */
export function toQueueInput(f: QueueFilters, selfId: string) {
  return {
    customerId: f.customer || undefined,
    coverage: f.coverage === "now" ? ("now" as const) : undefined,
    severity: f.severity ? Number(f.severity) : undefined,
    status: (f.status || "open") as "open" | "all" | "new" | "acknowledged" | "escalated" | "closed",
    source: (f.source || undefined) as (typeof SOURCE_FORMATS)[number] | undefined,
    technique: f.technique && TECHNIQUE_ID.test(f.technique) ? f.technique : undefined,
    age: (f.age || undefined) as (typeof AGE_BUCKETS)[number] | undefined,
    assigneeId: f.assignee === "mine" ? selfId : f.assignee || undefined,
    q: f.q || undefined,
    page: f.page,
  };
}

export const FILTER_KEYS = [
  "customer",
  "coverage",
  "severity",
  "status",
  "source",
  "technique",
  "age",
  "assignee",
  "q",
] as const;
export const hasQueueFilters = (f: QueueFilters) => FILTER_KEYS.some((k) => f[k] !== "");
