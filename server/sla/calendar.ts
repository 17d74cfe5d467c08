import { Temporal } from "temporal-polyfill";
import { wallToInstant } from "@/server/wall-time";

/**
 * Coverage calendars (sla-rules.md, "Calendar"): every second counts (24x7), or business windows in an IANA zone per ISO
 * weekday, minus holidays. Wall times become instants with Temporal's "compatible" disambiguation: a time inside a
 * spring-forward gap moves forward by the gap; a repeated time is its first occurrence. Pure: no clock, no I/O.
 */
export type Window = { start: string; end: string };
export type Calendar =
  | { kind: "24x7" }
  | {
      kind: "business";
      timeZone: string;
      /** ISO weekday 1 (Monday) … 7 (Sunday) → windows [start, end) in local wall time; "24:00" ends the day. */
      weekdays: Partial<Record<1 | 2 | 3 | 4 | 5 | 6 | 7, Window[]>>;
      /** Local dates (YYYY-MM-DD) on which nothing counts. */
      holidays: string[];
    };

export type Interval = [number, number];

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;

export function validateCalendar(cal: Calendar): string[] {
  if (cal.kind === "24x7") return [];
  const errors: string[] = [];
  try {
    Temporal.Now.zonedDateTimeISO(cal.timeZone);
  } catch {
    errors.push(`"${cal.timeZone}" is not an IANA time zone`);
  }
  for (const [day, windows] of Object.entries(cal.weekdays)) {
    for (const w of windows ?? []) {
      if (!TIME.test(w.start) || w.start === "24:00") errors.push(`day ${day}: start "${w.start}" is not a time`);
      if (!TIME.test(w.end)) errors.push(`day ${day}: end "${w.end}" is not a time`);
      if (TIME.test(w.start) && TIME.test(w.end) && w.end <= w.start)
        errors.push(`day ${day}: ${w.start}–${w.end} ends before it starts`);
    }
  }
  for (const [day, windows] of Object.entries(cal.weekdays)) {
    const sorted = [...(windows ?? [])].sort((a, b) => a.start.localeCompare(b.start));
    for (let i = 1; i < sorted.length; i++) {
      if (sorted[i]!.start < sorted[i - 1]!.end)
        errors.push(
          `day ${day}: ${sorted[i - 1]!.start}–${sorted[i - 1]!.end} and ${sorted[i]!.start}–${sorted[i]!.end} overlap`,
        );
    }
  }
  for (const h of cal.holidays) {
    try {
      Temporal.PlainDate.from(h);
    } catch {
      errors.push(`holiday "${h}" is not a date`);
    }
  }
  return errors;
}

function instantOf(date: Temporal.PlainDate, hhmm: string, timeZone: string): number {
  const [h, m] = hhmm.split(":").map(Number) as [number, number];
  const day = h === 24 ? date.add({ days: 1 }) : date;
  return wallToInstant(day.year, day.month, day.day, h === 24 ? 0 : h, m, timeZone);
}

/**
 * The counted intervals overlapping [from, to), in order, clipped to it. For a business calendar the walk goes day by
 * day in the zone; a window whose converted end is not after its start holds no time.
 */
export function* countedIntervals(cal: Calendar, from: number, to: number): Generator<Interval> {
  if (to <= from) return;
  if (cal.kind === "24x7") {
    yield [from, to];
    return;
  }
  const holidays = new Set(cal.holidays);
  const tz = cal.timeZone;
  // Start a day early: a window of the previous local date can still be open at `from` near midnight in odd zones.
  let date = Temporal.Instant.fromEpochMilliseconds(from).toZonedDateTimeISO(tz).toPlainDate().subtract({ days: 1 });
  for (;;) {
    const dayStart = instantOf(date, "00:00", tz);
    if (dayStart >= to) return;
    if (!holidays.has(date.toString())) {
      const windows = [...(cal.weekdays[date.dayOfWeek as 1] ?? [])].sort((a, b) => a.start.localeCompare(b.start));
      // Overlapping windows are refused by validateCalendar; merged here as well so no second is ever counted twice.
      let open: Interval | null = null;
      for (const w of windows) {
        const s = instantOf(date, w.start, tz);
        const e = instantOf(date, w.end, tz);
        if (e <= s) continue;
        if (open && s <= open[1]) open[1] = Math.max(open[1], e);
        else {
          if (open) {
            const a = Math.max(open[0], from);
            const b = Math.min(open[1], to);
            if (b > a) yield [a, b];
          }
          open = [s, e];
        }
      }
      if (open) {
        const a = Math.max(open[0], from);
        const b = Math.min(open[1], to);
        if (b > a) yield [a, b];
      }
    }
    date = date.add({ days: 1 });
  }
}

export function countedMs(cal: Calendar, from: number, to: number): number {
  let sum = 0;
  for (const [a, b] of countedIntervals(cal, from, to)) sum += b - a;
  return sum;
}

/** True when the calendar counts any time at all in a typical week (otherwise no clock on it can ever come due). */
export function countsAnything(cal: Calendar): boolean {
  return cal.kind === "24x7" || Object.values(cal.weekdays).some((ws) => (ws ?? []).some((w) => w.end > w.start));
}
