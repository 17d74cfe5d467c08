/**
 * Does a month-end batch stall a web instance's users? Over HTTP against `npm start` (a production build) on
 * PostgreSQL: the latency of an ordinary signed-in request (`me.session`, 8 at a time) with no rendering (the floor),
 * then while the same instance renders a "generate all" batch, once with RENDER_THREADS=0 (in-process, as before)
 * and once with RENDER_THREADS=1 (worker thread). Target: p99 ≤ 100 ms while a batch renders.
 * Run: DATABASE_URL=postgres://root@127.0.0.1:5432/test npx tsx bench/render-isolation.ts [--port 3195] [--seconds 20]
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { parseArgs } from "node:util";
import postgres from "postgres";
import { machine, pct, requireDatabaseUrl } from "./lib";

const { values } = parseArgs({
  options: { port: { type: "string", default: "3195" }, seconds: { type: "string", default: "20" } },
});
const base = requireDatabaseUrl();
const port = Number(values.port);
const seconds = Number(values.seconds);
const url = `http://127.0.0.1:${port}`;
const name = `wk_bench_iso_${Date.now()}`;
const dbUrl = (() => {
  const u = new URL(base);
  u.pathname = `/${name}`;
  return u.toString();
})();
const env = {
  ...process.env,
  NODE_ENV: "production",
  DATABASE_URL: dbUrl,
  BETTER_AUTH_SECRET: "render-isolation-bench-secret-0123456789",
  BETTER_AUTH_URL: url,
  STAFF_2FA: "optional",
  AUDIT_HMAC_KEY: "multi-instance-e2e-audit-key-0123456789abcdef",
  LOG_LEVEL: "warn",
} as NodeJS.ProcessEnv;

async function serve(threads: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port)], {
    env: { ...env, RENDER_THREADS: String(threads) },
    stdio: "ignore",
  });
  for (;;) {
    try {
      if ((await fetch(`${url}/readyz`)).ok) return child;
    } catch {}
    await new Promise((r) => setTimeout(r, 300));
  }
}

async function signIn(): Promise<string> {
  const res = await fetch(`${url}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: url },
    body: JSON.stringify({ email: "manager@northwatch.example", password: "watchkeeper-demo" }),
  });
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

/** 8 concurrent loops of me.session for `ms`; returns each request's latency in ms. */
async function load(cookie: string, ms: number): Promise<number[]> {
  const out: number[] = [];
  const end = Date.now() + ms;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (Date.now() < end) {
        const t = performance.now();
        const r = await fetch(`${url}/api/trpc/me.session`, { headers: { cookie } });
        await r.arrayBuffer();
        out.push(performance.now() - t);
      }
    }),
  );
  return out;
}

async function generateAll(cookie: string, month: string) {
  await fetch(`${url}/api/trpc/reports.generateAll`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie, origin: url },
    body: JSON.stringify({ json: { month, send: false } }),
  });
}

const row = (label: string, xs: number[]) =>
  `| ${label} | ${xs.length} | ${pct(xs, 0.5).toFixed(1)} ms | ${pct(xs, 0.95).toFixed(1)} ms | ${pct(xs, 0.99).toFixed(1)} ms | ${Math.max(...xs).toFixed(0)} ms |`;

async function main() {
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  try {
    const seed = spawnSync(process.execPath, ["--import", "tsx", "db/seed/index.ts", "--no-history"], {
      env,
      stdio: "ignore",
    });
    if (seed.status !== 0) throw new Error("seed failed");
    const rows: string[] = [];
    const months = ["2026-09", "2026-10", "2026-11"];
    for (const threads of [0, 1]) {
      const server = await serve(threads);
      try {
        const cookie = await signIn();
        await load(cookie, 3000); // warm-up
        if (threads === 0) rows.push(row("no rendering (floor)", await load(cookie, seconds * 1000)));
        // Keep the instance rendering for the whole window: queue every month's batch, twice over.
        for (const m of [...months, ...months]) await generateAll(cookie, m);
        rows.push(
          row(
            `during a batch, ${threads === 0 ? "in-process (RENDER_THREADS=0)" : "worker thread (RENDER_THREADS=1)"}`,
            await load(cookie, seconds * 1000),
          ),
        );
      } finally {
        server.kill("SIGTERM");
        await new Promise((r) => setTimeout(r, 1500));
      }
    }
    console.log(`\nmachine: ${machine()}, ${new Date().toISOString().slice(0, 10)}`);
    console.log(
      "| me.session over HTTP, 8 concurrent | requests | p50 | p95 | p99 | max |\n| --- | --- | --- | --- | --- | --- |",
    );
    for (const r of rows) console.log(r);
  } finally {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
