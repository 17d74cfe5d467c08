import type { DbOrTx } from "@/db";
import { intakeQuarters } from "@/server/intake-stats/queries";
import { strictestAckTarget, toDemands, toOverrides, toRosters, toTimeOff } from "./assemble";
import { attributeBreaches, countBreaches } from "./attribution";
import { chooseAssignee } from "./auto-assign";
import { applyOverrides, dutySpans, onDutyAt } from "./changes";
import { customersInCoverageAt } from "./coverage-now";
import { type Skill, type Staff, skillsNeeded, type Tier } from "./demand";
import { dateOfEpochDay, expandRoster, type ShiftInstance } from "./expand";
import { arrivalRates, FORECAST_WEEKS, forecastHeadcount, type Policy } from "./forecast";
import { computeGaps } from "./gaps";
import * as q from "./queries";

const DAY = 86_400_000;

export type PlanSettings = Awaited<ReturnType<typeof q.getSettings>>;
export const policyOf = (s: PlanSettings): Policy => ({
  minOnDuty: s.minOnDuty,
  handlingMinutes: s.handlingMinutes,
  serviceGoal: s.serviceGoal,
  maxOccupancy: s.maxOccupancy,
  shrinkageBp: s.shrinkageBp,
});

/**
 * What every plan needs whatever its window: rosters, staff, settings, every contract version's demand and the
 * forecast from the intake of the forecast's weeks up to `now`, read and worked out once. The roster page's three
 * views share one per request (`requestMemo`).
 */
export async function readPlanBasics(db: DbOrTx, now: number) {
  const [rows, staffRows, settings, versions, quarters] = await Promise.all([
    q.listRosterRows(db),
    q.listStaff(db),
    q.getSettings(db),
    q.listAllContractVersions(db),
    intakeQuarters(db, new Date(now - FORECAST_WEEKS * 7 * DAY), new Date(now)),
  ]);
  const staff = new Map<string, Staff & { name: string; email: string; role: string }>(
    staffRows.map((s) => [
      s.userId,
      {
        userId: s.userId,
        name: s.name,
        email: s.email,
        role: s.role,
        level: s.level ?? 1,
        skills: s.skills ?? [],
        languages: s.languages ?? [],
      },
    ]),
  );
  const demands = toDemands(versions);
  const policy = policyOf(settings);
  const targetMinutes = strictestAckTarget(versions, demands, now);
  const arrivals = quarters.map((x) => ({ at: x.at, count: x.needingTriage }));
  const forecast = forecastHeadcount(arrivalRates(arrivals, now), policy, targetMinutes);
  return { rows, rosters: toRosters(rows), staff, settings, policy, demands, targetMinutes, forecast };
}
export type PlanBasics = Awaited<ReturnType<typeof readPlanBasics>>;

/**
 * Everything the roster views, the gap guard and the jobs need for [from, to): the expanded instances after overrides,
 * time off, staff, demand, the forecast and the gaps. One read of the tables (the window-free part may be given,
 * shared by several plans), then pure code.
 */
export async function loadPlan(db: DbOrTx, from: number, to: number, now: number, shared?: Promise<PlanBasics>) {
  const dateFrom = dateOfEpochDay(Math.floor(from / DAY) - 2);
  const dateTo = dateOfEpochDay(Math.floor(to / DAY) + 2);
  const [basics, overrideRows, offRows] = await Promise.all([
    shared ?? readPlanBasics(db, now),
    q.listOverrides(db, dateFrom, dateTo),
    q.listTimeOff(db, new Date(from - 2 * DAY), new Date(to + 2 * DAY), ["approved"]),
  ]);
  const { rosters, staff, demands, policy, forecast } = basics;
  const timeOff = toTimeOff(offRows);
  const planned = rosters.flatMap((r) => expandRoster(r, from, to));
  const instances = applyOverrides(planned, toOverrides(overrideRows));
  const { gaps, hours } = computeGaps({
    from,
    to,
    duty: dutySpans(instances, timeOff),
    staff,
    demands,
    forecast: forecast.map((f) => f.headcount),
    policy,
  });
  return { ...basics, planned, instances, overrideRows, offRows, timeOff, gaps, hours };
}

export type Plan = Awaited<ReturnType<typeof loadPlan>>;

/** The rows shifts around [from, to) are made from: rosters, staff, overrides and approved time off (two days' margin). */
function readShiftRows(db: DbOrTx, from: number, to: number) {
  return Promise.all([
    q.listRosterRows(db),
    q.listStaff(db),
    q.listOverrides(db, dateOfEpochDay(Math.floor(from / DAY) - 2), dateOfEpochDay(Math.floor(to / DAY) + 2)),
    q.listTimeOff(db, new Date(from - 2 * DAY), new Date(to + 2 * DAY), ["approved"]),
  ]);
}

/**
 * The shifts of [from, to) after overrides, the approved time off around them and the staff: what "on duty" needs,
 * without the demand, the alert history, the forecast and the gaps that `loadPlan` also reads (those scan weeks of
 * alerts: "on duty now" is in every console page's header).
 */
export async function loadShifts(db: DbOrTx, from: number, to: number) {
  const [rows, staffRows, overrideRows, offRows] = await readShiftRows(db, from, to);
  const rosters = toRosters(rows);
  const instances = applyOverrides(
    rosters.flatMap((r) => expandRoster(r, from, to)),
    toOverrides(overrideRows),
  );
  return { rosters, instances, timeOff: toTimeOff(offRows), staffRows };
}

/** Provider-wide (staff only): the ids of the customers whose contracted coverage counts at `now`. */
export async function loadCustomersInCoverage(db: DbOrTx, now: number): Promise<string[]> {
  return customersInCoverageAt(toDemands(await q.listAllContractVersions(db)), now);
}

/**
 * The auto-assignee of a new incident of a customer at `now` (provider setting `autoAssign`, off by
 * default): round robin over the people on duty then who hold the skills its tier and its contract need. Null when
 * off or nobody qualifies.
 */
export async function pickAutoAssignee(
  db: DbOrTx,
  need: { tier: Tier; extraSkills?: readonly string[] },
  now: number,
): Promise<string | null> {
  const settings = await q.getSettings(db);
  if (!settings.autoAssign) return null;
  const { instances, timeOff, staffRows } = await loadShifts(db, now - DAY, now + DAY);
  const onDuty = new Set(onDutyAt(instances, timeOff, now));
  const staff = staffRows
    .filter((s) => onDuty.has(s.userId))
    .map((s) => ({ userId: s.userId, level: s.level ?? 1, skills: s.skills ?? [], languages: s.languages ?? [] }));
  const needed = skillsNeeded({ tier: need.tier, extraSkills: (need.extraSkills ?? []) as Skill[] });
  if (chooseAssignee(staff, needed, 0) === null) return null;
  return chooseAssignee(staff, needed, await q.takeAssignCursor(db));
}

/**
 * Provider-wide (staff only): the number of instants in `at` (breach instants) per shift instance and per roster, and
 * the shifts and people on duty at each instant in `detail` (by default `at`; a page of a longer list counts every
 * breach but names the shifts of its own rows only). Rosters are expanded only around each instant, so any span of
 * instants is cheap.
 */
export async function loadBreachAttribution(db: DbOrTx, at: number[], detail: number[] = at) {
  if (at.length === 0 && detail.length === 0) return { perBreach: [], perShift: [], perRoster: [] };
  const instants = new Set([...at, ...detail]);
  // A loop, not Math.min(...at): tens of thousands of arguments overflow the stack.
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const t of instants) {
    if (t < lo) lo = t;
    if (t > hi) hi = t;
  }
  const [rows, staffRows, overrideRows, offRows] = await readShiftRows(db, lo, hi);
  const rosters = toRosters(rows);
  // Expanded a UTC day at a time, only the days holding an instant: every shift containing an instant overlaps its
  // day, and a month's thousands of breaches share some thirty days (an expansion per instant, in each roster's zone,
  // took half a second for 3,700 breaches). Shifts that contain no instant count for nothing below.
  const days = new Set<number>();
  for (const t of instants) days.add(Math.floor(t / DAY));
  const unique = new Map<string, ShiftInstance>();
  for (const d of days)
    for (const r of rosters)
      for (const i of expandRoster(r, d * DAY, (d + 1) * DAY)) unique.set(`${i.teamId}|${i.date}|${i.slotId}`, i);
  const ordered = [...unique.values()].sort((a, b) => a.start - b.start || a.teamId.localeCompare(b.teamId));
  const instances = applyOverrides(ordered, toOverrides(overrideRows));
  const names = new Map(staffRows.map((s) => [s.userId, s.name]));
  const timeOff = toTimeOff(offRows);
  const counted = countBreaches(rosters, instances, at);
  const { perBreach } = attributeBreaches(rosters, instances, timeOff, detail);
  return {
    perBreach: perBreach.map((list) =>
      list.map((s) => ({ ...s, people: s.people.map((id) => ({ id, name: names.get(id) ?? "Former analyst" })) })),
    ),
    perShift: counted.perShift,
    perRoster: counted.perRoster,
  };
}
