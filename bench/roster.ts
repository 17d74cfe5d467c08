/**
 * Roster benchmark (pure code, no database): 3 rosters × 40 analysts expanded for 90 days, overrides and time off
 * applied, gaps computed against 1,000 contracts (24x7 and business hours in several zones); then "on duty now".
 * Run: npx tsx bench/roster.ts
 */
import { applyOverrides, dutySpans, type Override, onDutyAt, type TimeOff } from "@/server/roster/changes";
import type { CustomerDemand, Staff, Tier } from "@/server/roster/demand";
import { expandRoster, type Roster } from "@/server/roster/expand";
import { computeGaps } from "@/server/roster/gaps";
import type { Calendar } from "@/server/sla/calendar";
import { rosterShapes } from "./scale/roster";

const DAY = 86_400_000;
const from = Date.parse("2026-03-01T00:00:00Z"); // spans both DST changes of Berlin and Chicago
const to = from + 90 * DAY;
const SKILLS = ["endpoint", "network", "cloud", "identity", "log"];

// The scale data set's rosters: three zones, four teams of ten on a 4-on-4-off day/night cycle each.
const rosters: Roster[] = rosterShapes("2026-01-05", (r, k) => Array.from({ length: 10 }, (_, m) => `u${r}-${k}-${m}`));
const staff = new Map<string, Staff>();
for (const r of rosters)
  for (const t of r.teams)
    for (const [i, u] of t.members.entries())
      staff.set(u, {
        userId: u,
        level: (i % 3) + 1,
        skills: [SKILLS[i % 5]!, SKILLS[(i + 2) % 5]!],
        languages: i % 4 ? ["en"] : ["en", "de"],
      });
const overrides: Override[] = Array.from({ length: 200 }, (_, i) => ({
  kind: "replace" as const,
  teamId: `r${i % 3}t${i % 4}`,
  date: new Date(from + (i % 90) * DAY).toISOString().slice(0, 10),
  slotId: i % 2 ? "day" : "night",
  userId: `u${i % 3}-${i % 4}-${i % 10}`,
  replacementId: `u${(i + 1) % 3}-${i % 4}-${i % 10}`,
}));
const timeOff: TimeOff[] = Array.from({ length: 300 }, (_, i) => ({
  userId: `u${i % 3}-${i % 4}-${i % 10}`,
  from: from + i * 7 * 3_600_000,
  to: from + i * 7 * 3_600_000 + 2 * DAY,
}));
const ZONES = [
  "Europe/Berlin",
  "Europe/London",
  "America/New_York",
  "America/Chicago",
  "Asia/Singapore",
  "Australia/Sydney",
  "Asia/Kolkata",
];
const TIERS: Tier[] = ["mdr", "mndr", "mxdr", "mss"];
const demands: CustomerDemand[] = Array.from({ length: 1000 }, (_, i) => {
  const calendar: Calendar =
    i % 3 === 0
      ? {
          kind: "business",
          timeZone: ZONES[i % ZONES.length]!,
          weekdays: Object.fromEntries([1, 2, 3, 4, 5].map((d) => [d, [{ start: "08:00", end: "18:00" }]])),
          holidays: ["2026-04-03", "2026-05-01"],
        }
      : { kind: "24x7" };
  return {
    customerId: `c${i}`,
    customerName: `Customer ${i}`,
    calendar,
    from: 0,
    to: 8.64e15,
    tier: TIERS[i % 4]!,
    extraSkills: [],
    languages: i % 50 === 0 ? ["de"] : [],
    critical: i % 2 === 0,
  };
});
const forecast = Array.from({ length: 168 }, (_, h) => (h % 24 >= 8 && h % 24 < 20 ? 6 : 3));

function run() {
  const t0 = performance.now();
  const instances = applyOverrides(
    rosters.flatMap((r) => expandRoster(r, from, to)),
    overrides,
  );
  const t1 = performance.now();
  const { gaps } = computeGaps({
    from,
    to,
    duty: dutySpans(instances, timeOff),
    staff,
    demands,
    forecast,
    policy: { minOnDuty: 2 },
  });
  const t2 = performance.now();
  return { expand: t1 - t0, gaps: t2 - t1, total: t2 - t0, instances, gapCount: gaps.length };
}

const runs = Array.from({ length: 7 }, run);
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const last = runs[runs.length - 1]!;
console.log(`instances: ${last.instances.length}, gaps: ${last.gapCount}`);
console.log(`expand 90 days: median ${med(runs.map((r) => r.expand)).toFixed(0)} ms`);
console.log(`gaps vs 1,000 contracts: median ${med(runs.map((r) => r.gaps)).toFixed(0)} ms`);
console.log(
  `total: median ${med(runs.map((r) => r.total)).toFixed(0)} ms, first (cold) ${runs[0]!.total.toFixed(0)} ms`,
);

// "On duty now": expand a two-day window around now and ask who is on at t (what the header does after its read).
const times: number[] = [];
for (let i = 0; i < 200; i++) {
  const t = from + i * 9_876_543;
  const a = performance.now();
  const window = applyOverrides(
    rosters.flatMap((r) => expandRoster(r, t - DAY, t + DAY)),
    overrides,
  );
  onDutyAt(window, timeOff, t);
  times.push(performance.now() - a);
}
console.log(
  `on duty now: median ${med(times).toFixed(2)} ms, p95 ${[...times].sort((a, b) => a - b)[190]!.toFixed(2)} ms`,
);
