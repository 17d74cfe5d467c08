import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { migrateDatabase, openPostgres } from "./index";

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
});
