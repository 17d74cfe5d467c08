import { REC_SEVERITIES, type RecSeverity } from "@/server/recommendations/facts";
import { REC_ORIGINS, REC_STATUSES, type RecOrigin, type RecStatus } from "@/server/recommendations/lifecycle";

/** The console list's filters as they appear in the URL; an empty status means open and accepted. */
export type RecFilters = { customer: string; status: string; severity: string; origin: string; page: number };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function readRecFilters(get: (key: string) => string | null | undefined): RecFilters {
  const v = (k: string) => (get(k) ?? "").trim();
  const page = Number.parseInt(v("page"), 10);
  return {
    customer: UUID.test(v("customer")) ? v("customer") : "",
    status: v("status") === "all" || REC_STATUSES.includes(v("status") as RecStatus) ? v("status") : "",
    severity: REC_SEVERITIES.includes(v("severity") as RecSeverity) ? v("severity") : "",
    origin: REC_ORIGINS.includes(v("origin") as RecOrigin) ? v("origin") : "",
    page: Number.isFinite(page) && page >= 1 && page <= 10_000 ? page : 1,
  };
}

export function toRecInput(f: RecFilters) {
  return {
    customerId: f.customer || undefined,
    status: (f.status === "all" ? undefined : f.status ? [f.status] : ["open", "accepted"]) as RecStatus[] | undefined,
    severity: f.severity ? [f.severity as RecSeverity] : undefined,
    origin: (f.origin || undefined) as RecOrigin | undefined,
    page: f.page,
  };
}

export const REC_FILTER_KEYS = ["customer", "status", "severity", "origin"] as const;
