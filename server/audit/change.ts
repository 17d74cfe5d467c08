import type { Db, Tx } from "@/db";
import { deliverQueued } from "@/server/email/send";
import type { ActorContext } from "@/server/tenancy/tenant";
import { type AuditActor, type AuditInput, actorOf, recordAudit } from "./service";

/** An audit entry of a change; it names the context's actor unless `by` names another (a new user accepting). */
export type AuditEntry = Omit<AuditInput, keyof AuditActor> & { by?: AuditActor };

/** What a change may ask for beyond its rows: e-mail delivered after commit, and other after-commit work. */
export type ChangeEffects = {
  /** Outbox ids to deliver once the change has committed (nothing is sent if it rolls back). */
  mail: (ids: readonly string[]) => void;
  /** Work that must follow the commit (cache invalidation, worker kicks); it runs after the mail. */
  afterCommit: (fn: () => unknown) => void;
};

/** Who is acting: a request's or script's context, or only a database when each entry names its actor (`by`). */
export type ChangeContext = { db: Db } & Partial<Pick<ActorContext, "user" | "system">>;

/**
 * One audited change: one transaction that runs the change, writes its audit entries (in the same transaction, so
 * both commit or neither does), and, after commit, delivers the e-mail it queued and runs its after-commit work.
 * Permission checks and input checks that need no transaction stay with the caller, before the call.
 */
export async function auditedChange<T>(
  ctx: ChangeContext,
  fn: (tx: Tx, effects: ChangeEffects) => Promise<{ result: T; audit: AuditEntry | readonly AuditEntry[] }>,
): Promise<T> {
  const mail: string[] = [];
  const after: (() => unknown)[] = [];
  const effects: ChangeEffects = { mail: (ids) => mail.push(...ids), afterCommit: (f) => after.push(f) };
  const result = await ctx.db.transaction(async (tx) => {
    const { result, audit } = await fn(tx, effects);
    for (const { by, ...entry } of ([] as AuditEntry[]).concat(audit)) {
      await recordAudit(tx, { ...(by ?? actorOf(requireActor(ctx))), ...entry });
    }
    return result;
  });
  if (mail.length) await deliverQueued(ctx.db, mail);
  for (const f of after) await f();
  return result;
}

function requireActor(ctx: ChangeContext): Pick<ActorContext, "user" | "system"> {
  if (!ctx.user) throw new Error("An audit entry needs an actor: pass a context with a user or name one with `by`.");
  return { user: ctx.user, system: ctx.system };
}
