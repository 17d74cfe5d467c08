import { parseArgs } from "node:util";
import { refreshDirtyMonths } from "@/server/sla/queries";
import { runSlaSweep } from "@/server/sla/service";
import { attainmentPage, slaMonth } from "@/server/sla/views";
import { mintTenantId, systemContext } from "@/server/tenancy/tenant";
import { machine, pct, requireDatabaseUrl, scratchDatabase } from "./lib";

const { values } = parseArgs({
  options: { incidents: { type: "string", default: "500000" }, open: { type: "string", default: "100000" } },
});
const N = Number(values.incidents);
const OPEN = Number(values.open);
requireDatabaseUrl();

async function main() {
  const { handle, drop } = await scratchDatabase("wk_bench_sla", 6);
  const sql = handle.sql!;
  try {
    await sql`insert into provider_settings (id, name) values ('provider', 'Bench')`;
    await sql`insert into customers (name, slug, industry, country, timezone)
      select 'Customer ' || g, 'c' || g, 'Other', 'US', (array['Europe/Berlin','America/Chicago','Asia/Tokyo','UTC'])[1 + g % 4]
      from generate_series(1, 20) g`;
    await sql.unsafe(`insert into contracts (customer_id, reference) select id, 'B-' || slug from customers`);
    await sql.unsafe(`insert into contract_versions (customer_id, contract_id, version, effective_from, tier, start_date, end_date,
        auto_renew, notice_days, licensed_endpoints, licensed_sensors, coverage, sla_targets, pause_on_customer)
      select customer_id, id, 1, '2025-01-01', 'mdr', '2025-01-01', '2027-12-31', true, 90, 100, 4,
        '{"kind":"24x7"}'::jsonb, '{}'::jsonb, true from contracts`);
    const t0 = performance.now();
    // N incidents over the last 12 months, 4 decided clocks each; the newest OPEN/4 incidents hold 4 open clocks each.
    await sql.unsafe(`
      insert into incidents (customer_id, number, title, severity, status, first_alert_received_at, first_event_time, latest_event_time, created_at, updated_at)
      select c.id, g, 'Bench incident ' || g, 2 + g % 4, case when g > ${N - OPEN / 4} then 'investigating' else 'closed' end,
        now() - ((${N} - g) * interval '1 minute' * (525600.0 / ${N})), now(), now(),
        now() - ((${N} - g) * interval '1 minute' * (525600.0 / ${N})), now()
      from generate_series(1, ${N}) g
      join lateral (select id from customers order by id offset (g % 20) limit 1) c on true`);
    await sql.unsafe(`
      insert into sla_clocks (customer_id, incident_id, metric, severity, target_minutes, start_at, stop_at, due_at, at_risk_due_at, state, elapsed_ms, computed_at)
      select i.customer_id, i.id, m.metric, (array['critical','high','medium','low'])[1 + i.number % 4], m.target,
        i.created_at,
        case when i.status = 'closed' then i.created_at + (m.target * (0.3 + (i.number % 10) * 0.09)) * interval '1 minute' end,
        case when i.status = 'closed' then i.created_at + m.target * interval '1 minute'
             else now() + (((i.number * 7) % 10080) - 30) * interval '1 minute' end,
        case when i.status = 'closed' then null else now() + (((i.number * 7) % 10080) - 90) * interval '1 minute' end,
        case when i.status <> 'closed' then 'running' when (i.number % 10) < 8 then 'met' else 'breached' end,
        (m.target * (0.3 + (i.number % 10) * 0.09) * 60000)::bigint, now()
      from incidents i cross join (values ('acknowledge', 15), ('notify', 30), ('contain', 240), ('resolve', 1440)) m(metric, target)`);
    await sql`analyze`;
    const loadSec = (performance.now() - t0) / 1000;
    // The rollup of the loaded history: every customer month dirty, rebuilt once (as after the migration).
    await sql.unsafe(`insert into sla_monthly_dirty (customer_id, month)
      select distinct c.customer_id, to_char(c.start_at at time zone cu.timezone, 'YYYY-MM')
      from sla_clocks c join customers cu on cu.id = c.customer_id on conflict do nothing`);
    const r0 = performance.now();
    const rebuilt = await refreshDirtyMonths(handle.db, 100_000);
    const rollupMs = performance.now() - r0;
    const [counts] =
      await sql`select count(*)::int as clocks, count(*) filter (where state in ('running','at_risk'))::int as open from sla_clocks`;

    // 1. The sweep, as the scheduler runs it each minute (a first run catches up on what became due meanwhile).
    const db = handle.db;
    const first = performance.now();
    const catchUp = await runSlaSweep(db, new Date());
    const firstMs = performance.now() - first;
    const sweeps: number[] = [];
    let last = { breached: 0, atRisk: 0, emails: 0 };
    for (let i = 1; i <= 10; i++) {
      const t = performance.now();
      last = await runSlaSweep(db, new Date(Date.now() + i * 60_000));
      sweeps.push(performance.now() - t);
    }

    // 2. Attainment: one customer's month (the portal, the report) and the console grid's first page of 6 months.
    const customers = await sql`select id from customers`;
    const month = new Date().toISOString().slice(0, 7);
    const monthTimes: number[] = [];
    for (let i = 0; i < 50; i++) {
      const ctx = { ...systemContext(db, "bench"), tenant: mintTenantId(customers[i % customers.length]!.id) };
      const t = performance.now();
      await slaMonth(ctx, month);
      monthTimes.push(performance.now() - t);
    }
    const overview: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t = performance.now();
      await attainmentPage(systemContext(db, "bench"), { months: 6, sort: "worst", page: 1, pageSize: 25 });
      overview.push(performance.now() - t);
    }
    const machineLine = machine();
    console.log(`\nSLA benchmark — ${new Date().toISOString().slice(0, 10)} — ${machineLine}`);
    console.log(
      `PostgreSQL ${(await sql`show server_version`)[0]?.server_version}; ${N} incidents, ${counts!.clocks} clocks (${counts!.open} open), loaded in ${loadSec.toFixed(1)} s`,
    );
    console.log(`  rollup rebuild of all ${rebuilt} customer months after the load: ${(rollupMs / 1000).toFixed(1)} s`);
    console.log(
      `  sweep, first run (catch-up: ${catchUp.breached} breached, ${catchUp.atRisk} at risk, ${catchUp.emails} e-mails): ${firstMs.toFixed(0)} ms`,
    );
    console.log(
      `  sweep, steady state per minute (last: ${last.breached} breached, ${last.atRisk} at risk): median ${pct(sweeps, 0.5).toFixed(0)} ms, max ${Math.max(...sweeps).toFixed(0)} ms`,
    );
    console.log(
      `  one customer's month (attainment, times-to, breaches): median ${pct(monthTimes, 0.5).toFixed(0)} ms, p95 ${pct(monthTimes, 0.95).toFixed(0)} ms`,
    );
    console.log(
      `  6-month grid page (25 customers, worst first): median ${pct(overview, 0.5).toFixed(0)} ms, p95 ${pct(overview, 0.95).toFixed(0)} ms`,
    );
  } finally {
    await drop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
