import type { DbOrTx } from "@/db";
import type { TenantId } from "@/server/tenancy/tenant";
import { markDirty } from "./queries";

/**
 * Marks a customer's facts as changed (intake batch, incident change) so the minute job re-evaluates its rules
 * without waiting for the hourly run. One upsert of one row: cheap enough for every batch.
 */
export async function markFactsChanged(db: DbOrTx, tenant: TenantId) {
  await markDirty(db, tenant);
}
