import { parseArgs } from "node:util";
import { getAllAssets, getCoverage } from "@/server/assets/service";
import { mintTenantId, systemContext } from "@/server/tenancy/tenant";
import { getHeatMap, getProviderVisibility } from "@/server/visibility/service";
import { machine, pct, requireDatabaseUrl, scratchDatabase } from "./lib";

/**
 * One customer's ATT&CK heat map (and the asset reads beside it) at 1,000 customers, 20,000 sensors, 250,000 assets.
 * `DATABASE_URL=postgres://root@127.0.0.1:5432/test npx tsx bench/visibility.ts [--customers 1000] [--assets 250000]`
 */
const { values } = parseArgs({
  options: {
    customers: { type: "string", default: "1000" },
    assets: { type: "string", default: "250000" },
    runs: { type: "string", default: "200" },
  },
});
const C = Number(values.customers);
const A = Number(values.assets);
const RUNS = Number(values.runs);
requireDatabaseUrl();

async function main() {
  const { handle, drop } = await scratchDatabase("wk_bench_vis", 4);
  const sql = handle.sql!;
  try {
    const t0 = performance.now();
    await sql`insert into provider_settings (id, name) values ('provider', 'Bench')`;
    await sql.unsafe(`insert into customers (name, slug, industry, country, timezone)
      select 'Customer ' || g, 'c' || g, 'Other', 'US', 'UTC' from generate_series(1, ${C}) g`);
    await sql.unsafe(`insert into contracts (customer_id, reference) select id, 'B-' || slug from customers`);
    await sql.unsafe(`insert into contract_versions (customer_id, contract_id, version, effective_from, tier, start_date,
        end_date, auto_renew, notice_days, licensed_endpoints, licensed_sensors, coverage, sla_targets, pause_on_customer)
      select customer_id, id, 1, '2025-01-01', 'mxdr', '2025-01-01', '2027-12-31', true, 90, 250, 20,
        '{"kind":"24x7"}'::jsonb, '{}'::jsonb, true from contracts`);
    // 20 sensors a customer across the classes; most report now, every tenth is silent since yesterday.
    await sql.unsafe(`insert into sensors (customer_id, name, sensor_class, vendor, product, source_format, last_heartbeat_at)
      select c.id, 'S' || g, (array['edr','ndr','siem','cloud','identity','email','xdr'])[1 + (g + c.n) % 7], 'v', 'p',
        'ocsf', case when g % 10 = 0 then now() - interval '1 day' else now() - interval '2 minutes' end
      from (select id, row_number() over (order by id) as n from customers) c cross join generate_series(1, 20) g
      where (c.n % 5 <> 0 or g <= 6)`);
    // Assets spread over the customers, each reported by one or two sensors within the last 40 days.
    await sql.unsafe(`insert into assets (customer_id, identity_key, agent_id, hostname, os, criticality, first_seen_at, last_seen_at)
      select c.id, 'agent:' || g, case when g % 7 <> 0 then 'ag' || g end, 'host-' || g, 'Windows 11',
        (array[null,'low','medium','high','crown-jewel'])[1 + g % 5], now() - interval '60 days',
        now() - (g % 40) * interval '1 day'
      from generate_series(1, ${A}) g
      join (select id, row_number() over (order by id) - 1 as n from customers) c on c.n = g % ${C}`);
    await sql.unsafe(`insert into asset_sightings (customer_id, asset_id, sensor_id, first_seen_at, last_seen_at)
      select a.customer_id, a.id, s.id, a.first_seen_at, a.last_seen_at from assets a
      join lateral (select id from sensors where customer_id = a.customer_id
        order by id offset (hashtext(a.id::text) & 3) limit 2) s on true`);
    // 20 incidents a customer in the last 120 days, two techniques each.
    await sql.unsafe(`insert into incidents (customer_id, number, title, severity, first_alert_received_at, first_event_time, latest_event_time, visible_to_customer)
      select c.id, g, 'Incident ' || g, 3, now() - g * interval '6 days', now() - g * interval '6 days', now() - g * interval '6 days', true
      from customers c cross join generate_series(1, 20) g`);
    await sql.unsafe(`insert into incident_techniques (customer_id, incident_id, technique_id, source)
      select customer_id, id, t, 'analyst' from incidents cross join lateral
        (values ((array['T1059.001','T1003','T1566.001','T1486','T1021.001'])[1 + number % 5]), ('T1078')) v(t)`);
    await sql`analyze`;
    const [counts] = await sql`select (select count(*) from customers)::int as customers,
      (select count(*) from sensors)::int as sensors, (select count(*) from assets)::int as assets,
      (select count(*) from asset_sightings)::int as sightings, (select count(*) from incidents)::int as incidents`;
    console.log(`loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s:`, counts);

    const ids = (await sql`select id from customers order by random()`).map((r) => r.id as string);
    const ctx = systemContext(handle.db, "bench");
    const time = async (fn: (tenant: ReturnType<typeof mintTenantId>) => Promise<unknown>) => {
      const out: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const tenant = mintTenantId(ids[i % ids.length]!);
        const s = performance.now();
        await fn(tenant);
        out.push(performance.now() - s);
      }
      return `median ${pct(out, 0.5).toFixed(1)} ms, p95 ${pct(out, 0.95).toFixed(1)} ms`;
    };
    await getHeatMap({ ...ctx, tenant: mintTenantId(ids[0]!) }); // warm-up
    console.log(`machine: ${machine()}; ${new Date().toISOString().slice(0, 10)}`);
    console.log(
      `heat map of one customer (${RUNS} customers): ${await time((tenant) => getHeatMap({ ...ctx, tenant }))}`,
    );
    console.log(`EDR coverage + entitlement: ${await time((tenant) => getCoverage({ ...ctx, tenant }))}`);
    console.log(
      `asset list, one customer, uncovered, page 1: ${await time((tenant) =>
        getAllAssets(ctx, { customerId: tenant, coverage: "uncovered", page: 1, pageSize: 50 }),
      )}`,
    );
    const p0 = performance.now();
    await getProviderVisibility(ctx);
    console.log(`provider-wide visibility (all customers): ${(performance.now() - p0).toFixed(0)} ms`);
  } finally {
    await drop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
