import type { DbOrTx } from "@/db";
import { coverageAt } from "@/server/assets/service";
import { sensorHealthAt } from "@/server/coverage/views";
import type { TenantId } from "@/server/tenancy/tenant";
import { classesSeeing } from "./service";
import { assessAll, tacticVisibility } from "./visibility";

/**
 * Coverage data for the monthly report at the month's end instant (`monthEnd`, exclusive end of the customer's local
 * month): EDR coverage with entitlement, and visibility per tactic. Which classes saw anything at month end comes
 * from the coverage domain's state at that instant (`sensorHealthAt`, the hourly heartbeat rows, the same states as
 * `coverageHealthForMonth`), so the figures stay right after the raw heartbeats are pruned.
 */
export async function monthCoverage(db: DbOrTx, tenant: TenantId, monthEnd: Date) {
  const at = new Date(monthEnd.getTime() - 1);
  const [edr, states] = await Promise.all([coverageAt(db, tenant, at), sensorHealthAt(db, tenant, monthEnd)]);
  const classes = classesSeeing(states);
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
