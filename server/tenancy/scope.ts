import { type SQL, sql } from "drizzle-orm";
import { type Db, type DbOrTx, rowsOf } from "@/db";
import type { TenantId } from "./tenant";

/**
 * The database's second wall (row-level security, migration 0010). Request work runs inside one transaction as the
 * role `wk_app`, which owns nothing and is bound by the `wk_tenant` policy on every table with a `customer_id`:
 * a row is visible and writable only when its customer is `app.customer_id`, or when `app.scope` is `staff` (the
 * staff ladder) or `system` (a credential other than a session established the right: an invitation token).
 * Settings are `SET LOCAL`: they end with the transaction. Jobs, the seed, the CLI and migrations use the
 * connecting (owner) role and are not bound.
 */
export const APP_ROLE = "wk_app";

type Hook = (root: Db) => unknown;
type Scoped = { root: Db; hooks: Hook[] };
const scoped = new WeakMap<object, Scoped>();

/**
 * The database a request's transaction was opened on (`db` itself when it is not one): for work that must outlive the
 * request, in a transaction of its own.
 */
export function rootOf(db: DbOrTx): Db {
  return scoped.get(db)?.root ?? (db as Db);
}

/**
 * Runs `fn` in a transaction as `wk_app` with no scope set yet; after-commit hooks run once it has committed. With
 * `userId` (the signed-in user) the membership policy's `app.user_id` is set in the same round trip as the role.
 */
export function runAsApp<T>(root: Db, fn: (tx: Db) => Promise<T>, userId?: string): Promise<T> {
  const opening = userId
    ? sql`select set_config('role', ${APP_ROLE}, true), set_config('app.user_id', ${userId}, true)`
    : sql.raw(`set local role ${APP_ROLE}`);
  return inAppTransaction(root, opening, fn);
}

/**
 * Runs `fn` in a transaction of its own as `wk_app` in the staff scope for `userId`, role and settings in one round
 * trip: provider-wide work apart from the request that started it (a shared read's refresh).
 */
export function runAsStaff<T>(root: Db, userId: string, fn: (tx: Db) => Promise<T>): Promise<T> {
  const opening = sql`select set_config('role', ${APP_ROLE}, true), set_config('app.user_id', ${userId}, true),
    set_config('app.scope', 'staff', true)`;
  return inAppTransaction(root, opening, fn);
}

/** `opening` must make the transaction's role `wk_app` (and may set the scope in the same round trip). */
async function inAppTransaction<T>(root: Db, opening: SQL, fn: (tx: Db) => Promise<T>): Promise<T> {
  const hooks: Hook[] = [];
  const result = await root.transaction(async (tx) => {
    await tx.execute(opening);
    scoped.set(tx, { root, hooks });
    try {
      return await fn(tx as unknown as Db);
    } finally {
      scoped.delete(tx);
    }
  });
  for (const hook of hooks) {
    try {
      await hook(root);
    } catch (e) {
      console.error("after-commit work failed:", e);
    }
  }
  return result;
}

/** True inside a `runAsApp` transaction (the handle a procedure or intake request was given). */
export function isAppTransaction(db: DbOrTx): boolean {
  return scoped.has(db);
}

/**
 * Work that must follow the real commit (SMTP delivery, kicking the report worker): queued when `db` is a request
 * transaction and run with the process's own handle after COMMIT (never after a rollback); run at once otherwise.
 */
export async function afterCommit(db: DbOrTx, fn: Hook): Promise<void> {
  const s = scoped.get(db);
  if (s) s.hooks.push(fn);
  else await fn(db as Db);
}

async function setting(tx: DbOrTx, name: string, value: string) {
  await tx.execute(sql`select set_config(${name}, ${value}, true)`);
}

/** The signed-in user: lets the membership policy show the user's own row before any tenant is known. */
export const setUserScope = (tx: DbOrTx, userId: string) => setting(tx, "app.user_id", userId);

/** One customer: only its rows are visible or writable. */
export async function setTenantScope(tx: DbOrTx, tenant: TenantId) {
  // One round trip for both settings.
  await tx.execute(
    sql`select set_config('app.customer_id', ${tenant}, true), set_config('app.scope', 'customer', true)`,
  );
}

/** Provider staff: every customer's rows (only the staff ladder sets this). */
export const setStaffScope = (tx: DbOrTx) => setting(tx, "app.scope", "staff");

export type Membership = { customerId: string | null; role: string; customerStatus: string | null };

/**
 * The ladder's rung, in one round trip: reads the signed-in user's membership (visible through the `wk_self` policy:
 * `app.user_id` is set) and, in the same statement, enters the scope that membership gives — `staff` for a provider
 * membership whose role is one of `staffRoles`, the customer for an active customer's membership whose role is one of
 * `customerRoles` — or none. The caller still checks the membership and refuses (rolling the transaction back) when
 * it is not the rung's; the statement only saves the second round trip of setting the scope afterwards.
 */
export async function enterMembershipScope(
  tx: DbOrTx,
  userId: string,
  rung: "staff" | "customer",
  roles: readonly string[],
): Promise<Membership | null> {
  const list = sql`array[${sql.join(
    roles.map((r) => sql`${r}`),
    sql`, `,
  )}]::text[]`;
  const scope =
    rung === "staff"
      ? sql`set_config('app.scope', case when m.customer_id is null and m.role = any(${list}) then 'staff'
          else coalesce(current_setting('app.scope', true), '') end, true)`
      : sql`set_config('app.customer_id', case when m.customer_id is not null and m.role = any(${list})
            and c.status = 'active' then m.customer_id::text
          else coalesce(current_setting('app.customer_id', true), '') end, true),
        set_config('app.scope', case when m.customer_id is not null and m.role = any(${list}) and c.status = 'active'
          then 'customer' else coalesce(current_setting('app.scope', true), '') end, true)`;
  const rows = rowsOf<{ customer_id: string | null; role: string; status: string | null }>(
    await tx.execute(sql`
      select m.customer_id, m.role, c.status, ${scope}
      from memberships m left join customers c on c.id = m.customer_id
      where m.user_id = ${userId}
      limit 1`),
  );
  const r = rows[0];
  return r ? { customerId: r.customer_id, role: r.role, customerStatus: r.status } : null;
}

/** A non-session credential (an invitation's token) that speaks for the provider or a customer not yet known. */
export const setSystemScope = (tx: DbOrTx) => setting(tx, "app.scope", "system");

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Tenant work outside tRPC (sensor-key intake): a transaction as `wk_app` scoped to the key's customer. The role and
 * both settings go in one statement without parameters (one round trip: the intake opens many small transactions);
 * the tenant id is a checked uuid, so it is spliced in as a literal.
 */
export function runAsTenant<T>(root: Db, tenant: TenantId, fn: (tx: Db) => Promise<T>): Promise<T> {
  if (!UUID.test(tenant)) throw new Error("runAsTenant: the tenant id is not a uuid");
  const opening = sql.raw(
    `select set_config('role', '${APP_ROLE}', true), set_config('app.customer_id', '${tenant}', true), ` +
      `set_config('app.scope', 'customer', true)`,
  );
  return inAppTransaction(root, opening, fn);
}

/**
 * Provider-side follow-up of a tenant's change, inside that change's transaction: an SLA announcement reads the SOC
 * managers (provider memberships) and records e-mails that belong to no customer. Only such deliberate provider
 * work widens the scope, and the previous scope is restored before the tenant's work goes on.
 */
export async function withProviderScope<T>(tx: DbOrTx, fn: () => Promise<T>): Promise<T> {
  // Outside a request transaction the owner role is not bound by the policy and the setting changes nothing.
  const previous = await currentScope(tx);
  await setting(tx, "app.scope", "system");
  try {
    return await fn();
  } finally {
    await setting(tx, "app.scope", previous ?? "");
  }
}

async function currentScope(tx: DbOrTx): Promise<string | null> {
  const rows = rowsOf<{ scope: string | null }>(
    await tx.execute(sql`select current_setting('app.scope', true) as scope`),
  );
  return rows[0]?.scope ?? null;
}
