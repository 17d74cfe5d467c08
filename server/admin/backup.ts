import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { type DbOrTx, rowsOf } from "@/db";
import { acquireDirectoryLock } from "@/db/lock";

/**
 * Backup and restore of the whole database, for both drivers. PostgreSQL goes through pg_dump / pg_restore (custom
 * format: compressed, restorable table by table); the embedded database through PGlite's own data-directory dump
 * (a gzipped tar of the folder). A file says which it is by its first bytes, so restore needs no flag.
 */
export class BackupError extends Error {}

export type BackupKind = "postgres" | "pglite";

const PG_MAGIC = Buffer.from("PGDMP");
const GZIP_MAGIC = Buffer.from([0x1f, 0x8b]);

export function kindOfFile(file: string): BackupKind {
  const fd = fs.openSync(file, "r");
  try {
    const head = Buffer.alloc(5);
    fs.readSync(fd, head, 0, 5, 0);
    if (head.subarray(0, 5).equals(PG_MAGIC)) return "postgres";
    if (head.subarray(0, 2).equals(GZIP_MAGIC)) return "pglite";
  } finally {
    fs.closeSync(fd);
  }
  throw new BackupError(`${file} is not a Watchkeeper backup (neither a pg_dump custom file nor a PGlite dump).`);
}

function run(cmd: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    child.on("error", (e) =>
      reject(new BackupError(`${cmd} could not be started (${e.message}); install the PostgreSQL client tools.`)),
    );
    child.on("close", (code) =>
      code === 0 ? resolve() : reject(new BackupError(`${cmd} failed (exit ${code}): ${stderr.trim().slice(0, 800)}`)),
    );
  });
}

/** Writes to a temporary file beside `out` and renames it, so a failed backup never leaves a half file. */
async function atomically(out: string, write: (tmp: string) => Promise<void>) {
  const tmp = path.join(path.dirname(path.resolve(out)), `.${path.basename(out)}.${process.pid}.partial`);
  try {
    await write(tmp);
    fs.renameSync(tmp, out);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
  return fs.statSync(out).size;
}

export async function backupPostgres(url: string, out: string): Promise<number> {
  return atomically(out, (tmp) =>
    run("pg_dump", ["--format=custom", "--no-owner", `--file=${tmp}`, `--dbname=${url}`]),
  );
}

export async function backupPglite(pglite: PGlite, out: string): Promise<number> {
  return atomically(out, async (tmp) => {
    const dump = await pglite.dumpDataDir("gzip");
    fs.writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
  });
}

/** Restores into an empty PostgreSQL database (refuses one that has tables), in one transaction. */
export async function restorePostgres(url: string, file: string, db: DbOrTx): Promise<void> {
  const tables = await countTables(db);
  if (tables > 0) throw new BackupError(`The target database already has ${tables} tables; restore into an empty one.`);
  await run("pg_restore", ["--no-owner", "--exit-on-error", "--single-transaction", `--dbname=${url}`, file]);
}

/** Restores into a new PGlite folder (refuses an existing non-empty one), holding the folder's lock meanwhile. */
export async function restorePglite(dir: string, file: string): Promise<void> {
  if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0) {
    throw new BackupError(`${dir} is not empty; restore into a new folder (set PGLITE_DIR) or remove it first.`);
  }
  const release = acquireDirectoryLock(dir);
  try {
    const pglite = new PGlite(path.resolve(dir), { loadDataDir: new Blob([fs.readFileSync(file)]) });
    await pglite.waitReady;
    await pglite.query("select 1");
    await pglite.close();
  } catch (e) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw e instanceof BackupError ? e : new BackupError(`Restore failed: ${(e as Error).message}`);
  } finally {
    release();
  }
}

export async function countTables(db: DbOrTx): Promise<number> {
  const [row] = rowsOf<{ n: number }>(
    await db.execute(
      sql`select count(*)::int as n from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
    ),
  );
  return Number(row?.n ?? 0);
}

/**
 * Row counts of every table of the public schema (the restore check and its test). A partitioned table (alerts) counts
 * its partitions' rows; the partitions are not listed again.
 */
export async function rowCounts(db: DbOrTx): Promise<Record<string, number>> {
  const names = rowsOf<{ name: string }>(
    await db.execute(
      sql`select relname as name from pg_class where relnamespace = 'public'::regnamespace and relkind in ('r', 'p')
        and not relispartition order by 1`,
    ),
  ).map((r) => r.name);
  const out: Record<string, number> = {};
  for (const name of names) {
    const [row] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from ${sql.identifier(name)}`));
    out[name] = Number(row?.n ?? 0);
  }
  return out;
}
