import { log } from "@/server/log";

/**
 * Queued work (report generation) is drained by a worker in every instance: on each scheduler tick, and at once
 * when someone queues work (`kickWorkers`), instead of waiting for the next tick. One drain at a time per process.
 * Without a running scheduler (tests, scripts, JOBS=off) a kick does nothing and the queue waits for a worker.
 */
let worker: (() => Promise<unknown>) | null = null;
let draining: Promise<void> | null = null;

export function setWorker(fn: (() => Promise<unknown>) | null): void {
  worker = fn;
}

export function kickWorkers(): void {
  if (!worker || draining) return;
  const run = worker;
  draining = (async () => {
    try {
      await run();
    } catch (e) {
      log.error({ err: e }, "worker failed");
    } finally {
      draining = null;
    }
  })();
}
