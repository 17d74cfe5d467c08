import { type IncidentStatus, isIncidentStatus } from "./_components/labels";

/** The incident list's filters as they appear in the URL. Shared by the server page (prefetch) and the client view. */
export type IncidentFilters = { status: string; severity: string; q: string; page: number };
export const NO_FILTERS = { status: "", severity: "", q: "", page: "" } as const;

export function readIncidentFilters(get: (key: string) => string | null | undefined): IncidentFilters {
  const value = (key: string) => (get(key) ?? "").trim();
  const status = value("status");
  const severity = value("severity");
  const page = Number.parseInt(value("page"), 10);
  return {
    status: status === "open" || status === "closed" || isIncidentStatus(status) ? status : "",
    severity: /^[1-5]$/.test(severity) ? severity : "",
    q: value("q").slice(0, 120),
    page: Number.isFinite(page) && page >= 1 && page <= 10_000 ? page : 1,
  };
}

export const hasIncidentFilters = (f: IncidentFilters) => Boolean(f.status || f.severity || f.q);

/** The `myIncidents.list` input for the filters. */
export function toListInput(f: IncidentFilters) {
  return {
    status: (f.status || undefined) as "open" | "closed" | IncidentStatus | undefined,
    severity: f.severity ? Number(f.severity) : undefined,
    q: f.q || undefined,
    page: f.page,
  };
}

/** The "waiting on you" callout's query, the same on server and client. */
export const WAITING_INPUT = { status: "waiting_on_customer" as const, page: 1 };
