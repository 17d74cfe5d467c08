import type { CoverageJson, SlaTargets } from "@/db/schema/contracts";
import type { SlotJson } from "@/db/schema/roster";
import type { Calendar } from "@/server/sla/calendar";
import type { Override, TimeOff } from "./changes";
import { type CustomerDemand, SKILLS, type Skill, type Tier } from "./demand";
import { dateOfEpochDay, epochDay, localInstant, type Roster } from "./expand";

/** Rows as the database gives them → the pure model. Pure. */
export type RosterRow = {
  id: string;
  name: string;
  timeZone: string;
  anchor: string;
  cycleLength: number;
  slots: SlotJson[];
};
export type TeamRow = { id: string; rosterId: string; name: string; cycle: (string | null)[] };
export type MemberRow = { teamId: string; userId: string };

export function toRosters(rows: { rosters: RosterRow[]; teams: TeamRow[]; members: MemberRow[] }): Roster[] {
  const members = new Map<string, string[]>();
  for (const m of rows.members) members.set(m.teamId, [...(members.get(m.teamId) ?? []), m.userId]);
  return rows.rosters.map((r) => {
    const teams = rows.teams.filter((t) => t.rosterId === r.id);
    return {
      id: r.id,
      name: r.name,
      timeZone: r.timeZone,
      anchor: r.anchor,
      cycleLength: r.cycleLength,
      slots: r.slots,
      cycle: Object.fromEntries(teams.map((t) => [t.id, t.cycle])),
      teams: teams.map((t) => ({ id: t.id, name: t.name, members: members.get(t.id) ?? [] })),
    };
  });
}

export type OverrideRow = {
  kind: "replace" | "add" | "remove";
  teamId: string;
  date: string;
  slotId: string;
  userId: string | null;
  replacementId: string | null;
};

export function toOverrides(rows: OverrideRow[]): Override[] {
  const out: Override[] = [];
  for (const r of rows) {
    const at = { teamId: r.teamId, date: r.date, slotId: r.slotId };
    if (r.kind === "replace" && r.userId && r.replacementId)
      out.push({ kind: "replace", ...at, userId: r.userId, replacementId: r.replacementId });
    else if (r.kind === "add" && r.replacementId) out.push({ kind: "add", ...at, replacementId: r.replacementId });
    else if (r.kind === "remove" && r.userId) out.push({ kind: "remove", ...at, userId: r.userId });
  }
  return out;
}

export const toTimeOff = (rows: { userId: string; startsAt: Date; endsAt: Date }[]): TimeOff[] =>
  rows.map((r) => ({ userId: r.userId, from: r.startsAt.getTime(), to: r.endsAt.getTime() }));

export type VersionRow = {
  customerId: string;
  customerName: string;
  timezone: string;
  effectiveFrom: Date;
  tier: Tier;
  startDate: string;
  endDate: string;
  autoRenew: boolean;
  coverage: CoverageJson;
  slaTargets: SlaTargets;
  /** The contract's own additions to its tier's skills, and the languages it sells. */
  extraSkills: string[];
  languages: string[];
};

const isSkill = (s: string): s is Skill => (SKILLS as readonly string[]).includes(s);

const FOREVER = 8.64e15;

/**
 * Each customer's versions → demand spans: a version is in force from its effective instant until the next one's,
 * within the term (its start date to the day after its end date in the customer's zone; no end when it auto-renews).
 * Rows must be ordered by customer, then effective instant.
 */
export function toDemands(rows: VersionRow[]): CustomerDemand[] {
  const out: CustomerDemand[] = [];
  rows.forEach((v, i) => {
    const next = rows[i + 1];
    const until = next && next.customerId === v.customerId ? next.effectiveFrom.getTime() : FOREVER;
    const termFrom = localInstant(v.startDate, "00:00", v.timezone);
    const termTo = v.autoRenew ? FOREVER : localInstant(dateOfEpochDay(epochDay(v.endDate) + 1), "00:00", v.timezone);
    const from = Math.max(v.effectiveFrom.getTime(), termFrom);
    const to = Math.min(until, termTo);
    if (to <= from) return;
    out.push({
      customerId: v.customerId,
      customerName: v.customerName,
      calendar: v.coverage as Calendar,
      from,
      to,
      tier: v.tier,
      extraSkills: v.extraSkills.filter(isSkill),
      languages: [...new Set(v.languages)].sort(),
      critical: v.slaTargets.critical?.acknowledge != null,
    });
  });
  return out;
}

/** The strictest acknowledge target (minutes) of the versions in force at `now`; 15 when none sets one. */
export function strictestAckTarget(rows: VersionRow[], demands: CustomerDemand[], now: number): number {
  const inForce = new Set(demands.filter((d) => d.from <= now && now < d.to).map((d) => d.customerId));
  let best = Infinity;
  rows.forEach((v, i) => {
    const next = rows[i + 1];
    const current =
      v.effectiveFrom.getTime() <= now &&
      !(next && next.customerId === v.customerId && next.effectiveFrom.getTime() <= now);
    if (!current || !inForce.has(v.customerId)) return;
    for (const sev of Object.values(v.slaTargets))
      if (sev?.acknowledge && sev.acknowledge < best) best = sev.acknowledge;
  });
  return Number.isFinite(best) ? best : 15;
}
