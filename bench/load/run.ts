/**
 * The load run of issue #16: signed-in users over HTTP against `npm start` on PostgreSQL, each opening the pages people
 * open (console and portal) and sending the tRPC batches those pages send (`pages.ts`), 50 at a time with autocannon;
 * then every procedure alone; then hand-written SQL floors of the heaviest reads with the same concurrency straight
 * against PostgreSQL. Prints markdown (and writes it to .data/load/). Needs a production build (`npm run build`).
 * Run: DATABASE_URL=postgres://root@127.0.0.1:5432/<db> npx tsx bench/load/run.ts [--port 3640] [--users 50]
 *        [--seconds 30] [--warmup 5] [--floor-seconds 10] [--users-file path] [--password watchkeeper-demo]
 *        [--alone-only] (each procedure and page batch alone, then stop) [--changes N] (N alerts acknowledged a second)
 * BENCH_CPU_PROF_DIR=dir profiles the server (`node --cpu-prof`).
 */
import fs from "node:fs";
import os from "node:os";
import { parseArgs } from "node:util";
import postgres from "postgres";
import { machine, requireDatabaseUrl } from "../lib";
import { type Alone, serviceTimes } from "./alone";
import { alertsToAcknowledge, startChanges } from "./changes";
import { type CpuSample, cpuDelta, sampleCpu } from "./cpu";
import { drive, type LoadRequest, staggered } from "./drive";
import { runFloors } from "./floors";
import { pagesOf } from "./pages";
import { aloneTable, failuresNote, pagesTable, proceduresTable } from "./report";
import { startServer } from "./server";
import { signInUsers, type VirtualUser } from "./sessions";
import { batchPath, type Call } from "./trpc-url";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "3640" },
    users: { type: "string", default: "50" },
    seconds: { type: "string", default: "30" },
    warmup: { type: "string", default: "5" },
    "floor-seconds": { type: "string", default: "10" },
    reps: { type: "string", default: "10" },
    "users-file": { type: "string" },
    password: { type: "string", default: "watchkeeper-demo" },
    pace: { type: "string", default: "1" },
    "skip-floors": { type: "boolean", default: false },
    "skip-saturation": { type: "boolean", default: false },
    /** Casework during the paced phases: alerts acknowledged a second by the run's analysts (bench/load/changes.ts). */
    changes: { type: "string", default: "0" },
    /** Only the service times (each procedure and page batch alone): a quick check after a query fix. */
    "alone-only": { type: "boolean", default: false },
  },
});
const dbUrl = requireDatabaseUrl();
const seconds = Number(values.seconds);
const pace = Number(values.pace);
if (!Number.isInteger(pace) || pace < 1) throw new Error("--pace: requests a second per user, a whole number ≥ 1");
const PAGE_TARGET_MS = 100;
const changesPerSecond = Number(values.changes);
if (!(changesPerSecond >= 0)) throw new Error("--changes: alerts acknowledged a second, a number ≥ 0");

const callName = (c: Call) => (c.tag ? `${c.path} (${c.tag})` : c.path);

/** Each user's page batches in page order; the label says page, kind and procedures. */
function pageRequests(users: VirtualUser[], now: Date, pageOf: Map<string, string>): LoadRequest[][] {
  return users.map((u) =>
    pagesOf(u, now).flatMap((p) =>
      p.batches.map((b) => {
        const label = `${p.name} · ${b.kind}: ${b.calls.map(callName).join(", ")}`;
        pageOf.set(label, p.name);
        return { label, path: batchPath(b.calls), cookie: u.cookie };
      }),
    ),
  );
}

/** Every distinct procedure call of the run, with the first user whose pages ask for it. */
function distinctCalls(users: VirtualUser[], now: Date): Alone[] {
  const seen = new Map<string, Alone>();
  for (const u of users)
    for (const p of pagesOf(u, now))
      for (const b of p.batches)
        for (const c of b.calls)
          if (!seen.has(callName(c)))
            seen.set(callName(c), { label: callName(c), path: batchPath([c]), cookie: u.cookie });
  return [...seen.values()];
}

/** Every distinct page batch of the run, with the first user whose pages send it. */
function distinctBatches(users: VirtualUser[], now: Date): Alone[] {
  const seen = new Map<string, Alone>();
  const pageOf = new Map<string, string>();
  for (const [i, list] of pageRequests(users, now, pageOf).entries())
    for (const r of list)
      if (!seen.has(r.label)) seen.set(r.label, { label: r.label, path: r.path, cookie: users[i]!.cookie });
  return [...seen.values()].sort((a, b) => a.label.localeCompare(b.label));
}

/** Each user's distinct procedure calls, one per request (as the browser sends a query that is alone in its tick). */
function procedureRequests(users: VirtualUser[], now: Date): LoadRequest[][] {
  return users.map((u) => {
    const seen = new Map<string, Call>();
    for (const p of pagesOf(u, now)) for (const b of p.batches) for (const c of b.calls) seen.set(callName(c), c);
    return [...seen].map(([label, c]) => ({ label, path: batchPath([c]), cookie: u.cookie }));
  });
}

async function main() {
  const sql = postgres(dbUrl, { max: 2, onnotice: () => {} });
  const db = new URL(dbUrl).pathname.slice(1);
  fs.mkdirSync(".data/load", { recursive: true });
  // BENCH_CPU_PROF_DIR: the server runs under `node --cpu-prof` (a profile written when it stops; summarise with
  // bench/ingest-profile.ts). BENCH_NODE_ARGS: more of node's own flags for the server (e.g. `--trace-gc`, which
  // NODE_OPTIONS does not take); its output goes to the server's log.
  const prof = process.env.BENCH_CPU_PROF_DIR;
  const server = await startServer(dbUrl, Number(values.port), `.data/load/server-${db}.log`, [
    ...(prof ? ["--cpu-prof", `--cpu-prof-dir=${prof}`] : []),
    ...(process.env.BENCH_NODE_ARGS?.split(/\s+/).filter(Boolean) ?? []),
  ]);
  const out: string[] = [];
  const say = (s = "") => {
    out.push(s);
    console.log(s);
  };
  const loadavg = () =>
    os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(" / ");
  const loadBefore = loadavg();
  try {
    const started = Date.now();
    const users = await signInUsers(sql, server.url, Number(values.users), {
      password: values.password,
      usersFile: values["users-file"],
    });
    const mix = ["manager", "analyst", "customer"].map((r) => `${users.filter((u) => u.role === r).length} ${r}s`);
    const distinct = new Set(users.map((u) => u.email)).size;
    const customers = new Set(users.filter((u) => u.role === "customer").map((u) => u.customerId)).size;
    console.error(`signed in ${users.length} users in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const now = new Date();
    const pageOf = new Map<string, string>();
    const pages = staggered(pageRequests(users, now, pageOf));
    const procedures = staggered(procedureRequests(users, now));
    console.error("service times, one request at a time");
    const alone = await serviceTimes(server.url, distinctCalls(users, now), Number(values.reps));
    const pageAlone = await serviceTimes(server.url, distinctBatches(users, now), Number(values.reps));
    if (values["alone-only"]) {
      say(`## Service times alone: ${db}, ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC`);
      say();
      say(`Machine: ${machine()}; load average before ${loadBefore}, after ${loadavg()}.`);
      say();
      say(aloneTable(alone));
      say();
      say(aloneTable(pageAlone, false));
      return;
    }
    console.error(`warm-up ${values.warmup} s`);
    await drive(server.url, pages, Number(values.warmup), pace);
    const cpu = () => sampleCpu(sql, server.child.pid!, db);
    const analysts = users.filter((u) => u.role === "analyst");
    if (changesPerSecond > 0 && !analysts.length) throw new Error("--changes: the run has no analyst to make them");
    const toAcknowledge = changesPerSecond > 0 ? await alertsToAcknowledge(sql, changesPerSecond, 2 * seconds) : [];
    const changeTotals = { sent: 0, failed: 0, failures: [] as string[] };
    const phase = async (what: string, list: LoadRequest[][], p: number, withChanges = false) => {
      console.error(`${what} ${seconds} s`);
      const before = await cpu();
      const offset = changeTotals.sent;
      const changes =
        withChanges && changesPerSecond > 0
          ? startChanges(server.url, analysts, toAcknowledge.slice(offset), changesPerSecond)
          : null;
      const result = await drive(server.url, list, seconds, p);
      const made = await changes?.stop();
      if (made) {
        changeTotals.sent += made.sent;
        changeTotals.failed += made.failed;
        changeTotals.failures.push(...made.failures);
      }
      return { result, cpu: cpuDelta(before, await cpu()) };
    };
    const pageRun = await phase("pages", pages, pace, true);
    const procRun = await phase("procedures", procedures, pace, true);
    const flatOut = values["skip-saturation"] ? null : await phase("pages flat out", pages, 0);
    console.error("SQL floors");
    const floors = values["skip-floors"]
      ? []
      : await runFloors(dbUrl, users.length, Number(values["floor-seconds"]), pace);
    const cpuLine = (r: { result: { total: number }; cpu: CpuSample }) => {
      const n = r.result.total;
      const d = r.cpu;
      return `CPU per request: server ${(d.server / n).toFixed(1)} ms, PostgreSQL ${(d.database / n).toFixed(1)} ms (≈ ${Math.round((os.cpus().length * 1000 * n) / (d.server + d.database))} requests/s if all ${os.cpus().length} cores did nothing else).`;
    };

    say(`## Load run: ${db}, ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC`);
    say();
    say(`Machine: ${machine()}; load average before the run ${loadBefore}, after ${loadavg()}.`);
    say(
      `${users.length} signed-in users (${mix.join(", ")}; ${distinct} distinct accounts, customer users of ${customers} customers), each its own session and connection; each user sends at most ${pace} request${pace === 1 ? "" : "s"} a second (the users' seconds staggered), one in flight at a time; ${seconds} s per phase after a ${values.warmup} s warm-up.`,
    );
    say();
    say("### Service time: each procedure alone, one request at a time (no other load from the run)");
    say();
    say(aloneTable(alone));
    say();
    say("Each page's batches alone, one request at a time (a page's data without queueing; target p95 ≤ 100 ms):");
    say();
    say(aloneTable(pageAlone, false));
    say();
    say(`### Pages (target: every page's data p95 ≤ ${PAGE_TARGET_MS} ms)`);
    say();
    say(pagesTable(pageRun.result, (l) => pageOf.get(l) ?? l, PAGE_TARGET_MS));
    say();
    say(`Pages phase: ${failuresNote(pageRun.result)}`);
    if (changesPerSecond > 0) {
      say();
      say(
        `Changes during the pages and procedures phases: ${changeTotals.sent} alerts acknowledged (${changesPerSecond} a second, one \`alerts.acknowledge\` each, by ${analysts.length} analysts), ${changeTotals.failed} failed${changeTotals.failures.length ? `: ${changeTotals.failures.join("; ")}` : ""}.`,
      );
    }
    say();
    say(cpuLine(pageRun));
    say();
    say("### Procedures, and the SQL floors of the heaviest reads");
    say();
    say(proceduresTable(procRun.result, floors));
    say();
    say(`Procedures phase: ${failuresNote(procRun.result)}`);
    say();
    say(cpuLine(procRun));
    if (flatOut) {
      say();
      say("### Saturation: the same pages, every user flat out (no pause between requests)");
      say();
      say(pagesTable(flatOut.result, (l) => pageOf.get(l) ?? l, PAGE_TARGET_MS, false));
      say();
      say(`Flat-out phase: ${failuresNote(flatOut.result)}`);
      say();
      say(cpuLine(flatOut));
    }
    const file = `.data/load/${db}-${new Date().toISOString().slice(0, 16).replace(/[:T]/g, "")}.md`;
    fs.writeFileSync(file, `${out.join("\n")}\n`);
    console.error(`written to ${file}`);
    const runs = [pageRun, procRun, ...(flatOut ? [flatOut] : [])].map((r) => r.result);
    if (runs.some((r) => r.non200 + r.errors + r.timeouts > 0)) process.exitCode = 1;
  } finally {
    await server.stop();
    await sql.end();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
