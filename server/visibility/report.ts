import type { DbOrTx } from "@/db";
import { coverageAt } from "@/server/assets/service";
import type { TenantId } from "@/server/tenancy/tenant";
import { visibleClasses } from "./service";
import { assessAll, tacticVisibility } from "./visibility";

/**
 * Coverage data for the monthly report at the month's end instant (`monthEnd`, exclusive end of the customer's local
 * month): EDR coverage with entitlement, and visibility per tactic. The lead merges this with sensor health.
 */
export async function monthCoverage(db: DbOrTx, tenant: TenantId, monthEnd: Date) {
  const at = new Date(monthEnd.getTime() - 1);
  const [edr, classes] = await Promise.all([coverageAt(db, tenant, at), visibleClasses(db, tenant, at)]);
  const tactics = tacticVisibility(assessAll(classes)).map((t) => ({
    id: t.tactic.id,
    name: t.tactic.name,
    ratio: t.ratio,
    techniques: t.techniques,
  }));
  return {
    edr: {
      known: edr.known,
      covered: edr.covered,
      ratio: edr.ratio,
      entitlement: edr.entitlement,
      uncovered: edr.uncovered.length,
    },
    classes,
    tactics,
  };
}
export type MonthCoverage = Awaited<ReturnType<typeof monthCoverage>>;
