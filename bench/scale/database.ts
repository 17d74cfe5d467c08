/**
 * The scale database's lifecycle: created (dropped first) and migrated with the project's migrations, a loading pool
 * whose sessions skip triggers and foreign-key checks (`session_replication_role = replica`: the generator writes
 * only rows whose parents it wrote), and the secondary indexes of the big tables dropped for the load and recreated
 * from their own definitions afterwards, so the end state is what the migrations define.
 */
import postgres from "postgres";
import { type DatabaseHandle, migrateDatabase, openPostgres } from "@/db";

export function databaseUrl(base: string, name: string) {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops `name` if it exists, creates it and migrates it; returns an app handle on it. */
export async function freshDatabase(base: string, name: string, connections = 4): Promise<DatabaseHandle> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain database name: ${name}`);
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const handle = openPostgres(databaseUrl(base, name), connections);
  await migrateDatabase(handle);
  return handle;
}

/** Connections for bulk loading: no triggers or per-row foreign-key checks, no wait for the WAL flush per commit. */
export const loaderPool = (url: string, max = 6) =>
  postgres(url, {
    max,
    onnotice: () => {},
    connection: { session_replication_role: "replica", synchronous_commit: "off", maintenance_work_mem: "1GB" },
  });

export type IndexDef = { table: string; name: string; def: string; constraint: boolean };

/**
 * The indexes of `tables` that no foreign key leans on: plain and unique indexes (CREATE INDEX in the migrations) and
 * primary-key / unique constraints. Dropped here, their definitions returned for `recreateIndexes` (a primary key of
 * random uuids maintained row by row during a load is the slowest part of it; built once afterwards it is a sort).
 * On a partitioned table (alerts) these are its partitioned indexes: dropping one drops every partition's, and the
 * definition, once its `ON ONLY` is gone, builds them all again.
 */
export async function dropSecondaryIndexes(sql: postgres.Sql, tables: readonly string[]): Promise<IndexDef[]> {
  const rows = await sql<IndexDef[]>`
    select i.tablename as table, i.indexname as name,
      coalesce('alter table ' || i.tablename || ' add constraint ' || k.conname || ' ' || pg_get_constraintdef(k.oid),
        replace(i.indexdef, ' ON ONLY ', ' ON ')) as def,
      k.oid is not null as constraint
    from pg_indexes i
    join pg_class c on c.relname = i.indexname and c.relkind in ('i', 'I')
    left join pg_constraint k on k.conindid = c.oid and k.contype in ('p', 'u')
    where i.schemaname = 'public' and i.tablename in ${sql(tables as string[])}
      and not exists (select 1 from pg_constraint f where f.conindid = c.oid and f.contype = 'f')
      and not exists (select 1 from pg_constraint x where x.conindid = c.oid and x.contype not in ('p', 'u', 'f'))
    order by i.tablename, k.oid is null, i.indexname`;
  for (const r of rows)
    await sql.unsafe(r.constraint ? `alter table ${r.table} drop constraint ${r.name}` : `drop index ${r.name}`);
  return rows;
}

/** Recreates dropped indexes one at a time (each build may use parallel workers), timing each. */
export async function recreateIndexes(sql: postgres.Sql, defs: IndexDef[], log: (s: string) => void) {
  for (const d of defs) {
    const t = performance.now();
    await sql.unsafe(d.def);
    log(`  index ${d.name}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
}
