import { parseArgs } from "node:util";
import { openPglite, openPostgres } from "@/db";
import { env } from "@/server/env";
import {
  BackupError,
  backupPglite,
  backupPostgres,
  kindOfFile,
  restorePglite,
  restorePostgres,
  rowCounts,
} from "./backup";
import type { CliIo } from "./cli";

export const BACKUP_HELP = `  backup           --out <file>
                   The whole database to one file: pg_dump's custom format on PostgreSQL (DATABASE_URL), PGlite's
                   data-directory dump on the embedded database (stop the server first: one process at a time).
  restore          --in <file>
                   Into an EMPTY database: a new DATABASE_URL database or a new PGLITE_DIR folder. The file's kind
                   must match the configured database. Prints the tables and rows restored.`;

/** backup / restore: they must not open (and migrate) the configured database the way other commands do. */
export async function runBackupCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...args] = argv;
  let values: Record<string, string | undefined>;
  try {
    values = parseArgs({
      args,
      options: { out: { type: "string" }, in: { type: "string" } },
      strict: true,
      allowPositionals: false,
    }).values as Record<string, string | undefined>;
  } catch (e) {
    io.err((e as Error).message);
    return 2;
  }
  try {
    if (command === "backup") {
      if (!values.out) return usage(io, "backup needs --out <file>.");
      const bytes = env.DATABASE_URL
        ? await backupPostgres(env.DATABASE_URL, values.out)
        : await withPglite((h) => backupPglite(h.pglite!, values.out!));
      io.out(
        `Backed up the ${env.DATABASE_URL ? "PostgreSQL" : "embedded"} database to ${values.out} (${bytes} bytes).`,
      );
      return 0;
    }
    if (!values.in) return usage(io, "restore needs --in <file>.");
    const kind = kindOfFile(values.in);
    const configured = env.DATABASE_URL ? "postgres" : "pglite";
    if (kind !== configured) {
      throw new BackupError(
        `${values.in} is a ${kind === "postgres" ? "PostgreSQL" : "PGlite"} backup but the configured database is ` +
          `${configured === "postgres" ? "PostgreSQL (DATABASE_URL)" : "embedded (PGLITE_DIR)"}.`,
      );
    }
    if (env.DATABASE_URL) {
      const h = openPostgres(env.DATABASE_URL, 1);
      try {
        await restorePostgres(env.DATABASE_URL, values.in, h.db);
        report(io, await rowCounts(h.db));
      } finally {
        await h.close();
      }
    } else {
      await restorePglite(env.PGLITE_DIR, values.in);
      report(io, await withPglite((h) => rowCounts(h.db)));
    }
    return 0;
  } catch (e) {
    io.err(e instanceof Error ? e.message : String(e));
    return 1;
  }
}

function usage(io: CliIo, message: string) {
  io.err(message);
  return 2;
}

function report(io: CliIo, counts: Record<string, number>) {
  const rows = Object.values(counts).reduce((a, b) => a + b, 0);
  io.out(`Restored ${Object.keys(counts).length} tables, ${rows} rows.`);
}

async function withPglite<T>(fn: (h: ReturnType<typeof openPglite>) => Promise<T>): Promise<T> {
  const h = openPglite(env.PGLITE_DIR);
  try {
    return await fn(h);
  } finally {
    await h.close();
  }
}
