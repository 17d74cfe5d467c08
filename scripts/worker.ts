/**
 * A background instance: scheduled jobs and the report queue, no HTTP. A large provider serves users from web
 * instances with JOBS=off and runs month-end rendering here (as many as it likes; SKIP LOCKED shares the queue).
 * On the embedded database the server already does this work, and a second opener is refused by the lock.
 */
import { closeDatabase, getDatabase } from "@/db";
import { startScheduler } from "@/server/jobs/scheduler";
import { log } from "@/server/log";
import { serveWorkerMetrics } from "@/server/observability/worker-http";

async function main() {
  const handle = await getDatabase();
  const stop = startScheduler(handle.db);
  const stopMetrics = serveWorkerMetrics(handle);
  log.info({ database: handle.kind }, "worker running: scheduler and report queue; stop with Ctrl+C");
  const shutdown = (signal: string) => {
    log.info({ signal }, "worker stopping");
    stop();
    stopMetrics?.();
    closeDatabase()
      .catch((e) => log.error({ err: e }, "database close failed"))
      .finally(() => process.exit(0));
  };
  process.once("SIGTERM", () => shutdown("SIGTERM"));
  process.once("SIGINT", () => shutdown("SIGINT"));
  // The scheduler's timer is unref'd (it must not hold a server open); this one keeps the worker alive.
  setInterval(() => {}, 1 << 30);
}

main().catch(async (e) => {
  log.fatal({ err: e }, "worker failed");
  await closeDatabase().catch(() => {});
  process.exit(1);
});
