import type { DbOrTx } from "@/db";
import { Invalid } from "@/server/errors";
import { findMembership } from "@/server/tenancy/queries";
import type { TenantId } from "@/server/tenancy/tenant";
import { listObservables } from "./queries";
import { type ActionKind, isAllowedTarget, TARGET_REFUSALS } from "./targets";

/** Incidents, their tasks and their alerts are worked by provider staff only: never a customer's user. */
export async function assertStaffUser(db: DbOrTx, userId: string, field: string, what: string) {
  const m = await findMembership(db, userId);
  if (!m || m.customerId !== null) throw new Invalid(`${what} can only be assigned to provider staff.`, field);
}

/** A response action must aim at an entity of the incident: checked at request, approval and execution. */
export async function assertActionTarget(
  tx: DbOrTx,
  tenant: TenantId,
  incidentId: string,
  a: { kind: ActionKind; target: string },
) {
  if (a.kind === "other") return;
  const obs = await listObservables(tx, tenant, incidentId);
  if (!isAllowedTarget(a.kind, a.target, obs)) throw new Invalid(TARGET_REFUSALS[a.kind], "target");
}
