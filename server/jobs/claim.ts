import { randomBytes } from "node:crypto";
import os from "node:os";
import type { Db } from "@/db";
import { jobRuns } from "@/db/schema";

const INSTANCE = `${os.hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;

/**
 * Inserts the claim; true for exactly one caller per (job, slot). Apart from the scheduler so that a job may claim
 * its own slots (contract reminders, once per reminder) without importing the scheduler that runs it.
 */
export async function claimRun(db: Db, job: string, slot: string): Promise<string | null> {
  const rows = await db
    .insert(jobRuns)
    .values({ job, slot, claimedBy: INSTANCE })
    .onConflictDoNothing()
    .returning({ id: jobRuns.id });
  return rows[0]?.id ?? null;
}
