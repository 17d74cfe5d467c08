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
};
export type TenantContext = ActorContext & { tenant: TenantId };
