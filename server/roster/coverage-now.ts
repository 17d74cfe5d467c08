import { countedIntervals } from "@/server/sla/calendar";
import type { CustomerDemand } from "./demand";

/**
 * The customers in coverage at instant `at` (roster-rules.md, "Demand"): a contract version in force at `at` whose
 * calendar counts that instant (24x7 always does). Sorted, each customer once. Pure.
 */
export function customersInCoverageAt(demands: CustomerDemand[], at: number): string[] {
  const ids = new Set<string>();
  for (const d of demands) {
    if (at < d.from || at >= d.to || ids.has(d.customerId)) continue;
    const next = countedIntervals(d.calendar, at, at + 1).next();
    if (!next.done) ids.add(d.customerId);
  }
  return [...ids].sort();
}
