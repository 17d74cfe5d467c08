import { Temporal } from "temporal-polyfill";
import { useViewTimeZone } from "../../_components/view-time-zone";

/**
 * Time helpers for the roster views. Every instant is shown in the console's zone (the header's setting, the browser's
 * zone by default); a shift's own date and slot times stay in its roster's zone (roster-rules.md, "Shifts").
 */
export const DAY = 86_400_000;
export const HOUR = 3_600_000;

/** The console's zone; null while hydrating (callers show their loading state until it is known). */
export const useRosterZone = (): string | null => useViewTimeZone();

export const zoneName = (zone: string) => zone.replaceAll("_", " ");

const zdt = (t: Date | number, zone: string) =>
  Temporal.Instant.fromEpochMilliseconds(typeof t === "number" ? t : t.getTime()).toZonedDateTimeISO(zone);

/** Midnight (in `zone`) of the day containing t. */
export const startOfDay = (t: number, zone: string) => zdt(t, zone).startOfDay().epochMilliseconds;

/** Midnight `n` calendar days after the day containing t, in `zone` (23 or 25 hours across DST). */
export const addDays = (t: number, n: number, zone: string) =>
  zdt(t, zone).startOfDay().add({ days: n }).startOfDay().epochMilliseconds;

/** Monday midnight (in `zone`) of the week containing t. */
export function startOfWeek(t: number, zone: string): number {
  const d = zdt(t, zone).startOfDay();
  return d.subtract({ days: d.dayOfWeek - 1 }).startOfDay().epochMilliseconds;
}

/** The calendar date (YYYY-MM-DD) of t in `zone`. */
export const dateIn = (t: Date | number, zone: string) => zdt(t, zone).toPlainDate().toString();

/** A datetime-local value read as wall time in `zone`; null when it is not a date and time. */
export function localToInstant(local: string, zone: string): Date | null {
  try {
    return new Date(
      Temporal.PlainDateTime.from(local).toZonedDateTime(zone, { disambiguation: "compatible" }).epochMilliseconds,
    );
  } catch {
    return null;
  }
}

const fmt = (o: Intl.DateTimeFormatOptions) => (t: Date | number, zone: string) =>
  new Intl.DateTimeFormat("en-GB", { ...o, timeZone: zone }).format(t);

/** "07:00" */
export const hm = fmt({ hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
/** "Mon 7 Dec" */
export const dayLabel = fmt({ weekday: "short", day: "numeric", month: "short" });
/** "Mon 7 Dec, 07:00" */
export const dayTime = fmt({
  weekday: "short",
  day: "numeric",
  month: "short",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** "Mon 7 Dec, 19:00 – 07:00" within a day or overnight; both dates when the span is longer. */
export function span(from: Date | number, to: Date | number, zone: string): string {
  const a = +from;
  const b = +to;
  return b - a < DAY ? `${dayTime(a, zone)} – ${hm(b, zone)}` : `${dayTime(a, zone)} – ${dayTime(b, zone)}`;
}

export function reasonLabel(r: string): string {
  if (r === "headcount") return "Too few on duty";
  if (r === "seniority") return "No senior analyst";
  if (r.startsWith("skill:")) return `No ${r.slice(6)} skill`;
  if (r.startsWith("language:")) return `No ${r.slice(9).toUpperCase()} speaker`;
  return r;
}

/** A slot's wall-clock span in its roster's zone on `date`, as instants (a night slot ends the next day). */
export function slotInstants(date: string, start: string, end: string, rosterZone: string): [number, number] {
  const day = Temporal.PlainDate.from(date);
  const at = (d: Temporal.PlainDate, t: string) =>
    d.toZonedDateTime({ timeZone: rosterZone, plainTime: Temporal.PlainTime.from(t) }).epochMilliseconds;
  return [at(day, start), at(end <= start ? day.add({ days: 1 }) : day, end)];
}
