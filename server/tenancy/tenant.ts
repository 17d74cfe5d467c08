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
  /** Reads shared by the procedures of one HTTP request (a tRPC batch): see `requestMemo`. */
  memo?: Map<string, Promise<unknown>>;
};

/**
 * A read made once per HTTP request however many of its batched procedures ask for it (the roster page's three views
 * all read the rosters, staff, contracts and intake history). The memo lives on the request's context, so it is one
 * signed-in person's, never shared across requests or people; `key` must name everything the read depends on beyond
 * that person (its scope, its window). Without a memo (tests, scripts) it just reads.
 */
export function requestMemo<T>(ctx: ActorContext, key: string, read: () => Promise<T>): Promise<T> {
  if (!ctx.memo) return read();
  const known = ctx.memo.get(key) as Promise<T> | undefined;
  if (known) return known;
  const p = read();
  ctx.memo.set(key, p);
  return p;
}

/** The person acting, or null for a script acting as itself (systemContext). */
export const personOf = (ctx: ActorContext) => (ctx.user.id.startsWith("system:") ? null : ctx.user);

export const clockOf = (ctx: { now?: () => Date }) => ctx.now?.() ?? new Date();
export type TenantContext = ActorContext & { tenant: TenantId };

/** A context the staff ladder (or a trusted script) made: provider-wide reads take this, never a customer's. */
export type StaffContext = ActorContext & { actor: Extract<Actor, { side: "staff" }> };

declare const staffWideBrand: unique symbol;
/**
 * A provider-wide read (every customer, or one a staff member picked as a filter): only `staffWide` makes one, and
 * it needs a StaffContext, so a customer's path cannot reach a query without its TenantId.
 */
export type StaffWide = { readonly [staffWideBrand]: true; customerId: string | null };
export const staffWide = (_ctx: StaffContext, customerId?: string | null) =>
  ({ customerId: customerId ?? null }) as StaffWide;

/**
 * Row-derived tenants, the only ones minted outside the ladder and trusted scripts. Staff may act on any customer,
 * so the customer of a row a staff request found (an alert, a report version) is that request's tenant; the
 * StaffContext argument makes a customer's path unable to call it.
 */
export const staffTenantOf = (_ctx: StaffContext, customerId: string) => customerId as TenantId;
/** The tenant a credential's own stored row names: a sensor key, the signed-in user's membership, a queued job. */
export const tenantOfCredentialRow = (row: { customerId: string }) => row.customerId as TenantId;

/** What a tenant-aware read is scoped by: one tenant, or a provider-wide staff read. */
export type ReadScope = TenantId | StaffWide;
/** The customer a ReadScope filters to (null: every customer). */
export const customerOfScope = (s: ReadScope): string | null => (typeof s === "string" ? s : s.customerId);

/** A provider-admin context for trusted scripts; their audit entries are system entries named `label`. */
export function systemContext(db: Db, label: string): StaffContext {
  return {
    db,
    actor: { side: "staff", role: "admin" },
    user: { id: `system:${label}`, name: label, email: "" },
    system: label,
  };
}
