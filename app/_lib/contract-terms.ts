/**
 * Display words for contract terms, shared by the console's contract pages and the portal's "Service & SLA" page.
 * Pure and client-safe.
 */

export const WEEKDAYS = ["1", "2", "3", "4", "5", "6", "7"] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export const WEEKDAY_SHORT: Record<Weekday, string> = {
  "1": "Mon",
  "2": "Tue",
  "3": "Wed",
  "4": "Thu",
  "5": "Fri",
  "6": "Sat",
  "7": "Sun",
};
export const WEEKDAY_LONG: Record<Weekday, string> = {
  "1": "Monday",
  "2": "Tuesday",
  "3": "Wednesday",
  "4": "Thursday",
  "5": "Friday",
  "6": "Saturday",
  "7": "Sunday",
};

export type AllowedAction = "isolate_host" | "disable_account" | "block_indicator";
export const ACTION_LABELS: Record<AllowedAction, string> = {
  isolate_host: "Isolate a host",
  disable_account: "Disable a user account",
  block_indicator: "Block an indicator (IP, domain, file hash)",
};

export const CLOCK_START_LABELS: Record<"received" | "vendor_created", string> = {
  received: "When the alert reaches us",
  vendor_created: "When the security tool raised it",
};

/** A coverage calendar as stored, or as the terms schema types it. */
export type CoverageLike =
  | { kind: "24x7" }
  | {
      kind: "business";
      timeZone: string;
      weekdays: Partial<Record<string, { start: string; end: string }[]>>;
      holidays: readonly string[];
    };

export const zoneLabel = (timeZone: string) => timeZone.replaceAll("_", " ");

/**
 * A target in minutes, compact ("15 min", "4 h", "1 d", "1 h 30 min") or long ("15 minutes", "1 day"); "—" for none.
 */
export function formatMinutes(minutes: number | null | undefined, style: "short" | "long" = "short"): string {
  if (minutes === null || minutes === undefined || !Number.isFinite(minutes)) return "—";
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  const unit = (n: number, short: string, long: string) =>
    style === "short" ? `${n} ${short}` : `${n} ${long}${n === 1 ? "" : "s"}`;
  const parts = [
    d ? unit(d, "d", "day") : null,
    h ? unit(h, "h", "hour") : null,
    m || minutes === 0 ? unit(m, "min", "minute") : null,
  ];
  return parts.filter(Boolean).join(" ");
}

type Windows = { start: string; end: string }[];
const windowsText = (w: Windows) =>
  [...w]
    .sort((a, b) => a.start.localeCompare(b.start))
    .map((x) => `${x.start}–${x.end}`)
    .join(", ");

/** Runs of consecutive weekdays with the same windows: [{ days: "Mon–Fri", hours: "08:00–18:00" }]. */
export function weekdayGroups(weekdays: Record<string, Windows | undefined>): { days: string; hours: string }[] {
  const out: { first: Weekday; last: Weekday; hours: string }[] = [];
  for (const day of WEEKDAYS) {
    const w = weekdays[day] ?? [];
    if (w.length === 0) continue;
    const hours = windowsText(w);
    const prev = out[out.length - 1];
    if (prev && prev.hours === hours && Number(prev.last) === Number(day) - 1) prev.last = day;
    else out.push({ first: day, last: day, hours });
  }
  return out.map((g) => ({
    days: g.first === g.last ? WEEKDAY_SHORT[g.first] : `${WEEKDAY_SHORT[g.first]}–${WEEKDAY_SHORT[g.last]}`,
    hours: g.hours,
  }));
}

/** "24/7" or "Mon–Fri 08:00–18:00 Europe/Berlin". */
export function coverageSummary(coverage: CoverageLike): string {
  if (coverage.kind === "24x7") return "24/7";
  const groups = weekdayGroups(coverage.weekdays);
  const hours = groups.length ? groups.map((g) => `${g.days} ${g.hours}`).join(", ") : "No covered hours";
  return `${hours} ${zoneLabel(coverage.timeZone)}`;
}

/** "1 Jan 2026" from "2026-01-01" (a calendar date, no time zone involved). */
export function formatPlainDate(isoDate: string): string {
  const [y, m, d] = isoDate.split("-").map(Number);
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  if (!y || !m || !d || !months[m - 1]) return isoDate;
  return `${d} ${months[m - 1]} ${y}`;
}

export const percent = (share: number) => `${Math.round(share * 100)} %`;
