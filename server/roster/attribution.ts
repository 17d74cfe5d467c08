import { instantIndex, type TimeOff } from "./changes";
import type { Roster, ShiftInstance } from "./expand";

/**
 * Breach attribution (roster-rules.md, "Attribution"): each breach instant → the shift instances containing it and
 * the people on duty then (after overrides, minus time off), plus the number of breaches per shift instance and per
 * roster. Pure.
 */
export type ShiftRef = { key: string; roster: string; team: string; slot: string; date: string; people: string[] };

export function attributeBreaches(
  rosters: Roster[],
  instances: ShiftInstance[],
  timeOff: TimeOff[],
  at: number[],
  /** `false`: the counts only (each breach's shifts without who was on duty: thousands of breaches, no names shown). */
  people = true,
) {
  const byId = new Map(rosters.map((r) => [r.id, r]));
  const lookup = instantIndex(instances, timeOff);
  const counts = new Map<string, { shift: Omit<ShiftRef, "people">; breaches: number }>();
  const rosterCounts = new Map<string, number>();
  const perBreach = at.map((t) => {
    const here = lookup.containing(t);
    // A breach counts once per roster, however many of its shifts overlap then (a handover).
    for (const id of new Set(here.map((i) => i.rosterId))) rosterCounts.set(id, (rosterCounts.get(id) ?? 0) + 1);
    return here.map((i): ShiftRef => {
      const r = byId.get(i.rosterId);
      const shift = {
        key: `${i.teamId}|${i.date}|${i.slotId}`,
        roster: r?.name ?? "",
        team: r?.teams.find((x) => x.id === i.teamId)?.name ?? "",
        slot: r?.slots.find((s) => s.id === i.slotId)?.name ?? i.slotId,
        date: i.date,
      };
      const c = counts.get(shift.key) ?? { shift, breaches: 0 };
      c.breaches += 1;
      counts.set(shift.key, c);
      return { ...shift, people: people ? lookup.onDuty(i, t).sort() : [] };
    });
  });
  const perShift = [...counts.values()].sort(
    (a, b) =>
      b.breaches - a.breaches || a.shift.date.localeCompare(b.shift.date) || a.shift.key.localeCompare(b.shift.key),
  );
  const perRoster = [...rosterCounts]
    .map(([id, breaches]) => ({ rosterId: id, roster: byId.get(id)?.name ?? "", breaches }))
    .sort((a, b) => b.breaches - a.breaches || a.roster.localeCompare(b.roster));
  return { perBreach, perShift, perRoster };
}
