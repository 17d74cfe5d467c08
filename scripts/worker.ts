/**
 * A background instance: scheduled jobs and the report queue, no HTTP. A large provider serves users from web
 * instances with JOBS=off and runs month-end rendering here (as many as it likes; SKIP LOCKED shares the queue).
 * On the embedded database the server already does this work, and a second opener is refused by the lock.
 */
import { closeDatabase, getDatabase } from "@/db";
import { startScheduler } from "@/server/jobs/scheduler";

async function main() {
  const handle = await getDatabase();
  const stop = startScheduler(handle.db);
  console.log(`watchkeeper worker: scheduler and report queue running (${handle.kind}); stop with Ctrl+C`);
  const shutdown = (signal: string) => {
    console.log(`watchkeeper worker: ${signal} received, stopping`);
    stop();
    closeDatabase()
      .catch((e) => console.error("watchkeeper worker: close failed", e))
      .finally(() => process.exit(0));
  };
  process.once("SIGTERM", () => shutdown("SIGTERM"));
  process.once("SIGINT", () => shutdown("SIGINT"));
  // The scheduler's timer is unref'd (it must not hold a server open); this one keeps the worker alive.
  setInterval(() => {}, 1 << 30);
}

main().catch(async (e) => {
  console.error(`worker: ${e instanceof Error ? e.message : e}`);
  await closeDatabase().catch(() => {});
  process.exit(1);
});
