import type { Slot } from "./expand";

/**
 * The cycle patterns roster-rules.md says must be expressible, as starting points for the console's roster form:
 * slots, cycle length and one cycle per team. Pure; the form may change anything before saving.
 */
export type PresetId = "4on4off" | "panama" | "weekdays";
export type Preset = {
  id: PresetId;
  label: string;
  cycleLength: number;
  slots: Slot[];
  teams: { name: string; cycle: (string | null)[] }[];
  /** The anchor must fall on this ISO weekday (1 = Monday) for the pattern to mean what it says. */
  anchorWeekday?: number;
};

const DAY_NIGHT: Slot[] = [
  { id: "day", name: "Day", start: "07:00", end: "19:00" },
  { id: "night", name: "Night", start: "19:00", end: "07:00" },
];

/** Rotates a cycle right by k days: day i of the result is day i − k of the input. */
export function rotate<T>(cycle: T[], k: number): T[] {
  const n = cycle.length;
  return cycle.map((_, i) => cycle[(((i - k) % n) + n) % n]!);
}

// 4 days, 4 nights, 8 off: four teams a quarter-cycle apart give one day team and one night team every day.
const FOUR: (string | null)[] = [
  "day",
  "day",
  "day",
  "day",
  "night",
  "night",
  "night",
  "night",
  ...Array(8).fill(null),
];
// 2-2-3 "Panama": on 2, off 2, on 3, off 2, on 2, off 3; the second team of each slot works the other days.
const PANAMA = [1, 1, 0, 0, 1, 1, 1, 0, 0, 1, 1, 0, 0, 0];

export const PRESETS: Preset[] = [
  {
    id: "4on4off",
    label: "4-on-4-off day/night (16 days, four teams)",
    cycleLength: 16,
    slots: DAY_NIGHT,
    teams: ["A", "B", "C", "D"].map((name, k) => ({ name: `Team ${name}`, cycle: rotate(FOUR, 4 * k) })),
  },
  {
    id: "panama",
    label: "2-2-3 Panama (14 days, four teams)",
    cycleLength: 14,
    slots: DAY_NIGHT,
    teams: [
      { name: "Day A", cycle: PANAMA.map((x) => (x ? "day" : null)) },
      { name: "Day B", cycle: PANAMA.map((x) => (x ? null : "day")) },
      { name: "Night A", cycle: PANAMA.map((x) => (x ? "night" : null)) },
      { name: "Night B", cycle: PANAMA.map((x) => (x ? null : "night")) },
    ],
  },
  {
    id: "weekdays",
    label: "Weekdays 08:00–17:00 (7 days, one team)",
    cycleLength: 7,
    slots: [{ id: "office", name: "Office", start: "08:00", end: "17:00" }],
    teams: [{ name: "Office", cycle: ["office", "office", "office", "office", "office", null, null] }],
    anchorWeekday: 1,
  },
];

/** The first date on or after `date` (YYYY-MM-DD) that falls on ISO weekday `weekday`. */
export function nextWeekday(date: string, weekday: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  const iso = ((d.getUTCDay() + 6) % 7) + 1;
  d.setUTCDate(d.getUTCDate() + ((weekday - iso + 7) % 7));
  return d.toISOString().slice(0, 10);
}
