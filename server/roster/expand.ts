import { Temporal } from "temporal-polyfill";
import { wallToInstant } from "@/server/wall-time";

/**
 * Shift patterns (roster-rules.md, "Shifts"): a roster has a zone, named slots (local wall-clock spans, ending on the
 * next local date when end ≤ start) and a cycle of L days from an anchor local date saying, per team and day, which
 * slot the team works. Pure: no clock, no I/O.
 */
export type Slot = { id: string; name: string; start: string; end: string };
export type Team = { id: string; name: string; members: string[] };
export type Roster = {
  id: string;
  name: string;
  timeZone: string;
  anchor: string;
  cycleLength: number;
  slots: Slot[];
  /** teamId → per cycle day, the slot id worked or null (off). */
  cycle: Record<string, (string | null)[]>;
  teams: Team[];
};
export type ShiftInstance = {
  rosterId: string;
  teamId: string;
  slotId: string;
  /** The local date on which it starts (YYYY-MM-DD). */
  date: string;
  start: number;
  end: number;
  members: string[];
};

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export const isTime = (s: string) => HHMM.test(s);

/** Days since 1970-01-01 of a calendar date: pure date arithmetic, no zone and no hours involved. */
export function epochDay(date: string): number {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return Math.round(Date.UTC(y, m - 1, d) / 86_400_000);
}

export function dateOfEpochDay(n: number): string {
  return new Date(n * 86_400_000).toISOString().slice(0, 10);
}

/** Day i of the cycle for local date d: (d − anchor) mod L in whole local days, also before the anchor. */
export function cycleDay(date: string, anchor: string, length: number): number {
  const diff = epochDay(date) - epochDay(anchor);
  return ((diff % length) + length) % length;
}

/** A local wall time on a local date as an instant, with "compatible" disambiguation. */
export function localInstant(date: string, hhmm: string, timeZone: string): number {
  const [h, m] = hhmm.split(":").map(Number) as [number, number];
  return wallToInstant(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)), h, m, timeZone);
}

export function localDateOf(instant: number, timeZone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(instant).toZonedDateTimeISO(timeZone).toPlainDate().toString();
}

/** The instants a slot covers when it starts on local date `date`. */
export function slotSpan(slot: Slot, date: string, timeZone: string): [number, number] {
  const start = localInstant(date, slot.start, timeZone);
  const endDate = slot.end <= slot.start ? dateOfEpochDay(epochDay(date) + 1) : date;
  return [start, localInstant(endDate, slot.end, timeZone)];
}

export function validateRoster(r: Omit<Roster, "teams"> & { teams: { id: string; name?: string }[] }): string[] {
  const errors: string[] = [];
  try {
    Temporal.Now.zonedDateTimeISO(r.timeZone);
  } catch {
    errors.push(`"${r.timeZone}" is not an IANA time zone (e.g. Europe/Berlin).`);
  }
  if (!DATE.test(r.anchor) || Number.isNaN(epochDay(r.anchor))) errors.push(`The anchor "${r.anchor}" is not a date.`);
  if (!Number.isInteger(r.cycleLength) || r.cycleLength < 1 || r.cycleLength > 56)
    errors.push("The cycle is 1 to 56 days long.");
  const slotIds = new Set(r.slots.map((s) => s.id));
  if (slotIds.size !== r.slots.length) errors.push("Two shifts have the same id; give each shift its own name.");
  for (const s of r.slots) {
    if (!isTime(s.start)) errors.push(`Shift ${s.name}: start "${s.start}" is not a time (HH:MM).`);
    if (!isTime(s.end)) errors.push(`Shift ${s.name}: end "${s.end}" is not a time (HH:MM).`);
  }
  for (const t of r.teams) {
    const name = t.name ?? t.id;
    const days = r.cycle[t.id] ?? [];
    if (days.length !== r.cycleLength)
      errors.push(`Team ${name}: the cycle has ${days.length} days, not ${r.cycleLength}.`);
    const unknown = days.find((d) => d !== null && !slotIds.has(d));
    if (unknown) errors.push(`Team ${name} works shift "${unknown}", which the roster no longer has.`);
  }
  return errors;
}

/** Every instance overlapping [from, to) (start < to and end > from), in start order. */
export function expandRoster(r: Roster, from: number, to: number): ShiftInstance[] {
  if (to <= from) return [];
  const slots = new Map(r.slots.map((s) => [s.id, s]));
  // A shift that started the previous local date can still run at `from`; one local day of margin each side suffices
  // for shifts up to 24 h.
  const first = epochDay(localDateOf(from, r.timeZone)) - 1;
  const last = epochDay(localDateOf(to, r.timeZone));
  const spans = new Map<string, [number, number]>();
  const out: ShiftInstance[] = [];
  for (let day = first; day <= last; day++) {
    const date = dateOfEpochDay(day);
    const i = cycleDay(date, r.anchor, r.cycleLength);
    for (const team of r.teams) {
      const slotId = r.cycle[team.id]?.[i];
      const slot = slotId ? slots.get(slotId) : undefined;
      if (!slot) continue;
      const key = `${date}|${slot.id}`;
      let span = spans.get(key);
      if (!span) {
        span = slotSpan(slot, date, r.timeZone);
        spans.set(key, span);
      }
      if (span[1] <= span[0] || span[0] >= to || span[1] <= from) continue;
      out.push({
        rosterId: r.id,
        teamId: team.id,
        slotId: slot.id,
        date,
        start: span[0],
        end: span[1],
        members: [...team.members],
      });
    }
  }
  return out.sort((a, b) => a.start - b.start || a.teamId.localeCompare(b.teamId));
}

export const instanceKey = (i: { teamId: string; date: string; slotId: string }) => `${i.teamId}|${i.date}|${i.slotId}`;
