import { describe, expect, it } from "vitest";
import { expandRoster, type Roster, validateRoster } from "./expand";
import { nextWeekday, PRESETS, rotate } from "./presets";

const t = (s: string) => new Date(s).getTime();
const DAY = 86_400_000;

function asRoster(id: string, anchor: string, timeZone = "Europe/Berlin"): Roster {
  const p = PRESETS.find((x) => x.id === id)!;
  return {
    id,
    name: p.label,
    timeZone,
    anchor,
    cycleLength: p.cycleLength,
    slots: p.slots,
    cycle: Object.fromEntries(p.teams.map((team, i) => [`t${i}`, team.cycle])),
    teams: p.teams.map((team, i) => ({ id: `t${i}`, name: team.name, members: [`u${i}`] })),
  };
}

/** Slot ids worked on each local date of [from, from + days), per date. */
function perDate(r: Roster, from: string, days: number) {
  const xs = expandRoster(r, t(`${from}T12:00:00Z`), t(`${from}T12:00:00Z`) + days * DAY);
  const out = new Map<string, string[]>();
  for (const x of xs) out.set(x.date, [...(out.get(x.date) ?? []), x.slotId].sort());
  // The first and last dates are cut by the range; keep the whole days between.
  const keys = [...out.keys()].sort();
  out.delete(keys[0]!);
  out.delete(keys[keys.length - 1]!);
  return out;
}

describe("pattern presets", () => {
  it("are valid rosters", () => {
    for (const p of PRESETS) expect(validateRoster(asRoster(p.id, "2026-01-05"))).toEqual([]);
  });
  it("rotates a cycle right", () => {
    expect(rotate([1, 2, 3, 4], 1)).toEqual([4, 1, 2, 3]);
    expect(rotate([1, 2, 3, 4], -1)).toEqual([2, 3, 4, 1]);
  });
  it("4-on-4-off puts exactly one day and one night team on every date, each team 4 days and 4 nights in 16", () => {
    const r = asRoster("4on4off", "2026-01-05");
    const days = perDate(r, "2026-03-20", 40); // across Berlin's spring-forward night
    for (const [date, slots] of days) expect(slots, date).toEqual(["day", "night"]);
    for (const team of PRESETS[0]!.teams) {
      expect(team.cycle.filter((x) => x === "day")).toHaveLength(4);
      expect(team.cycle.filter((x) => x === "night")).toHaveLength(4);
    }
  });
  it("2-2-3 Panama: one day and one night team on every date; a team works 7 of 14 days, never more than 3 in a row", () => {
    const r = asRoster("panama", "2026-01-05", "America/Chicago");
    for (const [date, slots] of perDate(r, "2026-03-01", 30)) expect(slots, date).toEqual(["day", "night"]);
    for (const team of PRESETS[1]!.teams) {
      expect(team.cycle.filter(Boolean)).toHaveLength(7);
      const run = team.cycle
        .concat(team.cycle)
        .map((x) => (x ? "1" : "0"))
        .join("");
      expect(run).not.toContain("1111");
    }
  });
  it("weekdays works Monday to Friday from a Monday anchor", () => {
    const anchor = nextWeekday("2026-01-01", 1);
    expect(anchor).toBe("2026-01-05");
    const r = asRoster("weekdays", anchor);
    const dates = [...perDate(r, "2026-02-27", 18).keys()].filter((d) => d >= "2026-03-02" && d < "2026-03-16");
    expect(dates.map((d) => new Date(`${d}T00:00:00Z`).getUTCDay())).toEqual([1, 2, 3, 4, 5, 1, 2, 3, 4, 5]);
  });
  it("finds the next given weekday", () => {
    expect(nextWeekday("2026-12-07", 1)).toBe("2026-12-07");
    expect(nextWeekday("2026-12-08", 1)).toBe("2026-12-14");
    expect(nextWeekday("2026-12-06", 7)).toBe("2026-12-06");
  });
});
