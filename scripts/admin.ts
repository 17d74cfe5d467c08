import { closeDatabase, getDatabase } from "@/db";
import { DatabaseLockedError } from "@/db/lock";
import { runBackupCli } from "@/server/admin/backup-cli";
import { HELP, runCli } from "@/server/admin/cli";
import { env } from "@/server/env";

const argv = process.argv.slice(2);
const io = {
  out: (l: string) => console.log(l),
  err: (l: string) => console.error(l),
  env: { WK_PASSWORD: env.WK_PASSWORD },
};

async function main() {
  if (argv.length === 0 || ["help", "--help", "-h"].includes(argv[0]!)) {
    console.log(HELP);
    return 0;
  }
  if (argv[0] === "backup" || argv[0] === "restore") return runBackupCli(argv, io);
  let handle: Awaited<ReturnType<typeof getDatabase>>;
  try {
    handle = await getDatabase();
  } catch (e) {
    if (e instanceof DatabaseLockedError) {
      console.error(e.message);
      return 3;
    }
    throw e;
  }
  try {
    return await runCli(argv, handle.db, io);
  } finally {
    await closeDatabase();
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`admin: ${e instanceof Error ? e.message : e}`);
    process.exit(1);
  },
);
