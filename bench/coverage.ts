/**
 * Coverage at provider scale on PostgreSQL: 1,000 customers, 20,000 sensors with 90 days of 5-minute heartbeats as
 * hourly rows (bulk-generated), then the coverage matrix p95, the minute health sweep, and the heartbeat endpoint
 * over HTTP against `npm start` beside a raw-insert floor measured in the same run.
 *
 *   DATABASE_URL=postgres://root@127.0.0.1:5432/postgres npx tsx bench/coverage.ts [--port 3130] [--no-http]
 */
import { spawn } from "node:child_process";
import http from "node:http";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { providerSettings } from "@/db/schema";
import { runSensorSweep } from "@/server/coverage/service";
import { coverageMatrix } from "@/server/coverage/views";
import { generateApiKey } from "@/server/sensors/keys";
import { systemContext } from "@/server/tenancy/tenant";
import { machine, pct, scratchDatabase } from "./lib";
import { fillHeartbeatHours } from "./scale/heartbeats";

const { values } = parseArgs({
  options: {
    customers: { type: "string", default: "1000" },
    sensors: { type: "string", default: "20" },
    days: { type: "string", default: "90" },
    port: { type: "string", default: "3130" },
    requests: { type: "string", default: "20000" },
    concurrency: { type: "string", default: "32" },
    "no-http": { type: "boolean", default: false },
    /** Only the intake port (skip the slower Next route): for iterating on the heartbeat path. */
    "intake-only": { type: "boolean", default: false },
  },
});
const CUSTOMERS = Number(values.customers);
const PER = Number(values.sensors);
const DAYS = Number(values.days);
const CLASSES = ["edr", "ndr", "siem", "cloud", "identity", "email"];

const ms = (t0: number) => Number(process.hrtime.bigint() / 1000n) / 1000 - t0;
const now = () => Number(process.hrtime.bigint() / 1000n) / 1000;

async function main() {
  const { handle, url, drop } = await scratchDatabase("wk_bench_cov", 8);
  const db = handle.db;
  const out: string[] = [];
  try {
    await db.insert(providerSettings).values({ name: "Bench" });
    let t = now();
    // Customers with an MXDR contract each; 20 sensors each over the six classes (some xdr, a few silent or retired).
    await db.execute(sql`
      insert into customers (name, slug, industry, country, timezone)
      select 'Customer ' || i, 'c-' || i, 'Other', 'US', 'UTC' from generate_series(1, ${CUSTOMERS}) i`);
    await db.execute(sql`
      insert into contracts (customer_id, reference) select id, 'REF-' || slug from customers`);
    await db.execute(sql`
      insert into contract_versions (customer_id, contract_id, version, effective_from, tier, start_date, end_date,
        auto_renew, notice_days, licensed_endpoints, licensed_sensors, monitored_classes, coverage, sla_targets,
        pause_on_customer)
      select c.customer_id, c.id, 1, now() - interval '200 days', 'mxdr', current_date - 200, current_date + 165, true,
        60, 500, 25, array['edr','ndr','identity','cloud'], '{"kind":"24x7"}', '{}', true
      from contracts c`);
    await db.execute(sql`
      insert into sensors (customer_id, name, sensor_class, vendor, product, source_format, status,
        last_heartbeat_at, provides_classes, agent_version, health_note_at)
      select c.id, 'S' || g, case when g % 10 = 0 then 'xdr' else (array[${sql.raw(CLASSES.map((x) => `'${x}'`).join(","))}])[1 + g % 6] end,
        'Vendor', 'Product', 'ocsf', case when g = 19 then 'retired' else 'active' end,
        case when g = 7 and c.slug like '%3' then now() - interval '2 hours' else now() - (g || ' seconds')::interval end,
        case when g % 10 = 0 then array['edr','identity'] else '{}'::text[] end,
        case when g = 5 then '6.0.3' else '7.0.8' end,
        case when g = 3 and c.slug like '%7' then now() - interval '10 minutes' end
      from customers c, generate_series(0, ${PER - 1}) g`);
    await db.execute(
      sql`insert into unsupported_agent_versions (vendor, product, version) values ('Vendor', 'Product', '6.0.3')`,
    );
    out.push(`setup: ${CUSTOMERS} customers, ${CUSTOMERS * PER} sensors in ${(ms(t) / 1000).toFixed(1)} s`);

    // 90 days of 5-minute heartbeats as hourly rows, generated in bulk (one in-hour outage a day on every fifth sensor).
    // The foreign-key checks of 43 M rows (queued per row, run at the end of the statement) took longer than writing
    // them: the bench's rows reference sensors it has just written, so the load skips them (superuser only).
    t = now();
    await handle.sql!.begin(async (tx) => {
      await tx`set local session_replication_role = replica`;
      await fillHeartbeatHours(tx as unknown as postgres.Sql, new Date(Date.now() - DAYS * 86_400_000));
    });
    // The load took a while: the sensors' latest facts are set relative to now again (the intended mix of states).
    await db.execute(sql`
      update sensors set last_heartbeat_at = case when name = 'S7' and customer_id in (select id from customers
        where slug like '%3') then now() - interval '2 hours' else now() - (substr(name, 2) || ' seconds')::interval end`);
    await db.execute(sql`analyze`);
    const [{ n }] = (await db.execute(sql`select count(*)::int as n from sensor_heartbeat_hours`)) as unknown as [
      { n: number },
    ];
    out.push(
      `history: ${n.toLocaleString("en-GB")} hourly rows (${DAYS} days × ${CUSTOMERS * PER} sensors) in ${(ms(t) / 1000).toFixed(1)} s`,
    );

    // The coverage matrix, as the console asks for it (page 1, all customers), 30 runs.
    const ctx = { ...systemContext(db, "bench"), actor: { side: "staff" as const, role: "analyst" as const } };
    const times: number[] = [];
    for (let i = 0; i < 33; i++) {
      t = now();
      const m = await coverageMatrix(ctx, { state: "all", page: 1 });
      if (i >= 3) times.push(ms(t));
      if (i === 0) out.push(`matrix: ${m.summary.customers} customers, ${m.summary.needsAction} need action`);
    }
    out.push(`matrix: p50 ${pct(times, 0.5).toFixed(0)} ms, p95 ${pct(times, 0.95).toFixed(0)} ms (target ≤ 100 ms)`);

    // The health sweep: first run announces the silent ones (1 per 10 customers), then an idle run.
    t = now();
    const first = await runSensorSweep(db, new Date());
    const firstMs = ms(t);
    t = now();
    await runSensorSweep(db, new Date());
    out.push(
      `sweep: ${first.silent} silent announced (${first.emails} e-mails queued) in ${firstMs.toFixed(0)} ms; idle sweep ${ms(t).toFixed(0)} ms (target ≤ 1 s)`,
    );

    if (!values["no-http"]) out.push(...(await heartbeats(db, url)));
  } finally {
    console.log(`\nCoverage benchmark, ${new Date().toISOString().slice(0, 10)}, ${machine()}`);
    for (const l of out) console.log(`  ${l}`);
    await drop();
  }
}

/**
 * One request on a keep-alive connection with node:http (what the intake load tool uses: far less client CPU per
 * request than fetch, which matters when client and server share two cores); resolves to the status.
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
function send(url: string, method: string, headers: Record<string, string>, body?: string) {
  return new Promise<number>((resolve, reject) => {
    const req = http.request(url, { method, headers, agent }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", reject);
    req.end(body);
  });
}

/** Keys for 2,000 sensors, then heartbeats over HTTP against `npm start`, and the raw-insert floor. */
async function heartbeats(db: Awaited<ReturnType<typeof scratchDatabase>>["handle"]["db"], url: string) {
  const keys: string[] = [];
  const rows = (await db.execute(
    sql`select id, customer_id from sensors where status = 'active' limit 2000`,
  )) as unknown as {
    id: string;
    customer_id: string;
  }[];
  for (const r of rows) {
    const k = generateApiKey();
    keys.push(k.key);
    await db.execute(
      sql`insert into api_keys (customer_id, sensor_id, prefix, key_hash) values (${r.customer_id}, ${r.id}, ${k.prefix}, ${k.keyHash})`,
    );
  }
  const N = Number(values.requests);
  const C = Number(values.concurrency);
  const port = values.port;
  const intakePort = String(Number(port) + 1);
  // BENCH_CPU_PROF_DIR: the server runs under `node --cpu-prof` (what `npm start` runs, without npm in between);
  // summarise the profile with bench/ingest-profile.ts.
  const prof = process.env.BENCH_CPU_PROF_DIR;
  const [cmd, args] = prof
    ? ["node", [`--cpu-prof`, `--cpu-prof-dir=${prof}`, "node_modules/next/dist/bin/next", "start", "-p", port]]
    : ["npm", ["start", "--", "-p", port]];
  const server = spawn(cmd, args, {
    env: {
      ...process.env,
      INTAKE_PORT: intakePort,
      DATABASE_URL: url,
      JOBS: "off",
      NODE_ENV: "production",
      LOG_LEVEL: "warn",
      BETTER_AUTH_SECRET: "coverage-bench-secret-0123456789abcdef",
      AUDIT_HMAC_KEY: "coverage-bench-audit-key-0123456789abcdef",
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const lines: string[] = [];
  try {
    const base = `http://127.0.0.1:${port}`;
    const intakeBase = `http://127.0.0.1:${intakePort}`;
    for (let i = 0; ; i++) {
      if (i > 240) throw new Error("the server did not start within 120 s");
      const ok = await fetch(`${base}/api/ingest/heartbeat`, { method: "POST" }).then(
        (r) => r.status,
        () => 0,
      );
      if (ok === 401) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    const body = JSON.stringify({ version: "7.0.8", eventsPerSecond: 12.5, hostCount: 40 });
    /** `n` requests from `C` concurrent loops; returns requests per second and the count of unexpected answers. */
    const drive = async (n: number, request: (i: number) => Promise<number>, ok: (status: number) => boolean) => {
      let next = 0;
      let failed = 0;
      const t0 = now();
      await Promise.all(
        Array.from({ length: C }, async () => {
          while (next < n) {
            const status = await request(next++);
            if (!ok(status)) failed++;
          }
        }),
      );
      return { rate: n / (ms(t0) / 1000), failed };
    };
    const beat = (at: string) => (i: number) =>
      send(
        `${at}/api/ingest/heartbeat`,
        "POST",
        {
          authorization: `Bearer ${keys[i % keys.length]}`,
          "content-type": "application/json",
        },
        body,
      );
    const accepted = (s: number) => s === 202 || s === 200 || s === 204;
    // The Next route, then the intake port (INTAKE_PORT: same handler, no framework routing), each with its floor:
    // a route that does nothing on the same listener.
    const listeners = [
      ["Next route", base],
      ["intake port", intakeBase],
    ] as const;
    for (const [label, at] of listeners.filter(([l]) => !values["intake-only"] || l === "intake port")) {
      await drive(500, beat(at), accepted); // warm-up
      const hb = await drive(N, beat(at), accepted);
      const floor = await drive(
        N,
        (_i) => send(`${at}/healthz`, "GET", {}),
        (s) => s === 200,
      );
      lines.push(
        `heartbeats, ${label}: ${N} requests, ${C} concurrent, ${hb.rate.toFixed(0)} req/s, ${hb.failed} failed (target ≥ 2,000/s); ` +
          `GET /healthz on the same listener ${floor.rate.toFixed(0)} req/s`,
      );
    }
  } finally {
    if (server.pid) process.kill(-server.pid, "SIGTERM");
  }
  // Floor: the raw heartbeat insert alone, single-row statements from 8 connections.
  const pg = postgres(url, { max: 8 });
  let next = 0;
  const FLOOR = 20_000;
  const t = now();
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < FLOOR) {
        const r = rows[next++ % rows.length]!;
        await pg`insert into sensor_heartbeats (customer_id, sensor_id, at) values (${r.customer_id}, ${r.id}, now())`;
      }
    }),
  );
  lines.push(
    `floor: raw single-row heartbeat inserts from 8 connections, ${(FLOOR / (ms(t) / 1000)).toFixed(0)} rows/s`,
  );
  await pg.end();
  return lines;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
