/**
 * Posture on PostgreSQL: (1) the recommendation rules for 1,000 customers (pure evaluation and reconciliation over
 * gathered facts, then the whole hourly job with its reads and writes); (2) the live score of one busy customer, p95;
 * (3) the monthly report with the new sections: assemble + render, median. Sensor history is the hourly heartbeat
 * rollup the coverage facts read (`sensor_heartbeat_hours`), 31 days for every sensor, filled in bulk.
 * Run: DATABASE_URL=postgres://root@127.0.0.1:5432/<yours> npx tsx bench/posture.ts [--customers 1000]
 */
import { parseArgs } from "node:util";
import { liveScore } from "@/server/posture/service";
import { evaluateAll } from "@/server/recommendations/evaluation";
import { type CustomerFacts, emptyFacts } from "@/server/recommendations/facts";
import { reconcile } from "@/server/recommendations/reconcile";
import { evaluateRules } from "@/server/recommendations/rules";
import { assembleMonthlyReport } from "@/server/reports/model/assemble";
import { renderReport } from "@/server/reports/service";
import { mintTenantId } from "@/server/tenancy/tenant";
import { machine, pct, requireDatabaseUrl, scratchDatabase } from "./lib";
import { fillHeartbeatHours } from "./scale/heartbeats";

const { values } = parseArgs({ options: { customers: { type: "string", default: "1000" } } });
const N = Number(values.customers);
requireDatabaseUrl();
const NOW = new Date("2026-11-15T12:00:00Z");
const DAY = 86_400_000;
const TECH = ["T1059.001", "T1566.001", "T1078", "T1021.002", "T1003.001"];

function syntheticFacts(i: number): CustomerFacts {
  const f = emptyFacts(`c${i}`);
  f.contractedClasses = ["edr", "ndr", "identity", "cloud"].map((c, k) => ({
    sensorClass: c,
    state: (i + k) % 5 === 0 ? "missing" : "ok",
  }));
  f.sensors = Array.from({ length: 8 }, (_, k) => ({
    id: `s${i}-${k}`,
    name: `Sensor ${k}`,
    state: k === i % 8 ? "silent" : "healthy",
    silentSince: k === i % 8 ? new Date(NOW.getTime() - 2 * DAY) : null,
    agentVersion: "7.1",
    unsupported: k === 3 && i % 4 === 0,
    retired: k === 7,
  }));
  const known = 200 + (i % 50);
  f.edr = {
    known,
    covered: known - (i % 30),
    uncovered: Array.from({ length: i % 30 }, (_, k) => ({ id: `a${k}`, name: `host-${k}` })),
    crownJewelsUncovered: i % 10 === 0 ? [{ id: "cj", name: "erp-db" }] : [],
  };
  f.endpoints = { deployed: 210, licensed: 200 + (i % 20) };
  f.waitingActions = Array.from({ length: i % 3 }, (_, k) => ({
    id: `ra${k}`,
    incidentId: `i${k}`,
    reference: `C-${k}`,
    label: "Isolate host",
    since: new Date(NOW.getTime() - (k + 1) * DAY),
  }));
  f.incidents = Array.from({ length: 40 }, (_, k) => ({
    id: `i${k}`,
    reference: `C-${k}`,
    severity: "high",
    truePositive: k % 3 !== 0,
    openedAt: new Date(NOW.getTime() - (k % 45) * DAY),
    techniques: [TECH[k % TECH.length]!, TECH[(k + i) % TECH.length]!],
    visibleToCustomer: k % 4 !== 0,
  }));
  return f;
}

async function load(sql: import("postgres").Sql, customers: number) {
  await sql`insert into customers (name, slug, industry, country, timezone, created_at)
    select 'Customer ' || g, 'c' || g, 'Other', 'DE', 'Europe/Berlin', '2025-01-01' from generate_series(1, ${customers}) g`;
  await sql`insert into contracts (customer_id, reference) select id, 'R-' || slug from customers`;
  await sql`insert into contract_versions (customer_id, contract_id, version, effective_from, tier, start_date, end_date,
      auto_renew, notice_days, licensed_endpoints, licensed_sensors, monitored_classes, coverage, sla_targets, pause_on_customer)
    select customer_id, id, 1, '2025-01-01', 'mxdr', '2025-01-01', '2027-12-31', true, 30, 100, 10, '{}', '{"kind":"24x7"}',
      '{}', true from contracts`;
  await sql`insert into sensors (customer_id, name, sensor_class, vendor, product, source_format, last_heartbeat_at)
    select c.id, k || ' sensor', k, 'V', 'P', 'ocsf',
      case when (row_number() over ()) % 7 = 0 then ${new Date(NOW.getTime() - 3 * DAY).toISOString()}::timestamptz else ${NOW.toISOString()}::timestamptz end
    from customers c cross join unnest(array['edr','ndr','identity']::text[]) k`;
  await fillHeartbeatHours(sql, new Date(NOW.getTime() - 31 * DAY));
}

async function main() {
  // (1a) pure
  const facts = Array.from({ length: N }, (_, i) => syntheticFacts(i));
  let t = performance.now();
  let findings = 0;
  for (const f of facts) {
    const found = evaluateRules(f, NOW);
    findings += found.length;
    reconcile([], found);
  }
  const pureMs = performance.now() - t;

  const db = await scratchDatabase("wk_posture", 10);
  const sql = db.handle.sql!;
  t = performance.now();
  await load(sql, N);
  await sql`analyze`;
  const loadMs = performance.now() - t;
  const [{ rows: hourRows }] = (await sql`select count(*)::int as rows from sensor_heartbeat_hours`) as unknown as [
    { rows: number },
  ];
  t = performance.now();
  const first = await evaluateAll(db.handle.db, NOW);
  const jobFirstMs = performance.now() - t;
  t = performance.now();
  const again = await evaluateAll(db.handle.db, NOW);
  const jobAgainMs = performance.now() - t;

  // (2) live score for one busy customer: 10 sensors with 31 days of 5-minute heartbeats as the hourly rollup (what
  // the score reads) plus the raw heartbeats of the last 48 hours (what the intake keeps), 300 incidents.
  const id = ((await sql`select id from customers order by slug limit 1`)[0] as { id: string }).id;
  const busy = await sql<{ id: string }[]>`
    insert into sensors (customer_id, name, sensor_class, vendor, product, source_format, last_heartbeat_at)
    select ${id}, 'busy ' || g, 'edr', 'V', 'P', 'ocsf', ${NOW.toISOString()}::timestamptz from generate_series(1, 7) g
    returning id`;
  await fillHeartbeatHours(
    sql,
    new Date(NOW.getTime() - 31 * DAY),
    busy.map((b) => b.id),
  );
  await sql`insert into sensor_heartbeats (customer_id, sensor_id, at)
    select s.customer_id, s.id, t from sensors s,
      generate_series(${new Date(NOW.getTime() - 2 * DAY).toISOString()}::timestamptz, s.last_heartbeat_at, interval '5 minutes') t
    where s.customer_id = ${id}`;
  await sql`analyze`;
  const [{ hours }] = (await sql`
    select count(*)::int as hours from sensor_heartbeat_hours where customer_id = ${id}`) as unknown as [
    { hours: number },
  ];
  await sql`insert into incidents (customer_id, number, title, severity, first_alert_received_at, first_event_time,
      latest_event_time, created_at)
    select ${id}, g, 'Incident ' || g, 2 + g % 4, now(), now(), now(), ${NOW.toISOString()}::timestamptz - (g || ' hours')::interval
    from generate_series(1, 300) g`;
  const tenant = mintTenantId(id);
  const times: number[] = [];
  for (let k = 0; k < 40; k++) {
    const s = performance.now();
    await liveScore(db.handle.db, tenant, NOW);
    times.push(performance.now() - s);
  }
  const live = times.slice(5);

  // (3) the report with the new sections
  const renders: number[] = [];
  let pages = 0;
  for (let k = 0; k < 8; k++) {
    const s = performance.now();
    const model = await assembleMonthlyReport(db.handle.db, tenant, "2026-10");
    const r = await renderReport(model, NOW);
    pages = r.pages;
    renders.push(performance.now() - s);
  }
  await db.drop();

  console.log(`machine: ${machine()}`);
  console.log(
    `data: ${N} customers, ${hourRows.toLocaleString("en-GB")} hourly heartbeat rows (31 days) in ${(loadMs / 1000).toFixed(1)} s`,
  );
  console.log(`rules, pure, ${N} customers: ${pureMs.toFixed(0)} ms (${findings} findings)`);
  console.log(`hourly job, ${N} customers, first run (raises): ${(jobFirstMs / 1000).toFixed(1)} s`, first);
  console.log(`hourly job, ${N} customers, unchanged facts: ${(jobAgainMs / 1000).toFixed(1)} s`, again);
  console.log(
    `live score, one customer (${hours.toLocaleString("en-GB")} hourly rows): median ${pct(live, 0.5).toFixed(1)} ms, p95 ${pct(live, 0.95).toFixed(1)} ms`,
  );
  console.log(
    `assemble + render with new sections (${pages} pages): median ${pct(renders.slice(1), 0.5).toFixed(0)} ms`,
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
