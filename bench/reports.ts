/**
 * Monthly reports on PostgreSQL: (1) the median time to assemble and render one busy customer's report; (2) the
 * month-end batch for 200 customers, drained by one worker and then by two worker processes at once (as two app
 * instances would), every report stored and e-mailed exactly once.
 * Run: DATABASE_URL=postgres://root@127.0.0.1:5432/test npx tsx bench/reports.ts [--customers 200] [--renders 15]
 */
import { spawn } from "node:child_process";
import { parseArgs } from "node:util";
import type postgres from "postgres";
import { closeDatabase, installDatabase, openPostgres } from "@/db";
import { assembleMonthlyReport } from "@/server/reports/model/assemble";
import { processReportJobs, renderReport, requestAllReports } from "@/server/reports/service";
import { refreshDirtyMonths } from "@/server/sla/queries";
import { mintTenantId, systemContext } from "@/server/tenancy/tenant";
import { machine, pct, requireDatabaseUrl, scratchDatabase } from "./lib";

const { values } = parseArgs({
  options: {
    customers: { type: "string", default: "200" },
    renders: { type: "string", default: "15" },
    worker: { type: "string" },
    /** Skip the one-worker batch (the 1,000-customer run measures two worker processes only). */
    "dual-only": { type: "boolean", default: false },
  },
});
const MONTH = "2026-10";
requireDatabaseUrl();

/** Child mode: one more "instance" draining the same queue. */
async function worker(url: string) {
  const handle = openPostgres(url, 4);
  installDatabase(handle);
  const r = await processReportJobs(handle.db);
  console.log(JSON.stringify(r));
  await closeDatabase();
}

async function load(sql: postgres.Sql, customers: number) {
  await sql`insert into provider_settings (id, name, legal_name, support_email) values ('provider', 'Northwatch Security', 'Northwatch Security Operations Ltd', 'soc@northwatch.example')`;
  await sql`insert into customers (name, slug, industry, country, timezone, created_at)
    select 'Customer ' || g || ' Müller & Zoë', 'c' || g, 'Other', 'DE',
      (array['Europe/Berlin','America/Chicago','Asia/Tokyo','UTC'])[1 + g % 4], '2025-01-01'
    from generate_series(1, ${customers}) g`;
  await sql.unsafe(`insert into customer_contacts (customer_id, name, email, receives_reports)
    select id, 'Report reader ' || n, slug || '-' || n || '@example.test', true from customers, generate_series(1, 2) n`);
  await sql.unsafe(`insert into contracts (customer_id, reference) select id, 'B-' || slug from customers`);
  await sql.unsafe(`insert into contract_versions (customer_id, contract_id, version, effective_from, tier, start_date, end_date,
      auto_renew, notice_days, licensed_endpoints, licensed_sensors, coverage, sla_targets, pause_on_customer)
    select customer_id, id, 1, '2025-01-01', 'mdr', '2025-01-01', '2027-12-31', true, 90, 100, 4,
      '{"kind":"24x7"}'::jsonb, '{}'::jsonb, true from contracts`);
  // Each customer: 30 incidents a month for the last seven months (trend), with clocks and techniques; 1,500 alerts
  // in the report month.
  await sql.unsafe(`
    insert into incidents (customer_id, number, title, summary, severity, status, visible_to_customer, first_alert_received_at,
      first_event_time, latest_event_time, created_at, updated_at, contained_at, resolved_at)
    select c.id, g, 'Suspicious activity on host ws-' || g, 'Analysts investigated credential access on a workstation and contained it.',
      2 + g % 4, case when g % 7 = 0 then 'waiting_on_customer' else 'closed' end, true, t, t, t, t, t,
      t + interval '50 minutes', t + interval '6 hours'
    from customers c, generate_series(1, 210) g,
      lateral (select timestamptz '2026-04-01 00:00Z' + (g - 1) * interval '1 day' * (214.0 / 210) + interval '3 hours' as t) x`);
  await sql.unsafe(`
    insert into sla_clocks (customer_id, incident_id, metric, severity, target_minutes, start_at, stop_at, due_at, state, elapsed_ms, computed_at)
    select i.customer_id, i.id, m.metric, (array['critical','high','medium','low'])[1 + i.number % 4], m.target, i.created_at,
      i.created_at + (m.target * (0.3 + (i.number % 10) * 0.09)) * interval '1 minute',
      i.created_at + m.target * interval '1 minute',
      case when (i.number % 10) < 8 then 'met' else 'breached' end,
      (m.target * (0.3 + (i.number % 10) * 0.09) * 60000)::bigint, now()
    from incidents i cross join (values ('acknowledge', 15), ('notify', 30), ('contain', 240), ('resolve', 1440)) m(metric, target)`);
  await sql.unsafe(`insert into incident_techniques (customer_id, incident_id, technique_id, source)
    select customer_id, id, (array['T1003.001','T1059.001','T1566.001','T1021.001','T1486','T1071.001'])[1 + number % 6], 'alert'
    from incidents`);
  await sql.unsafe(`select wk_ensure_alert_partitions('2026-10-01', '2026-11-01')`);
  await sql.unsafe(`
    insert into alerts (customer_id, source, dedup_key, title, severity, event_time, received_at, last_seen_at, entities, raw, status, incident_id)
    select c.id, 'crowdstrike', 'k' || g, 'Alert ' || g, 1 + g % 5, t, t, t, '{}'::jsonb, '{}'::jsonb,
      case when g % 25 = 0 then 'escalated' else 'closed' end,
      case when g % 25 = 0 then (select id from incidents i where i.customer_id = c.id and i.created_at >= '2026-10-01' order by i.number limit 1) end
    from customers c, generate_series(1, 1500) g,
      lateral (select timestamptz '2026-10-01 00:00Z' + g * interval '29 minutes' as t) x`);
  // Their dedup keys, as the intake keeps them (migration 0032).
  await sql.unsafe(`insert into alert_keys (customer_id, dedup_key, alert_id, received_at)
    select customer_id, dedup_key, id, received_at from alerts`);
  await sql.unsafe(`insert into sla_monthly_dirty (customer_id, month)
    select distinct c.customer_id, to_char(c.start_at at time zone cu.timezone, 'YYYY-MM')
    from sla_clocks c join customers cu on cu.id = c.customer_id on conflict do nothing`);
  await sql`analyze`;
}

async function main() {
  const customers = Number(values.customers);
  const renders = Number(values.renders);
  const { handle, url, drop } = await scratchDatabase("wk_bench_reports", 6);
  const sql = handle.sql!;
  try {
    const t0 = performance.now();
    await load(sql, customers);
    await refreshDirtyMonths(handle.db, 100_000);
    const loadSec = (performance.now() - t0) / 1000;
    const [one] = await sql`select id from customers order by slug limit 1`;
    const tenant = mintTenantId(one!.id);

    // 1. One report: assemble (all queries) and render, repeated.
    const assembleMs: number[] = [];
    const renderMs: number[] = [];
    let pages = 0;
    let bytes = 0;
    for (let i = 0; i < renders; i++) {
      const a0 = performance.now();
      const model = await assembleMonthlyReport(handle.db, tenant, MONTH);
      assembleMs.push(performance.now() - a0);
      const file = await renderReport(model);
      renderMs.push(file.renderMs);
      pages = file.pages;
      bytes = file.pdf.length;
    }

    // 2. The month-end batch, one worker in this process.
    const ctx = systemContext(handle.db, "bench");
    let single = { done: 0, failed: 0 };
    let singleSec = 0;
    if (!values["dual-only"]) {
      await requestAllReports(ctx, MONTH, true);
      const b0 = performance.now();
      single = await processReportJobs(handle.db);
      singleSec = (performance.now() - b0) / 1000;
    }

    // 3. The same batch again, drained by two worker processes at once (SKIP LOCKED shares the queue).
    await requestAllReports(ctx, MONTH, values["dual-only"]);
    const d0 = performance.now();
    const results = await Promise.all(
      [0, 1].map(
        () =>
          new Promise<{ done: number; failed: number }>((resolve, reject) => {
            const child = spawn(process.execPath, ["--import", "tsx", "bench/reports.ts", "--worker", url.toString()], {
              stdio: ["ignore", "pipe", "inherit"],
              env: { ...process.env },
            });
            let out = "";
            child.stdout.on("data", (d) => {
              out += d;
            });
            child.on("exit", (code) =>
              code === 0 ? resolve(JSON.parse(out.trim().split("\n").at(-1)!)) : reject(new Error(`worker ${code}`)),
            );
          }),
      ),
    );
    const dualSec = (performance.now() - d0) / 1000;
    const [check] = await sql`select
        (select count(*)::int from report_versions) as versions,
        (select count(*)::int from report_deliveries) as deliveries,
        (select count(*)::int from email_outbox where template = 'report-ready') as emails,
        (select count(*)::int from report_jobs where status <> 'done') as unfinished`;

    const machineLine = machine();
    console.log(`\nReport benchmark — ${new Date().toISOString().slice(0, 10)} — ${machineLine}`);
    console.log(
      `PostgreSQL ${(await sql`show server_version`)[0]?.server_version}; ${customers} customers, 210 incidents and 1,500 alerts each; loaded in ${loadSec.toFixed(1)} s`,
    );
    console.log(
      `  one report (${pages} pages, ${(bytes / 1024).toFixed(0)} KiB), ${renders} runs: assemble median ${pct(assembleMs, 0.5).toFixed(0)} ms (p95 ${pct(assembleMs, 0.95).toFixed(0)}), render median ${pct(renderMs, 0.5).toFixed(0)} ms (p95 ${pct(renderMs, 0.95).toFixed(0)})`,
    );
    if (!values["dual-only"])
      console.log(
        `  month-end batch, 1 worker: ${single.done} reports (${single.failed} failed) in ${singleSec.toFixed(1)} s = ${((singleSec * 1000) / customers).toFixed(0)} ms/report, ${customers * 2} e-mails`,
      );
    console.log(
      `  month-end batch, 2 worker processes: ${results.map((r) => r.done).join(" + ")} reports in ${dualSec.toFixed(1)} s`,
    );
    console.log(
      `  check: ${check!.versions} versions stored, ${check!.deliveries} deliveries, ${check!.emails} e-mails, ${check!.unfinished} unfinished jobs`,
    );
  } finally {
    await drop();
  }
}

if (values.worker) {
  worker(values.worker).catch((e) => {
    console.error(e);
    process.exit(1);
  });
} else {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
