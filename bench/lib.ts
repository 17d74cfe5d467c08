/** What every benchmark shares: a scratch PostgreSQL database, percentiles and the machine line. */
import os from "node:os";
import postgres from "postgres";
import { closeDatabase, installDatabase, migrateDatabase, openPostgres } from "@/db";

export function requireDatabaseUrl(): string {
  const base = process.env.DATABASE_URL;
  if (!base) {
    console.error("Set DATABASE_URL to a PostgreSQL server (the benchmark creates and drops its own database).");
    process.exit(2);
  }
  return base;
}

/** Creates, migrates and installs a fresh database; `drop` closes it and drops it again. */
export async function scratchDatabase(prefix: string, connections: number) {
  const base = requireDatabaseUrl();
  const name = `${prefix}_${Date.now()}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const handle = openPostgres(url.toString(), connections);
  installDatabase(handle);
  await migrateDatabase(handle);
  return {
    handle,
    url: url.toString(),
    drop: async () => {
      await closeDatabase();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

export const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;

export const machine = () =>
  `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
