import { assertCan } from "@/server/auth/permissions";
import { type ActorContext, clockOf } from "@/server/tenancy/tenant";
import { instanceKey } from "./expand";
import { loadPlan } from "./plan";
import * as q from "./queries";

/** Reads about people: my shifts and requests, the managers' inbox, staff profiles, the policy. Staff only. */
const DAY = 86_400_000;

type RosterLike = { id: string; name: string; timeZone: string; slots: { id: string; name: string }[] };
const DATE = new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" });

/** One side of a swap in words: "Tue 8 Dec, Night (Europe/Berlin)"; the date is the roster's local date. */
export function swapSide(rosters: RosterLike[], rosterId: string, date: string, slotId: string): string {
  const r = rosters.find((x) => x.id === rosterId);
  const slot = r?.slots.find((s) => s.id === slotId)?.name ?? slotId;
  const day = DATE.format(new Date(`${date}T00:00:00Z`));
  return r ? `${day}, ${slot} (${r.timeZone.replaceAll("_", " ")})` : `${day}, ${slot}`;
}

export async function myShifts(ctx: ActorContext) {
  assertCan(ctx.actor, "roster:read");
  const now = clockOf(ctx).getTime();
  const [plan, off, swaps] = await Promise.all([
    loadPlan(ctx.db, now - DAY, now + 42 * DAY, now),
    q.listTimeOffOf(ctx.db, ctx.user.id, new Date(now - 30 * DAY)),
    q.listSwaps(ctx.db, ctx.user.id),
  ]);
  const me = ctx.user.id;
  const roster = new Map(plan.rosters.map((r) => [r.id, r]));
  const name = (id: string) => plan.staff.get(id)?.name ?? "Unknown";
  const slotName = (rosterId: string, slotId: string) =>
    roster.get(rosterId)?.slots.find((s) => s.id === slotId)?.name ?? slotId;
  const shifts = plan.instances
    .filter((i) => i.members.includes(me) && i.end > now)
    .map((i) => {
      const r = roster.get(i.rosterId)!;
      return {
        key: instanceKey(i),
        ref: { teamId: i.teamId, date: i.date, slotId: i.slotId },
        roster: r.name,
        timeZone: r.timeZone,
        team: r.teams.find((t) => t.id === i.teamId)?.name ?? "",
        slot: slotName(i.rosterId, i.slotId),
        start: new Date(i.start),
        end: new Date(i.end),
        onTimeOff: plan.timeOff.some((t) => t.userId === me && t.from < i.end && t.to > i.start),
        colleagues: i.members.filter((m) => m !== me).map((id) => ({ id, name: name(id) })),
      };
    });
  // Shifts of others in my rosters that I could ask to swap into.
  const myRosters = new Set(plan.instances.filter((i) => i.members.includes(me)).map((i) => i.rosterId));
  const swapOptions = plan.instances
    .filter((i) => myRosters.has(i.rosterId) && i.start > now && !i.members.includes(me))
    .slice(0, 300)
    .flatMap((i) =>
      i.members.map((m) => ({
        ref: { teamId: i.teamId, date: i.date, slotId: i.slotId },
        userId: m,
        name: name(m),
        slot: slotName(i.rosterId, i.slotId),
        start: new Date(i.start),
      })),
    );
  return {
    shifts,
    swapOptions,
    timeOff: off.map((t) => ({ id: t.id, from: t.startsAt, to: t.endsAt, reason: t.reason, status: t.status })),
    swaps: swaps.map((s) => ({
      id: s.id,
      status: s.status,
      mine: s.requesterId === me,
      requester: name(s.requesterId),
      counterpart: name(s.counterpartId),
      give: swapSide(plan.rosters, s.rosterId, s.requesterDate, s.requesterSlotId),
      take: swapSide(plan.rosters, s.rosterId, s.counterpartDate, s.counterpartSlotId),
      note: s.note,
    })),
  };
}

/** The SOC managers' inbox: time off waiting for a decision and swaps both people agreed to (or still discussing). */
export async function listRequests(ctx: ActorContext) {
  assertCan(ctx.actor, "roster:manage");
  const now = clockOf(ctx).getTime();
  const [off, swaps, staff, rows] = await Promise.all([
    q.listTimeOff(ctx.db, new Date(now - 30 * DAY), new Date(now + 365 * DAY), ["requested"]),
    q.listSwaps(ctx.db, null),
    q.listStaff(ctx.db),
    q.listRosterRows(ctx.db),
  ]);
  const name = new Map(staff.map((s) => [s.userId, s.name]));
  return {
    timeOff: off.map((t) => ({
      id: t.id,
      name: name.get(t.userId) ?? "Unknown",
      from: t.startsAt,
      to: t.endsAt,
      reason: t.reason,
    })),
    swaps: swaps.map((s) => ({
      id: s.id,
      status: s.status,
      requester: name.get(s.requesterId) ?? "Unknown",
      counterpart: name.get(s.counterpartId) ?? "Unknown",
      give: swapSide(rows.rosters, s.rosterId, s.requesterDate, s.requesterSlotId),
      take: swapSide(rows.rosters, s.rosterId, s.counterpartDate, s.counterpartSlotId),
      note: s.note,
    })),
  };
}

/** Every roster with its shifts and teams (cycle and members by name), for the planning page. */
export async function listRosters(ctx: ActorContext) {
  assertCan(ctx.actor, "roster:read");
  const [rows, staff] = await Promise.all([q.listRosterRows(ctx.db), q.listStaff(ctx.db)]);
  const name = new Map(staff.map((s) => [s.userId, s.name]));
  return rows.rosters.map((r) => ({
    id: r.id,
    name: r.name,
    timeZone: r.timeZone,
    anchor: r.anchor,
    cycleLength: r.cycleLength,
    slots: r.slots,
    teams: rows.teams
      .filter((t) => t.rosterId === r.id)
      .map((t) => ({
        id: t.id,
        name: t.name,
        cycle: t.cycle,
        members: rows.members
          .filter((m) => m.teamId === t.id)
          .map((m) => ({ id: m.userId, name: name.get(m.userId) ?? "Former analyst" })),
      })),
  }));
}

export async function listProfiles(ctx: ActorContext) {
  assertCan(ctx.actor, "roster:read");
  const rows = await q.listStaff(ctx.db);
  return rows.map((r) => ({ ...r, level: r.level ?? 1, skills: r.skills ?? [], languages: r.languages ?? [] }));
}

export async function getPolicy(ctx: ActorContext) {
  assertCan(ctx.actor, "roster:read");
  const s = await q.getSettings(ctx.db);
  return {
    minOnDuty: s.minOnDuty,
    handlingMinutes: s.handlingMinutes,
    serviceGoal: s.serviceGoal,
    maxOccupancy: s.maxOccupancy,
    shrinkageBp: s.shrinkageBp,
    autoAssign: s.autoAssign,
  };
}
