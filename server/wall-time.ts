import { Temporal } from "temporal-polyfill";

/**
 * Local wall time → instant with Temporal's "compatible" disambiguation (roster-rules.md, "Shifts"; sla-rules.md,
 * "Calendar"): a time inside a spring-forward gap moves forward by the gap, a repeated time is its first occurrence.
 * Same answers as `PlainDateTime.toZonedDateTime(zone, { disambiguation: "compatible" })` (pinned by a test against
 * it), but reading offsets from one cached `Intl.DateTimeFormat` per zone: the polyfill's conversion dominated the
 * roster's expansion and gap computation. Pure (no clock).
 */
const formats = new Map<string, Intl.DateTimeFormat>();
const DAY = 86_400_000;

function format(timeZone: string): Intl.DateTimeFormat {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      era: "short",
    });
    formats.set(timeZone, f);
  }
  return f;
}

/** The zone's UTC offset (ms) at instant `t`, read from Intl (slow: tens of microseconds, far more under load). */
function rawOffset(timeZone: string, t: number): number {
  const v: Record<string, number> = {};
  let bc = false;
  for (const p of format(timeZone).formatToParts(t)) {
    if (p.type === "era") bc = p.value === "BC" || p.value === "B";
    else if (p.type !== "literal") v[p.type] = Number(p.value);
  }
  const year = bc ? 1 - v.year! : v.year!;
  const d = new Date(Date.UTC(year, v.month! - 1, v.day!, v.hour!, v.minute!, v.second!));
  if (year >= 0 && year < 100) d.setUTCFullYear(year);
  const whole = t - (((t % 1000) + 1000) % 1000);
  return d.getTime() - whole;
}

// Per zone: the offset at 00:00 UTC of each UTC day, and the transition instant of days whose offset changes.
// Zones change offset at most once a day, so two reads per day (shared with the neighbours) answer every instant.
const dayStarts = new Map<string, Map<number, number>>();
const transitions = new Map<string, Map<number, number>>();
const MINUTE = 60_000;

function dayStartOffset(timeZone: string, day: number): number {
  let m = dayStarts.get(timeZone);
  if (!m) {
    m = new Map();
    dayStarts.set(timeZone, m);
  }
  let o = m.get(day);
  if (o === undefined) {
    if (m.size > 200_000) m.clear();
    o = rawOffset(timeZone, day * DAY);
    m.set(day, o);
  }
  return o;
}

/** The first whole minute of UTC day `day` whose offset is no longer `from` (transitions fall on whole minutes). */
function transitionIn(timeZone: string, day: number, from: number): number {
  let m = transitions.get(timeZone);
  if (!m) {
    m = new Map();
    transitions.set(timeZone, m);
  }
  let t = m.get(day);
  if (t === undefined) {
    let lo = 0; // offset still `from`
    let hi = 1440; // offset changed
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (rawOffset(timeZone, day * DAY + mid * MINUTE) === from) lo = mid;
      else hi = mid;
    }
    t = day * DAY + hi * MINUTE;
    m.set(day, t);
  }
  return t;
}

/** The zone's UTC offset (ms) at instant `t`. */
export function offsetAt(timeZone: string, t: number): number {
  const day = Math.floor(t / DAY);
  const a = dayStartOffset(timeZone, day);
  const b = dayStartOffset(timeZone, day + 1);
  if (a === b) return a;
  return t < transitionIn(timeZone, day, a) ? a : b;
}

/** The instant of wall time y-m-d h:mi in `timeZone` ("compatible"). */
export function wallToInstant(y: number, m: number, d: number, h: number, mi: number, timeZone: string): number {
  const wall = Date.UTC(y, m - 1, d, h, mi);
  if (y < 1900 || y > 2200) return temporal(y, m, d, h, mi, timeZone);
  const before = offsetAt(timeZone, wall - DAY);
  const after = offsetAt(timeZone, wall + DAY);
  const a = wall - before;
  const aValid = offsetAt(timeZone, a) === before;
  if (before === after) return aValid ? a : temporal(y, m, d, h, mi, timeZone);
  const b = wall - after;
  const bValid = offsetAt(timeZone, b) === after;
  if (aValid && bValid) return Math.min(a, b); // repeated: the first occurrence
  if (aValid) return a;
  if (bValid) return b;
  // In the gap: the offset before the transition puts the time forward by the gap.
  return a;
}

function temporal(y: number, m: number, d: number, h: number, mi: number, timeZone: string): number {
  return Temporal.PlainDateTime.from({ year: y, month: m, day: d, hour: h, minute: mi }).toZonedDateTime(timeZone, {
    disambiguation: "compatible",
  }).epochMilliseconds;
}
