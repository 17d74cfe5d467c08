/** The audit log's filters as they appear in the URL. Shared by the server page (prefetch) and the client view. */
export type AuditFilters = { customer: string; action: string; actor: string; from: string; to: string };

export const FILTER_KEYS = ["customer", "action", "actor", "from", "to"] as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function readFilters(get: (key: string) => string | null | undefined): AuditFilters {
  const value = (key: string) => (get(key) ?? "").trim();
  const customer = value("customer");
  const from = value("from");
  const to = value("to");
  return {
    customer: UUID.test(customer) ? customer : "",
    action: value("action").slice(0, 80),
    actor: value("actor").slice(0, 120),
    from: DAY.test(from) ? from : "",
    to: DAY.test(to) ? to : "",
  };
}

/** A yyyy-mm-dd day's start (or end) in the local time zone of whoever runs this. */
function dayBound(day: string, end: boolean): Date | undefined {
  const [y, m, d] = day.split("-").map(Number);
  if (!y || !m || !d) return undefined;
  const date = end ? new Date(y, m - 1, d, 23, 59, 59, 999) : new Date(y, m - 1, d);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** The `audit.list` input for the filters (without the cursor, which the infinite query adds). */
export function toInput(f: AuditFilters) {
  return {
    customerId: f.customer || undefined,
    action: f.action || undefined,
    actor: f.actor || undefined,
    from: f.from ? dayBound(f.from, false) : undefined,
    to: f.to ? dayBound(f.to, true) : undefined,
  };
}

export const hasFilters = (f: AuditFilters) => FILTER_KEYS.some((k) => f[k] !== "");
