/**
 * CPU time spent by the server (its process tree) and by the database's backends serving it, from /proc: a figure the
 * other work on a shared machine does not inflate the way it inflates latency. Linux only; zero elsewhere.
 */
import fs from "node:fs";
import type postgres from "postgres";

const TICK_MS = 10; // USER_HZ = 100 on Linux

function cpuOf(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(f[11]) + Number(f[12])) * TICK_MS; // utime, stime
  } catch {
    return 0;
  }
}

function descendants(root: number): number[] {
  const parent = new Map<number, number>();
  for (const d of fs.existsSync("/proc") ? fs.readdirSync("/proc") : []) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, "utf8");
      parent.set(Number(d), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {}
  }
  const out = [root];
  for (let i = 0; i < out.length; i++) for (const [p, pp] of parent) if (pp === out[i]) out.push(p);
  return out;
}

export type CpuSample = { server: number; database: number };

/** The server tree's CPU and that of every backend connected to `db` except the sampling connection's own. */
export async function sampleCpu(sql: postgres.Sql, serverPid: number, db: string): Promise<CpuSample> {
  const rows = await sql<{ pid: number }[]>`
    select pid from pg_stat_activity where datname = ${db} and pid <> pg_backend_pid()`;
  return {
    server: descendants(serverPid).reduce((n, p) => n + cpuOf(p), 0),
    database: rows.reduce((n, r) => n + cpuOf(r.pid), 0),
  };
}

export const cpuDelta = (a: CpuSample, b: CpuSample): CpuSample => ({
  server: b.server - a.server,
  database: b.database - a.database,
});
