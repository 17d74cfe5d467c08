import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import postgres from "postgres";
import { inject } from "vitest";
import { closeDatabase, type DatabaseHandle, type Db, installDatabase, openPostgres, schema } from "@/db";
import { checkAlertInvariants } from "@/server/alerts/service";
import { env } from "@/server/env";

let counter = 0;
let current: DatabaseHandle | undefined;

/**
 * A fresh, migrated database for one test file: an in-memory PGlite loaded from the template dump, or a new
 * PostgreSQL database copied from the template when DATABASE_URL is set. Installed as the process database so
 * better-auth's adapter sees it too.
 */
export async function createTestDatabase(): Promise<DatabaseHandle> {
  const url = env.DATABASE_URL;
  let handle: DatabaseHandle;
  if (url) {
    const name = `wk_t_${process.ppid}_${process.pid}_${++counter}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name} template ${inject("postgresTemplate")}`);
    await admin.end();
    const u = new URL(url);
    u.pathname = `/${name}`;
    const pg = openPostgres(u.toString(), 4);
    handle = {
      ...pg,
      close: async () => {
        await pg.close();
        const a = postgres(url, { max: 1, onnotice: () => {} });
        await a.unsafe(`drop database if exists ${name} with (force)`);
        await a.end();
      },
    };
  } else {
    const dump = fs.readFileSync(inject("pgliteTemplate"));
    const pglite = new PGlite({ loadDataDir: new Blob([dump]) });
    const db = drizzlePglite({ client: pglite, schema, casing: "snake_case" }) as unknown as Db;
    handle = { db, kind: "pglite", pglite, close: () => pglite.close() };
  }
  installDatabase(handle);
  current = handle;
  return handle;
}

/**
 * Closes the file's database, after checking what must hold whatever the file did (`checkAlertInvariants`): every
 * alert has its dedup key's row in alert_keys and every key row its alert (migration 0032; the intake deduplicates
 * through them), and no alert was received before its incident's first alert. A writer of alerts that breaks either
 * fails the file that used it.
 */
export async function closeTestDatabase() {
  const handle = current;
  current = undefined;
  try {
    if (handle) {
      const broken = await checkAlertInvariants(handle.db);
      if (broken.length) throw new Error(`alert invariants broken: ${broken.join("; ")}`);
    }
  } finally {
    await closeDatabase();
  }
}
