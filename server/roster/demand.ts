import { type Calendar, countedIntervals } from "@/server/sla/calendar";

/**
 * Demand from the contracts in force (roster-rules.md, "Demand"): while a customer's calendar counts, its tier's skills
 * (plus the contract's own), its languages and, with a critical acknowledge target, a senior analyst are required.
 * Pure.
 */
export const SKILLS = ["endpoint", "network", "cloud", "identity", "log"] as const;
export type Skill = (typeof SKILLS)[number];
export type Tier = "mdr" | "mndr" | "mxdr" | "mss";

export const TIER_SKILLS: Record<Tier, Skill[]> = {
  mdr: ["endpoint"],
  mndr: ["network"],
  mxdr: ["endpoint", "network", "cloud"],
  mss: ["log"],
};

export type CustomerDemand = {
  customerId: string;
  customerName: string;
  calendar: Calendar;
  /** The span in which the contract is in force. */
  from: number;
  to: number;
  tier: Tier;
  extraSkills: Skill[];
  languages: string[];
  /** True when the contract sets a critical-severity acknowledge target. */
  critical: boolean;
};

export type Staff = { userId: string; level: number; skills: string[]; languages: string[] };

export const isSenior = (s: Pick<Staff, "level">) => s.level >= 2;

export function skillsNeeded(d: Pick<CustomerDemand, "tier" | "extraSkills">): Skill[] {
  return [...new Set([...TIER_SKILLS[d.tier], ...d.extraSkills])].sort();
}

/**
 * Each demand's counted coverage intervals within [from, to) ∩ its span in force, aligned with `demands`. Calendars are
 * shared by many contracts, so each distinct (calendar, span) is walked once.
 */
export function coverageIntervals(demands: CustomerDemand[], from: number, to: number): [number, number][][] {
  const cache = new Map<string, [number, number][]>();
  return demands.map((d) => {
    const a = Math.max(from, d.from);
    const b = Math.min(to, d.to);
    if (b <= a) return [];
    const key = `${a}|${b}|${JSON.stringify(d.calendar)}`;
    let list = cache.get(key);
    if (!list) {
      list = [...countedIntervals(d.calendar, a, b)];
      cache.set(key, list);
    }
    return list;
  });
}

/** The strictest acknowledge target (minutes) among the given targets; `fallback` when there are none. */
export function strictestTarget(targets: (number | null | undefined)[], fallback: number): number {
  const xs = targets.filter((t): t is number => typeof t === "number" && t > 0);
  return xs.length ? Math.min(...xs) : fallback;
}
