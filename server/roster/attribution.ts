import { instantIndex, type TimeOff } from "./changes";
import type { Roster, ShiftInstance } from "./expand";

/**
 * Breach attribution (roster-rules.md, "Attribution"): each breach instant → the shift instances containing it and
 * the people on duty then (after overrides, minus time off), plus the number of breaches per shift instance and per
 * roster. Pure.
 */
export type ShiftRef = { key: string; roster: string; team: string; slot: string; date: string; people: string[] };
type Shift = Omit<ShiftRef, "people">;
type ShiftCount = { shift: Shift; breaches: number };
type RosterCount = { rosterId: string; roster: string; breaches: number };

function namer(rosters: Roster[]) {
  const byId = new Map(rosters.map((r) => [r.id, r]));
  return {
    rosterName: (id: string) => byId.get(id)?.name ?? "",
    shift(i: ShiftInstance): Shift {
      const r = byId.get(i.rosterId);
      return {
        key: `${i.teamId}|${i.date}|${i.slotId}`,
        roster: r?.name ?? "",
        team: r?.teams.find((x) => x.id === i.teamId)?.name ?? "",
        slot: r?.slots.find((s) => s.id === i.slotId)?.name ?? i.slotId,
        date: i.date,
      };
    },
  };
}

const byBreaches = (a: ShiftCount, b: ShiftCount) =>
  b.breaches - a.breaches || a.shift.date.localeCompare(b.shift.date) || a.shift.key.localeCompare(b.shift.key);
const rosterOrder = (a: RosterCount, b: RosterCount) => b.breaches - a.breaches || a.roster.localeCompare(b.roster);

export function attributeBreaches(rosters: Roster[], instances: ShiftInstance[], timeOff: TimeOff[], at: number[]) {
  const names = namer(rosters);
  const lookup = instantIndex(instances, timeOff);
  const counts = new Map<string, ShiftCount>();
  const rosterCounts = new Map<string, number>();
  const perBreach = at.map((t) => {
    const here = lookup.containing(t);
    // A breach counts once per roster, however many of its shifts overlap then (a handover).
    for (const id of new Set(here.map((i) => i.rosterId))) rosterCounts.set(id, (rosterCounts.get(id) ?? 0) + 1);
    return here.map((i): ShiftRef => {
      const shift = names.shift(i);
      const c = counts.get(shift.key) ?? { shift, breaches: 0 };
      c.breaches += 1;
      counts.set(shift.key, c);
      return { ...shift, people: lookup.onDuty(i, t).sort() };
    });
  });
  const perShift = [...counts.values()].sort(byBreaches);
  const perRoster = [...rosterCounts]
    .map(([id, breaches]) => ({ rosterId: id, roster: names.rosterName(id), breaches }))
    .sort(rosterOrder);
  return { perBreach, perShift, perRoster };
}

/** How many of the ascending `sorted` lie before `x`. */
function before(sorted: Float64Array, x: number) {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The counts of `attributeBreaches` without naming anyone (the same `perShift` and `perRoster`, equal by test), for
 * tens of thousands of breaches: the instants sorted once, each shift counts the instants in its [start, end) and each
 * roster those in the union of its shifts (a handover overlap counts once), by binary search — O((shifts + breaches)
 * log breaches) instead of a lookup and a few objects per breach.
 */
export function countBreaches(rosters: Roster[], instances: ShiftInstance[], at: number[]) {
  const names = namer(rosters);
  const sorted = Float64Array.from(at).sort();
  const inside = (start: number, end: number) => (end > start ? before(sorted, end) - before(sorted, start) : 0);
  const counts = new Map<string, ShiftCount>();
  const spans = new Map<string, [number, number][]>();
  for (const i of instances) {
    const n = inside(i.start, i.end);
    if (n > 0) {
      const shift = names.shift(i);
      const c = counts.get(shift.key);
      if (c) c.breaches += n;
      else counts.set(shift.key, { shift, breaches: n });
    }
    const list = spans.get(i.rosterId);
    if (list) list.push([i.start, i.end]);
    else spans.set(i.rosterId, [[i.start, i.end]]);
  }
  const perRoster: RosterCount[] = [];
  for (const [rosterId, list] of spans) {
    list.sort((a, b) => a[0] - b[0]);
    let breaches = 0;
    let [from, to] = list[0]!;
    for (const [s, e] of list.slice(1)) {
      if (s <= to) to = Math.max(to, e);
      else {
        breaches += inside(from, to);
        [from, to] = [s, e];
      }
    }
    breaches += inside(from, to);
    if (breaches > 0) perRoster.push({ rosterId, roster: names.rosterName(rosterId), breaches });
  }
  return { perShift: [...counts.values()].sort(byBreaches), perRoster: perRoster.sort(rosterOrder) };
}
