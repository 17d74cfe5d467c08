import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresTemplate: string;
  }
}

const migrationsFolder = path.join(import.meta.dirname, "..", "..", "db", "migrations");

/**
 * Builds one migrated database that every test file copies: a PGlite data-dir dump (loaded in ~1 s), and, when
 * DATABASE_URL is set, a PostgreSQL template database (CREATE DATABASE … TEMPLATE is a file copy).
 */
export default async function setup(project: TestProject) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "wk-test-"));
  const pg = new PGlite();
  await migratePglite(drizzlePglite({ client: pg }), { migrationsFolder });
  const dump = await pg.dumpDataDir("none");
  const file = path.join(tmp, "template.tar");
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await pg.close();
  project.provide("pgliteTemplate", file);

  let cleanup = async () => {};
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = `wk_tpl_${process.pid}_${Date.now()}`;
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const u = new URL(url);
    u.pathname = `/${name}`;
    const sql = postgres(u.toString(), { max: 1, onnotice: () => {} });
    await migratePostgres(drizzlePostgres({ client: sql }), { migrationsFolder });
    await sql.end();
    project.provide("postgresTemplate", name);
    cleanup = async () => {
      const dbs = await admin<{ datname: string }[]>`
        select datname from pg_database where datname like ${`wk_t_${process.pid}_%`} or datname = ${name}`;
      for (const { datname } of dbs) await admin.unsafe(`drop database if exists ${datname} with (force)`);
      await admin.end();
    };
  } else {
    project.provide("postgresTemplate", "");
  }

  return async () => {
    await cleanup();
    fs.rmSync(tmp, { recursive: true, force: true });
  };
}
