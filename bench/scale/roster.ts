/**
 * Follow-the-sun rosters: three zones, four teams each on a 4-on-4-off day/night cycle (so every hour has two teams
 * of one zone on), analysts spread over the teams; then time off, overrides and swaps in proportion. The shape is
 * shared with `bench/roster.ts` (pure) and written to the database for the scale set.
 */
import type postgres from "postgres";
import type { Roster } from "@/server/roster/expand";
import { DAY, type Plan } from "./plan";
import { stream, uuid } from "./random";

export const ROSTER_ZONES = ["Europe/Berlin", "America/Chicago", "Asia/Singapore"];
const FOUR = ["day", "day", "day", "day", "night", "night", "night", "night", ...Array(8).fill(null)] as (
  | string
  | null
)[];
const rot = (k: number) => FOUR.map((_, i) => FOUR[(i - k + 16) % 16] ?? null);

/** Three rosters × four teams; `members` gives each team's people (zone-major, team-minor). */
export function rosterShapes(
  anchor: string,
  members: (zone: number, team: number) => string[],
  ids = (s: string) => s,
): Roster[] {
  return ROSTER_ZONES.map((timeZone, z) => ({
    id: ids(`r${z}`),
    name: timeZone,
    timeZone,
    anchor,
    cycleLength: 16,
    slots: [
      { id: "day", name: "Day", start: "07:00", end: "19:00" },
      { id: "night", name: "Night", start: "19:00", end: "07:00" },
    ],
    cycle: Object.fromEntries([0, 1, 2, 3].map((k) => [ids(`r${z}t${k}`), rot(k * 4)])),
    teams: [0, 1, 2, 3].map((k) => ({ id: ids(`r${z}t${k}`), name: `T${k}`, members: members(z, k) })),
  }));
}

export async function writeRosters(sql: postgres.Sql, plan: Plan, analysts: string[], manager: string) {
  const r = stream(plan.seed, "roster");
  const idOf = new Map<string, string>();
  const ids = (s: string) => {
    if (!idOf.has(s)) idOf.set(s, uuid(r));
    return idOf.get(s)!;
  };
  const anchor = new Date(plan.now.getTime() - 400 * DAY).toISOString().slice(0, 10);
  const shapes = rosterShapes(anchor, (z, k) => analysts.filter((_, i) => i % 12 === z * 4 + k), ids);
  await sql`insert into rosters ${sql(shapes.map((s) => ({ id: s.id, name: s.name, time_zone: s.timeZone, anchor: s.anchor, cycle_length: s.cycleLength, slots: sql.json(s.slots) })))}`;
  await sql`insert into roster_teams ${sql(shapes.flatMap((s) => s.teams.map((t, k) => ({ id: t.id, roster_id: s.id, name: t.name, position: k, cycle: sql.json(s.cycle[t.id]!) }))))}`;
  await sql`insert into roster_members ${sql(shapes.flatMap((s) => s.teams.flatMap((t) => t.members.map((u) => ({ team_id: t.id, user_id: u })))))}`;
  const now = plan.now.getTime();
  const day = (d: number) => new Date(now + d * DAY).toISOString().slice(0, 10);
  // Time off: two weeks a year each over the past and coming months; the coming ones partly still requested.
  const off = analysts.flatMap((u) =>
    [0, 1, 2].map(() => {
      const start = now + Math.floor((r() * 420 - 360) * DAY);
      const future = start > now;
      return {
        user_id: u,
        starts_at: new Date(start),
        ends_at: new Date(start + (1 + Math.floor(r() * 6)) * DAY),
        reason: ["Holiday", "Training", "Family"][Math.floor(r() * 3)]!,
        status: future && r() < 0.4 ? "requested" : "approved",
        decided_by: future && r() < 0.4 ? null : manager,
      };
    }),
  );
  for (let i = 0; i < off.length; i += 1000) await sql`insert into time_off ${sql(off.slice(i, i + 1000))}`;
  const teams = shapes.flatMap((s) => s.teams.map((t) => ({ roster: s.id, team: t.id, members: t.members })));
  const overrides = Array.from({ length: Math.max(10, analysts.length * 2) }, (_, i) => {
    const t = teams[i % teams.length]!;
    const other = teams[(i + 1) % teams.length]!;
    return {
      roster_id: t.roster,
      team_id: t.team,
      date: day(Math.floor(r() * 120) - 60),
      slot_id: i % 2 ? "day" : "night",
      kind: "replace",
      user_id: t.members[i % Math.max(1, t.members.length)] ?? analysts[0]!,
      replacement_id: other.members[i % Math.max(1, other.members.length)] ?? analysts[1 % analysts.length]!,
      note: "Cover",
      created_by: manager,
    };
  });
  await sql`insert into roster_overrides ${sql(overrides)}`;
  const swaps = Array.from({ length: Math.max(3, Math.round(analysts.length / 5)) }, (_, i) => {
    const a = teams[i % teams.length]!;
    const b = teams[(i + 2) % teams.length]!;
    return {
      roster_id: a.roster,
      requester_id: a.members[0] ?? analysts[0]!,
      requester_team_id: a.team,
      requester_date: day(3 + (i % 20)),
      requester_slot_id: "day",
      counterpart_id: b.members[0] ?? analysts[1 % analysts.length]!,
      counterpart_team_id: b.team,
      counterpart_date: day(5 + (i % 20)),
      counterpart_slot_id: "day",
      status: ["requested", "accepted", "declined", "cancelled"][i % 4]!,
    };
  });
  await sql`insert into shift_swaps ${sql(swaps)}`;
  await sql`insert into roster_settings (id) values ('provider') on conflict do nothing`;
  return {
    rosters: shapes.length,
    teams: teams.length,
    timeOff: off.length,
    overrides: overrides.length,
    swaps: swaps.length,
  };
}
