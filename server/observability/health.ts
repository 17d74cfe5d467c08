import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { type DatabaseHandle, rowsOf } from "@/db";
import { env } from "@/server/env";

/** The scheduler's last tick, shared across this process's bundles (instrumentation ticks, a route reads). */
const g = globalThis as { __watchkeeperTick?: number };
export function markSchedulerTick(at = Date.now()) {
  g.__watchkeeperTick = at;
}

/** A scheduler that has not ticked for this long is considered stuck (it ticks every 15 s). */
export const TICK_STALE_MS = 60_000;

export type Check = { name: string; ok: boolean; detail: string };
export type Readiness = { ok: boolean; checks: Check[] };

function journalLatest(): { count: number; when: number } {
  const file = path.join(/*turbopackIgnore: true*/ process.cwd(), "db", "migrations", "meta", "_journal.json");
  const journal = JSON.parse(fs.readFileSync(file, "utf8")) as { entries: { when: number }[] };
  return { count: journal.entries.length, when: Math.max(...journal.entries.map((e) => e.when)) };
}

/** Pure: is the scheduler alive at `now`? Off counts as fine (another instance schedules). */
export function schedulerCheck(jobs: "on" | "off", lastTick: number | undefined, now: number): Check {
  if (jobs === "off") return { name: "jobs", ok: true, detail: "off on this instance" };
  if (lastTick === undefined) return { name: "jobs", ok: false, detail: "scheduler has not ticked yet" };
  const age = now - lastTick;
  return age <= TICK_STALE_MS
    ? { name: "jobs", ok: true, detail: `last tick ${Math.round(age / 1000)} s ago` }
    : { name: "jobs", ok: false, detail: `last tick ${Math.round(age / 1000)} s ago` };
}

/** Database reachable, migrations current, job loop alive. No data in the answer beyond these facts. */
export async function readiness(handle: DatabaseHandle, now = Date.now()): Promise<Readiness> {
  const checks: Check[] = [];
  try {
    await handle.db.execute(sql`select 1`);
    checks.push({ name: "database", ok: true, detail: handle.kind });
    const latest = journalLatest();
    const applied = rowsOf<{ n: number; last: string | null }>(
      await handle.db.execute(
        sql`select count(*)::int as n, max(created_at)::text as last from drizzle.__drizzle_migrations`,
      ),
    )[0];
    const current = Number(applied?.last ?? 0) >= latest.when;
    checks.push({
      name: "migrations",
      ok: current,
      detail: current ? `${latest.count} applied` : `${applied?.n ?? 0} of ${latest.count} applied`,
    });
  } catch (e) {
    checks.push({ name: "database", ok: false, detail: (e as Error).message.split("\n")[0]!.slice(0, 200) });
  }
  checks.push(schedulerCheck(env.JOBS, g.__watchkeeperTick, now));
  return { ok: checks.every((c) => c.ok), checks };
}
