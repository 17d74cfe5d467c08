import type { DbOrTx } from "@/db";
import { actorOf, recordAudit } from "@/server/audit/service";
import { deliverQueued } from "@/server/email/send";
import { NotFound } from "@/server/errors";
import { clockOf, personOf, type TenantContext } from "@/server/tenancy/tenant";
import * as q from "./queries";

/** Who a history row names: the person, or the system (engine, seed). */
export function eventActor(ctx: TenantContext) {
  const person = personOf(ctx);
  return person
    ? { actorId: person.id, actorLabel: person.name, actorSide: ctx.actor.side, at: clockOf(ctx) }
    : { actorId: null, actorLabel: ctx.system ?? "System", actorSide: "system" as const, at: clockOf(ctx) };
}

/**
 * One audited change to one recommendation: loads it within the tenant inside the transaction, runs the change
 * (which writes its history rows), writes the audit entry, and delivers e-mail after commit — the shape of
 * `server/incidents/service.ts` `change()`.
 */
export async function changeRec<T>(
  ctx: TenantContext,
  id: string,
  action: string,
  fn: (tx: DbOrTx, rec: q.RecRow, mail: string[]) => Promise<{ result: T; summary?: Record<string, unknown> }>,
): Promise<T> {
  const mail: string[] = [];
  const result = await ctx.db.transaction(async (tx) => {
    const rec = await q.findRec(tx, ctx.tenant, id);
    if (!rec) throw new NotFound("No such recommendation.");
    const { result, summary } = await fn(tx, rec, mail);
    await recordAudit(tx, {
      ...actorOf(ctx),
      customerId: ctx.tenant,
      action: `recommendation.${action}`,
      targetType: "recommendation",
      targetId: id,
      summary: { title: rec.title, ...summary },
    });
    return result;
  });
  if (mail.length) await deliverQueued(ctx.db, mail);
  return result;
}
