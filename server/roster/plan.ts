import type { DbOrTx } from "@/db";
import { strictestAckTarget, toDemands, toOverrides, toRosters, toTimeOff } from "./assemble";
import { chooseAssignee } from "./auto-assign";
import { applyOverrides, dutySpans, onDutyAt } from "./changes";
import { customersInCoverageAt } from "./coverage-now";
import { type Staff, skillsNeeded, type Tier } from "./demand";
import { dateOfEpochDay, expandRoster } from "./expand";
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
 * Everything the roster views, the gap guard and the jobs need for [from, to): the expanded instances after overrides,
 * time off, staff, demand, the forecast and the gaps. One read of the tables, then pure code.
 */
export async function loadPlan(db: DbOrTx, from: number, to: number, now: number) {
  const dateFrom = dateOfEpochDay(Math.floor(from / DAY) - 2);
  const dateTo = dateOfEpochDay(Math.floor(to / DAY) + 2);
  const [rows, staffRows, settings, versions, hourly, overrideRows, offRows] = await Promise.all([
    q.listRosterRows(db),
    q.listStaff(db),
    q.getSettings(db),
    q.listAllContractVersions(db),
    q.hourlyAlertCounts(db, new Date(now - FORECAST_WEEKS * 7 * DAY), new Date(now)),
    q.listOverrides(db, dateFrom, dateTo),
    q.listTimeOff(db, new Date(from - 2 * DAY), new Date(to + 2 * DAY), ["approved"]),
  ]);
  const rosters = toRosters(rows);
  const overrides = toOverrides(overrideRows);
  const timeOff = toTimeOff(offRows);
  const planned = rosters.flatMap((r) => expandRoster(r, from, to));
  const instances = applyOverrides(planned, overrides);
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
  const forecast = forecastHeadcount(arrivalRates(hourly, now), policy, targetMinutes);
  const { gaps, hours } = computeGaps({
    from,
    to,
    duty: dutySpans(instances, timeOff),
    staff,
    demands,
    forecast: forecast.map((f) => f.headcount),
    policy,
  });
  return {
    rosters,
    rows,
    planned,
    instances,
    overrideRows,
    offRows,
    timeOff,
    staff,
    settings,
    policy,
    demands,
    forecast,
    targetMinutes,
    gaps,
    hours,
  };
}

export type Plan = Awaited<ReturnType<typeof loadPlan>>;

/** Provider-wide (staff only): the ids of the customers whose contracted coverage counts at `now`. */
export async function loadCustomersInCoverage(db: DbOrTx, now: number): Promise<string[]> {
  return customersInCoverageAt(toDemands(await q.listAllContractVersions(db)), now);
}

/**
 * The auto-assignee of a new incident of a customer on `tier` at `now` (provider setting `autoAssign`, off by
 * default): round robin over the people on duty then who hold the tier's skills. Null when off or nobody qualifies.
 */
export async function pickAutoAssignee(db: DbOrTx, tier: Tier, now: number): Promise<string | null> {
  const settings = await q.getSettings(db);
  if (!settings.autoAssign) return null;
  const dateFrom = dateOfEpochDay(Math.floor(now / DAY) - 2);
  const dateTo = dateOfEpochDay(Math.floor(now / DAY) + 2);
  const [rows, staffRows, overrideRows, offRows] = await Promise.all([
    q.listRosterRows(db),
    q.listStaff(db),
    q.listOverrides(db, dateFrom, dateTo),
    q.listTimeOff(db, new Date(now - 2 * DAY), new Date(now + 2 * DAY), ["approved"]),
  ]);
  const instances = applyOverrides(
    toRosters(rows).flatMap((r) => expandRoster(r, now - DAY, now + DAY)),
    toOverrides(overrideRows),
  );
  const onDuty = new Set(onDutyAt(instances, toTimeOff(offRows), now));
  const staff = staffRows
    .filter((s) => onDuty.has(s.userId))
    .map((s) => ({ userId: s.userId, level: s.level ?? 1, skills: s.skills ?? [], languages: s.languages ?? [] }));
  const needed = skillsNeeded({ tier, extraSkills: [] });
  if (chooseAssignee(staff, needed, 0) === null) return null;
  return chooseAssignee(staff, needed, await q.takeAssignCursor(db));
}
