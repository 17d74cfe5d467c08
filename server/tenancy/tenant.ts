import type { Db } from "@/db";
import type { Actor } from "@/server/auth/permissions";

declare const tenantBrand: unique symbol;
/**
 * A customer id that a middleware has checked: the signed-in customer's own organisation, or a customer that a
 * staff member named and that exists. Queries on tenant-owned tables require it; raw client input cannot be one.
 */
export type TenantId = string & { readonly [tenantBrand]: true };

/** Only the procedure ladder (server/trpc/init.ts), trusted scripts (seed, CLI) and tests call this. */
export function mintTenantId(id: string): TenantId {
  return id as TenantId;
}

/** Who is acting, as services see it: enough to check permissions and write the audit entry. */
export type ActorContext = {
  db: Db;
  actor: Actor;
  user: { id: string; name: string; email: string };
  /** Set by trusted callers (seed, admin CLI): the audit log names them instead of a person. */
  system?: string;
  /** The clock for the facts this change records; the seed replays history with it. Default: real time. */
  now?: () => Date;
};

/** The person acting, or null for a script acting as itself (systemContext). */
export const personOf = (ctx: ActorContext) => (ctx.user.id.startsWith("system:") ? null : ctx.user);

export const clockOf = (ctx: { now?: () => Date }) => ctx.now?.() ?? new Date();
export type TenantContext = ActorContext & { tenant: TenantId };

/** A provider-admin context for trusted scripts; their audit entries are system entries named `label`. */
export function systemContext(db: Db, label: string): ActorContext {
  return {
    db,
    actor: { side: "staff", role: "admin" },
    user: { id: `system:${label}`, name: label, email: "" },
    system: label,
  };
}
