import { and, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { jobRuns } from "@/db/schema";
import { keepAlertPartitions, pruneRawPayloads } from "@/server/alerts/service";
import { writeAuditCheckpoint } from "@/server/audit/checkpoint";
import { runContractReminders } from "@/server/contracts/reminders";
import { foldHeartbeatHours, pruneRawHeartbeats, runSensorSweep } from "@/server/coverage/service";
import { rollUpIntake } from "@/server/intake-stats/service";
import { log } from "@/server/log";
import { markSchedulerTick } from "@/server/observability/health";
import { metrics } from "@/server/observability/metrics";
import { refreshLiveScores, runMonthClose } from "@/server/posture/service";
import { evaluateAll, evaluateDirty } from "@/server/recommendations/evaluation";
import { processReportJobs, queueDueReports } from "@/server/reports/service";
import { runGapNotices } from "@/server/roster/notify";
import { runSlaSweep } from "@/server/sla/service";
import { claimRun } from "./claim";
import { kickWorkers, setWorker } from "./worker";

// Jobs that claim their own slots (contract reminders) import it from ./claim; kept here for existing callers.
export { claimRun };

/**
 * Scheduled work inside the server process. Every instance ticks; each run is claimed by inserting its (job, slot) row,
 * which is unique, so across any number of instances on one database each scheduled run happens exactly once.
 * (pg-boss was the alternative; a claim row does this one thing on PGlite and PostgreSQL alike with no extra worker.)
 */
export type Job = { name: string; slot: (now: Date) => string | null; run: (db: Db, now: Date) => Promise<unknown> };

export const everyMinute = (now: Date) => now.toISOString().slice(0, 16);

export const everyHour = (now: Date) => now.toISOString().slice(0, 13);

/** The quarter hour: "2026-12-07T10:q0" for 10:00–10:14 … "q3" for 10:45–10:59. */
export const everyQuarterHour = (now: Date) =>
  `${now.toISOString().slice(0, 14)}q${Math.floor(now.getUTCMinutes() / 15)}`;

export const everyDay = (now: Date) => now.toISOString().slice(0, 10);

export const JOBS: Job[] = [
  { name: "sla-sweep", slot: everyMinute, run: (db, now) => runSlaSweep(db, now) },
  { name: "contract-reminders", slot: everyDay, run: (db, now) => runContractReminders(db, now) },
  { name: "monthly-reports", slot: everyMinute, run: (db, now) => queueDueReports(db, now) },
  { name: "audit-checkpoint", slot: everyDay, run: (db, now) => writeAuditCheckpoint(db, now) },
  { name: "sensor-sweep", slot: everyMinute, run: (db, now) => runSensorSweep(db, now) },
  {
    name: "heartbeat-prune",
    slot: (now) => now.toISOString().slice(0, 13),
    run: (db, now) => pruneRawHeartbeats(db, now),
  },
  { name: "recommendations-hourly", slot: everyHour, run: (db, now) => evaluateAll(db, now) },
  { name: "recommendations-dirty", slot: everyMinute, run: (db, now) => evaluateDirty(db, now) },
  { name: "posture-month-close", slot: everyHour, run: (db, now) => runMonthClose(db, now) },
  { name: "posture-live", slot: everyMinute, run: (db, now) => refreshLiveScores(db, now) },
  { name: "roster-gap-notices", slot: everyDay, run: (db, now) => runGapNotices(db, now) },
  { name: "intake-rollup", slot: everyQuarterHour, run: (db, now) => rollUpIntake(db, now) },
  { name: "raw-payload-retention", slot: everyDay, run: (db, now) => pruneRawPayloads(db, now) },
  { name: "alert-partitions", slot: everyDay, run: (db, now) => keepAlertPartitions(db, now) },
  { name: "heartbeat-fold", slot: everyDay, run: (db, now) => foldHeartbeatHours(db, now) },
];

export async function runJobOnce(
  db: Db,
  job: Job,
  now = new Date(),
): Promise<{ ran: boolean; result?: unknown; error?: string }> {
  const slot = job.slot(now);
  if (!slot) return { ran: false };
  const id = await claimRun(db, job.name, slot);
  if (!id) return { ran: false };
  const stop = metrics.jobDuration.startTimer({ job: job.name });
  try {
    const result = await job.run(db, now);
    stop({ outcome: "ok" });
    await db
      .update(jobRuns)
      .set({ finishedAt: new Date(), result: (result ?? null) as object })
      .where(and(eq(jobRuns.id, id)));
    return { ran: true, result };
  } catch (e) {
    stop({ outcome: "failed" });
    const error = e instanceof Error ? e.message : String(e);
    await db
      .update(jobRuns)
      .set({ finishedAt: new Date(), error: error.slice(0, 2000) })
      .where(eq(jobRuns.id, id));
    log.error({ job: job.name, slot, err: e }, "job failed");
    return { ran: true, error };
  }
}

/** Starts ticking every 15 s (so each minute's slot is taken promptly); returns a stop function. */
export function startScheduler(db: Db, jobs: Job[] = JOBS): () => void {
  let busy = false;
  const tick = async () => {
    if (busy) return;
    busy = true;
    markSchedulerTick();
    try {
      for (const job of jobs) await runJobOnce(db, job);
      kickWorkers();
    } catch (e) {
      log.error({ err: e }, "scheduler tick failed");
    } finally {
      busy = false;
    }
  };
  setWorker(() => processReportJobs(db));
  const timer = setInterval(tick, 15_000);
  timer.unref();
  void tick();
  return () => {
    clearInterval(timer);
    setWorker(null);
  };
}
