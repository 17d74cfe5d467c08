import { sql } from "drizzle-orm";
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { migrateDatabase, openPostgres, rowsOf } from "./index";

// The production path on a real server: several instances starting at once on a fresh database.
describe.runIf(process.env.DATABASE_URL)("migrations on PostgreSQL", () => {
  it("migrate a fresh database once when three instances start together", async () => {
    const base = process.env.DATABASE_URL!;
    const name = `wk_mig_${process.pid}_${Date.now()}`;
    const admin = postgres(base, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const u = new URL(base);
    u.pathname = `/${name}`;
    const handles = [0, 1, 2].map(() => openPostgres(u.toString(), 2));
    try {
      await Promise.all(handles.map((h) => migrateDatabase(h)));
      const rows = await handles[0]!.sql!`select count(*)::int as n from drizzle.__drizzle_migrations`;
      expect(rows[0]!.n).toBeGreaterThanOrEqual(3);
      const t = await handles[0]!.sql!`select to_regclass('public.alerts') as t`;
      expect(t[0]!.t).toBe("alerts");
    } finally {
      for (const h of handles) await h.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });

  it("opens the app's connections without JIT and named for this process", async () => {
    const h = openPostgres(process.env.DATABASE_URL!, 1);
    try {
      const [row] = await h.sql!`select current_setting('jit') as jit, current_setting('application_name') as app`;
      expect(row).toEqual({ jit: "off", app: `watchkeeper-${process.pid}` });
    } finally {
      await h.close();
    }
  });

  it("sends the app's queries with parameters as prepared statements, in transactions and savepoints too", async () => {
    const h = openPostgres(process.env.DATABASE_URL!, 1);
    const prepared = async (db: typeof h.db) =>
      rowsOf<{ statement: string }>(await db.execute(sql`select statement from pg_prepared_statements`)).map(
        (r) => r.statement,
      );
    try {
      await h.db.execute(sql`select ${1}::int as one`);
      await h.db.execute(sql`select ${2}::int as one`);
      // The same text twice is one statement.
      expect((await prepared(h.db)).filter((s) => s === "select $1::int as one")).toHaveLength(1);
      await h.db.transaction(async (tx) => {
        await tx.execute(sql`select ${1}::int as two`);
        await tx.transaction(async (sp) => {
          await sp.execute(sql`select ${1}::int as three`);
        });
        expect(await prepared(tx)).toEqual(
          expect.arrayContaining(["select $1::int as one", "select $1::int as two", "select $1::int as three"]),
        );
      });
      // Without parameters: the simple protocol, where several statements in one string still run.
      await h.db.execute(sql.raw("select 1; select 2"));
    } finally {
      await h.close();
    }
  });
});
