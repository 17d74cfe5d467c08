import { assertCan } from "@/server/auth/permissions";
import { breachInstants } from "@/server/sla/views";
import { CASEWORK, sharedPageRead } from "@/server/tenancy/shared-read";
import { type ActorContext, clockOf, requestMemo, type StaffContext } from "@/server/tenancy/tenant";
import { countBreaches } from "./attribution";
import { instanceKey, type ShiftInstance } from "./expand";
import { hourOfWeek } from "./forecast";
import { HORIZON_DAYS } from "./guard";
import { loadPlan, loadShifts, type Plan, readPlanBasics } from "./plan";

/** The read side of the roster: timeline, gaps, forecast, on duty now, my shifts, requests. Staff only. */
const DAY = 86_400_000;
const HOUR = 3_600_000;

/**
 * The window-free reads of the plan, once for all the views one request asks for (the roster page's timeline, gaps
 * and forecast come in one batch), as of the minute: the views of one request see the same rosters and contracts.
 */
const basicsOf = (ctx: ActorContext, now: number) =>
  requestMemo(ctx, `roster.basics|${Math.floor(now / 60_000)}`, () => readPlanBasics(ctx.db, now));

function nameOf(plan: Plan, id: string) {
  return plan.staff.get(id)?.name ?? "Unknown";
}

/** An instance as the views show it: who is planned, who actually works it, and what changed. */
function describe(plan: Plan, i: ShiftInstance, planned: Map<string, ShiftInstance>, breaches: Map<string, number>) {
  const before = planned.get(instanceKey(i))?.members ?? [];
  const off = new Set(
    plan.timeOff.filter((t) => t.from < i.end && t.to > i.start && i.members.includes(t.userId)).map((t) => t.userId),
  );
  const swapped = new Set(
    plan.overrideRows
      .filter((o) => o.swapId && instanceKey(o) === instanceKey(i))
      .map((o) => o.replacementId)
      .filter((x): x is string => !!x),
  );
  return {
    key: `${i.rosterId}|${instanceKey(i)}`,
    rosterId: i.rosterId,
    teamId: i.teamId,
    slotId: i.slotId,
    date: i.date,
    start: new Date(i.start),
    end: new Date(i.end),
    people: i.members.map((id) => ({
      id,
      name: nameOf(plan, id),
      change: off.has(id)
        ? ("time_off" as const)
        : swapped.has(id)
          ? ("swap" as const)
          : before.includes(id)
            ? null
            : ("override" as const),
    })),
    removed: before.filter((id) => !i.members.includes(id)).map((id) => ({ id, name: nameOf(plan, id) })),
    breaches: breaches.get(instanceKey(i)) ?? 0,
  };
}

function rosterSummaries(plan: Plan) {
  return plan.rosters.map((r) => ({
    id: r.id,
    name: r.name,
    timeZone: r.timeZone,
    anchor: r.anchor,
    cycleLength: r.cycleLength,
    slots: r.slots,
    teams: r.teams.map((t) => ({
      id: t.id,
      name: t.name,
      cycle: r.cycle[t.id] ?? [],
      members: t.members.map((id) => ({ id, name: nameOf(plan, id) })),
    })),
  }));
}

export async function getTimeline(ctx: StaffContext, range: { from: Date; to: Date }) {
  assertCan(ctx.actor, "roster:read");
  return sharedPageRead(ctx, "roster.timeline", range, (c) => readTimeline(c, range));
}

async function readTimeline(ctx: StaffContext, range: { from: Date; to: Date }) {
  const now = clockOf(ctx).getTime();
  const [plan, breached] = await Promise.all([
    loadPlan(ctx.db, range.from.getTime(), range.to.getTime(), now, basicsOf(ctx, now)),
    // The SLA page's breaches of the period (every customer's), read the same way.
    breachInstants(ctx, range.from, range.to),
  ]);
  const planned = new Map(plan.planned.map((i) => [instanceKey(i), i]));
  // Breaches per shift instance: the same attribution as the SLA breach list.
  const { perShift } = countBreaches(plan.rosters, plan.instances, breached);
  const breaches = new Map(perShift.map((s) => [s.shift.key, s.breaches]));
  return {
    rosters: rosterSummaries(plan),
    instances: plan.instances.map((i) => describe(plan, i, planned, breaches)),
    hours: plan.hours.map((h) => ({ ...h, start: new Date(h.start) })),
    gaps: plan.gaps.map((g) => ({ ...g, start: new Date(g.start), end: new Date(g.end) })),
    staff: [...plan.staff.values()]
      .filter((s) => s.role !== "admin")
      .map((s) => ({ id: s.userId, name: s.name, level: s.level, skills: s.skills })),
  };
}

/** Every gap of the next 30 days, with its reasons and the customers in coverage during it. */
export async function listGaps(ctx: ActorContext) {
  assertCan(ctx.actor, "roster:read");
  return sharedPageRead(ctx, "roster.gaps", null, (c) => readGaps(c));
}

async function readGaps(ctx: ActorContext) {
  const now = clockOf(ctx).getTime();
  const plan = await loadPlan(ctx.db, now, now + HORIZON_DAYS * DAY, now, basicsOf(ctx, now));
  return plan.gaps.map((g) => ({ ...g, start: new Date(g.start), end: new Date(g.end) }));
}

/** Required (forecast and policy) vs rostered per UTC hour of the week, over the coming week. */
export async function getForecast(ctx: ActorContext) {
  assertCan(ctx.actor, "roster:read");
  return sharedPageRead(ctx, "roster.forecast", null, (c) => readForecast(c));
}

async function readForecast(ctx: ActorContext) {
  const now = clockOf(ctx).getTime();
  const from = Math.floor(now / HOUR) * HOUR;
  const plan = await loadPlan(ctx.db, from, from + 7 * DAY, now, basicsOf(ctx, now));
  const byHour = new Map(plan.hours.map((h) => [hourOfWeek(h.start), h]));
  return {
    targetMinutes: plan.targetMinutes,
    policy: plan.policy,
    // In time order from this hour, each UTC hour of the week with the instant it next starts at (the views label it
    // in the viewer's zone).
    hours: plan.forecast
      .map((f) => ({
        hour: f.hour,
        start: new Date(from + ((f.hour - hourOfWeek(from) + 168) % 168) * HOUR),
        lambda: f.lambda,
        forecast: f.headcount,
        required: byHour.get(f.hour)?.required ?? f.headcount,
        rostered: byHour.get(f.hour)?.onDuty ?? 0,
      }))
      .sort((a, b) => a.start.getTime() - b.start.getTime()),
  };
}

/** Who is on duty now, and the shifts that start next (within 24 h). */
export async function onDutyNow(ctx: ActorContext) {
  assertCan(ctx.actor, "roster:read");
  // In every console page's header: the same answer for all staff, shared for a few seconds.
  return sharedPageRead(ctx, "roster.onDuty", null, (c) => readOnDuty(c), CASEWORK);
}

async function readOnDuty(ctx: ActorContext) {
  const now = clockOf(ctx).getTime();
  const plan = await loadShifts(ctx.db, now - DAY, now + DAY);
  const rosterName = new Map(plan.rosters.map((r) => [r.id, r]));
  const names = new Map(plan.staffRows.map((s) => [s.userId, s.name]));
  const label = (i: ShiftInstance) => {
    const r = rosterName.get(i.rosterId)!;
    return { roster: r.name, timeZone: r.timeZone, slot: r.slots.find((s) => s.id === i.slotId)?.name ?? i.slotId };
  };
  const off = (id: string, t: number) => plan.timeOff.some((o) => o.userId === id && o.from <= t && t < o.to);
  const current = plan.instances.filter((i) => i.start <= now && now < i.end);
  const nextStart = Math.min(...plan.instances.filter((i) => i.start > now).map((i) => i.start));
  const next = plan.instances.filter((i) => i.start === nextStart);
  const people = (i: ShiftInstance, t: number) =>
    i.members.filter((m) => !off(m, t)).map((id) => ({ id, name: names.get(id) ?? "Unknown" }));
  return {
    now: current.map((i) => ({ ...label(i), end: new Date(i.end), people: people(i, now) })),
    next: next.map((i) => ({ ...label(i), start: new Date(i.start), people: people(i, i.start) })),
  };
}
