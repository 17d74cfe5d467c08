import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { env } from "@/server/env";
import { acquireDirectoryLock } from "./lock";
import * as schema from "./schema";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Queries take either: a service opens the transaction and passes `tx` down (never the outer db inside it). */
export type DbOrTx = Db | Tx;

export type DatabaseHandle = {
  db: Db;
  kind: "pglite" | "postgres";
  pglite?: PGlite;
  sql?: postgres.Sql;
  close: () => Promise<void>;
};

const MIGRATIONS = path.join(/*turbopackIgnore: true*/ process.cwd(), "db", "migrations");
const MIGRATION_LOCK_KEY = 727_001;

type Holder = { handle?: DatabaseHandle; ready?: Promise<DatabaseHandle> };
// One instance per process, on globalThis: Next bundles instrumentation and routes separately.
const g = globalThis as { __watchkeeperDb?: Holder };
g.__watchkeeperDb ??= {};
const holder: Holder = g.__watchkeeperDb;

export function openPglite(dir: string): DatabaseHandle {
  const release = acquireDirectoryLock(dir);
  try {
    const pglite = new PGlite(path.resolve(dir));
    const db = drizzlePglite({ client: pglite, schema, casing: "snake_case" }) as unknown as Db;
    return {
      db,
      kind: "pglite",
      pglite,
      close: async () => {
        try {
          await pglite.close();
        } finally {
          release();
        }
      },
    };
  } catch (e) {
    release();
    throw e;
  }
}

/** This process's connections' application_name (one per process: instances are told apart by pid). */
export const poolName = `watchkeeper-${process.pid}`;

type Unsafe = (query: string, params?: unknown[], options?: Record<string, unknown>) => unknown;

/**
 * The app's client with every query that has parameters sent as a named prepared statement, kept per connection and
 * planned once (PostgreSQL re-plans a prepared statement when its tables change). drizzle sends its queries unprepared,
 * so each was planned on every call, and a read of the partitioned alerts plans 16 partitions: at 10 M alerts the
 * planning was a third of PostgreSQL's CPU a request (docs/benchmarks.md, session 14). A query without parameters
 * goes as before (the simple protocol: never prepared, so several statements in one string still work). postgres-js
 * forgets a connection's statements when it recycles the connection (`max_lifetime`, 30–60 min), which bounds them.
 * Transactions and savepoints get the same client. Migrations use the plain client (`migrateDatabase`).
 */
export function preparing(sql: postgres.Sql): postgres.Sql {
  return new Proxy(sql, {
    get(target, prop) {
      if (prop === "unsafe") {
        const unsafe = target.unsafe.bind(target) as unknown as Unsafe;
        return (query: string, params: unknown[] = [], options: Record<string, unknown> = {}) =>
          unsafe(query, params, { ...options, prepare: true });
      }
      if (prop === "begin" || prop === "savepoint") {
        const open = (Reflect.get(target, prop) as (...a: unknown[]) => unknown).bind(target);
        return (...args: unknown[]) => {
          const fn = args.pop() as (tx: postgres.Sql) => unknown;
          return open(...args, (tx: postgres.Sql) => fn(preparing(tx)));
        };
      }
      const value = Reflect.get(target, prop, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

export function openPostgres(url: string, max = 10): DatabaseHandle {
  // The application name lets /metrics count this process's own connections by state in pg_stat_activity.
  // No JIT: the app's reads are short, and a plan whose estimate passes jit_above_cost (the queue's default order at
  // 10 M alerts) spent ~300 ms compiling for a query that runs in tens of ms (docs/benchmarks.md, session 14).
  const sql = postgres(url, {
    max,
    onnotice: () => {},
    connection: { application_name: poolName, jit: "off" },
  });
  const db = drizzlePostgres({ client: preparing(sql), schema, casing: "snake_case" }) as unknown as Db;
  return { db, kind: "postgres", sql, close: () => sql.end({ timeout: 5 }) };
}

export async function migrateDatabase(handle: DatabaseHandle, migrationsFolder = MIGRATIONS) {
  if (handle.kind === "pglite") {
    await migratePglite(handle.db as never, { migrationsFolder });
    return;
  }
  // Several instances may start at once: one migrates, the others wait on the advisory lock (held by a reserved
  // connection for the whole run) and then find nothing left to do.
  const sql = handle.sql as postgres.Sql;
  const reserved = await sql.reserve();
  try {
    await reserved`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    try {
      await migratePostgres(drizzlePostgres({ client: sql, casing: "snake_case" }), { migrationsFolder });
    } finally {
      await reserved`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
    }
  } finally {
    reserved.release();
  }
}

function openConfigured(): DatabaseHandle {
  return env.DATABASE_URL ? openPostgres(env.DATABASE_URL) : openPglite(env.PGLITE_DIR);
}

/** Opens (once per process) and migrates the configured database. */
export function getDatabase(): Promise<DatabaseHandle> {
  holder.ready ??= (async () => {
    const handle = holder.handle ?? openConfigured();
    holder.handle = handle;
    await migrateDatabase(handle);
    return handle;
  })().catch((e) => {
    holder.ready = undefined;
    throw e;
  });
  return holder.ready;
}

export async function getDb(): Promise<Db> {
  return (await getDatabase()).db;
}

/** Tests and scripts install their own handle (an in-memory PGlite, a per-file PostgreSQL database). */
export function installDatabase(handle: DatabaseHandle) {
  holder.handle = handle;
  holder.ready = Promise.resolve(handle);
}

export async function closeDatabase() {
  const handle = holder.handle;
  holder.handle = undefined;
  holder.ready = undefined;
  if (handle) await handle.close();
}

/**
 * A synchronous view of the process's database for libraries that need an object at import time (better-auth's
 * adapter). Nothing is opened until a property is read, and getDatabase() has run by then (instrumentation).
 */
export const lazyDb: Db = new Proxy({} as Db, {
  get(_target, prop) {
    holder.handle ??= openConfigured();
    const value = Reflect.get(holder.handle.db as object, prop);
    return typeof value === "function" ? value.bind(holder.handle.db) : value;
  },
});

export { schema };

/** The rows of a raw `db.execute`: postgres-js returns an array, PGlite an object with `rows`. */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];
}
