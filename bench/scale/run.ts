/**
 * The scale build, phase by phase: a fresh migrated database, the plan's rows in bulk (secondary indexes of the big
 * tables dropped for the load and rebuilt after), the product's own jobs over the result (SLA rollup, recommendation
 * rules, sensor sweep), then consistency checks and the console's reads. Returns each phase's time and the sizes.
 */
import { closeDatabase, installDatabase } from "@/db";
import { makeAlertPartitions, PARTITIONS_AHEAD } from "@/server/alerts/service";
import { foldHeartbeatHours, runSensorSweep } from "@/server/coverage/service";
import { rollUpIntake } from "@/server/intake-stats/service";
import { refreshLiveScores } from "@/server/posture/service";
import { evaluateAll } from "@/server/recommendations/evaluation";
import { refreshDirtyMonths } from "@/server/sla/queries";
import { planHosts, writeAssets } from "./assets";
import { runChecks } from "./checks";
import { databaseUrl, dropSecondaryIndexes, freshDatabase, loaderPool, recreateIndexes } from "./database";
import { fillHeartbeatHours } from "./heartbeats";
import { writeHistory } from "./history";
import { type People, planPeople, writePeople } from "./people";
import { DAY, makePlan, type Plan, type PlanOptions } from "./plan";
import { checkReads } from "./reads";
import { writeMonthly } from "./reports";
import { writeRosters } from "./roster";
import { planSensors, writeSensors } from "./sensors";
import { writeTenants } from "./tenants";

export const BIG_TABLES = [
  "alerts",
  "alert_keys",
  "incidents",
  "incident_events",
  "incident_entities",
  "incident_techniques",
  "observables",
  "sla_clocks",
  "sla_alerts",
  "response_actions",
  "sensor_heartbeat_hours",
  "assets",
  "asset_sightings",
];

export type BuildOptions = PlanOptions & {
  base: string;
  name: string;
  keepIndexes?: boolean;
  log?: (s: string) => void;
};
export type Phase = { phase: string; seconds: number; note?: string };
export type BuildResult = {
  plan: Plan;
  people: People;
  phases: Phase[];
  totalSeconds: number;
  databaseBytes: number;
  alertsBytes: number;
  alertsHeapBytes: number;
  bytesPerAlert: number;
  tables: { table: string; bytes: number }[];
  reads: [string, number][];
};

export async function buildScale(o: BuildOptions): Promise<BuildResult> {
  const log = o.log ?? (() => {});
  const plan = makePlan(o);
  const now = plan.now;
  const phases: Phase[] = [];
  const phase = async <T>(label: string, fn: () => Promise<T>, note?: (x: T) => string) => {
    const t = performance.now();
    const x = await fn();
    const seconds = (performance.now() - t) / 1000;
    const n = note?.(x);
    phases.push({ phase: label, seconds: Math.round(seconds * 10) / 10, ...(n ? { note: n } : {}) });
    log(`${label}: ${seconds.toFixed(1)} s${n ? ` (${n})` : ""}`);
    return x;
  };
  log(`Scale build of ${o.name}: scale ${plan.scale}, seed ${plan.seed}, now ${now.toISOString()}`);
  log(`  plan: ${JSON.stringify(plan.totals)}, staff ${JSON.stringify(plan.staff)}`);
  const started = performance.now();
  const people = planPeople(plan);
  const sensorsOf = plan.customers.map((c) => planSensors(plan, c));
  const hostsOf = plan.customers.map((c) => planHosts(plan, c));
  const handle = await phase("create + migrate", () => freshDatabase(o.base, o.name, 4));
  installDatabase(handle);
  const sql = loaderPool(databaseUrl(o.base, o.name), 12);
  try {
    // The year's months (and those the daily job would keep ahead) partitioned before the load, so COPY routes every
    // alert to its month and none waits in the default partition.
    await phase(
      "alert partitions",
      () =>
        makeAlertPartitions(
          handle.db,
          plan.from,
          new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + PARTITIONS_AHEAD, 1)),
        ),
      (n) => `${n} months`,
    );
    const dropped = o.keepIndexes
      ? []
      : await phase(
          "drop secondary indexes",
          () => dropSecondaryIndexes(sql, BIG_TABLES),
          (x) => `${x.length} indexes`,
        );
    await phase("people", () => writePeople(sql, plan, people));
    await phase("customers + contracts", () => writeTenants(sql, plan));
    await phase(
      "sensors + keys",
      () => writeSensors(sql, plan, sensorsOf),
      (n) => `${n} sensors`,
    );
    await phase(
      "assets + sightings",
      () => writeAssets(sql, plan, hostsOf, sensorsOf),
      (n) => `${n} assets`,
    );
    await phase(
      "heartbeat hours",
      () => fillHeartbeatHours(sql, new Date(now.getTime() - plan.heartbeatDays * DAY)),
      (n) => `${n.toLocaleString("en-GB")} rows, ${plan.heartbeatDays} days`,
    );
    const history = await phase(
      "alerts + incidents",
      () => writeHistory(sql, plan, people, sensorsOf, hostsOf, log),
      (x) =>
        Object.entries(x.counts)
          .map(([k, n]) => `${k} ${n.toLocaleString("en-GB")}`)
          .join(", "),
    );
    // Each alert's dedup key row, as the intake's upsert leaves it (migration 0032).
    await phase(
      "alert keys",
      async () =>
        (
          await sql`insert into alert_keys (customer_id, dedup_key, alert_id, received_at)
            select customer_id, dedup_key, id, received_at from alerts`
        ).count,
      (n) => `${n.toLocaleString("en-GB")} rows`,
    );
    // Who spoke last on each incident, as the trigger on incident_events keeps it (migration 0035): the loader's
    // sessions run with triggers off, so it is derived here from the timelines just written, as the migration did.
    await phase(
      "incidents' last word",
      async () =>
        (
          await sql`update incidents i set last_word_side = w.actor_side, last_word_at = w.at
            from (select distinct on (e.incident_id) e.incident_id, e.customer_id, e.actor_side, e.at
              from incident_events e where e.actor_side <> 'system' order by e.incident_id, e.at desc) w
            where i.id = w.incident_id and i.customer_id = w.customer_id`
        ).count,
      (n) => `${n.toLocaleString("en-GB")} incidents`,
    );
    await phase(
      "recreate indexes",
      () => recreateIndexes(sql, dropped, log),
      () => `${dropped.length} indexes`,
    );
    await phase(
      "intake rollup (job)",
      () => rollUpIntake(handle.db, now),
      (x) => JSON.stringify(x),
    );
    await phase("analyze", () => sql`analyze`);
    await phase(
      "SLA monthly rollup",
      async () => {
        await sql`insert into sla_monthly_dirty (customer_id, month)
          select distinct c.customer_id, to_char(c.start_at at time zone cu.timezone, 'YYYY-MM')
          from sla_clocks c join customers cu on cu.id = c.customer_id on conflict do nothing`;
        let months = 0;
        for (let n = 1; n > 0; months += n) n = await refreshDirtyMonths(handle.db, 2000);
        return months;
      },
      (n) => `${n} customer months`,
    );
    await phase(
      "reports + posture scores",
      () => writeMonthly(sql, plan, history.tallies),
      (x) => JSON.stringify(x),
    );
    await phase(
      "rosters",
      () =>
        writeRosters(
          sql,
          plan,
          people.analysts.map((a) => a.id),
          people.managers[0]!.id,
        ),
      (x) => JSON.stringify(x),
    );
    await phase(
      "recommendations (rules job)",
      () => evaluateAll(handle.db, now),
      (x) => JSON.stringify(x),
    );
    await phase(
      "sensor sweep",
      () => runSensorSweep(handle.db, now),
      (x) => JSON.stringify(x),
    );
    await phase(
      "heartbeat fold (job)",
      () => foldHeartbeatHours(handle.db, now, plan.heartbeatDays + 1),
      (x) => JSON.stringify(x),
    );
    // The build writes 59 days of hourly heartbeat rows and folds 56 of them at once, leaving a table 90 % empty
    // (5.5 GB for 0.6 GB of rows) that a running provider never has: its daily fold frees one day at a time, and the
    // next day's rows reuse the space. Compacted, the table is what a provider's steady state holds (the portal's
    // heartbeat histories read 65 → 43 ms for the largest customer).
    await phase("heartbeat hours compacted (steady state)", () => sql`vacuum full sensor_heartbeat_hours`);
    await phase(
      "live posture scores (job)",
      () => refreshLiveScores(handle.db, now, plan.customers.length),
      (x) => JSON.stringify(x),
    );
    // A settled database, as autovacuum leaves it (these machines run PostgreSQL with autovacuum off): visibility maps
    // set for index-only scans, hint bits written, statistics fresh.
    await phase("vacuum (analyze)", () => sql`vacuum (analyze)`);
    await phase("consistency checks", () => runChecks(sql, handle.db, plan, log));
    const reads = await phase("console reads", () => checkReads(handle.db, plan, log));
    const totalSeconds = Math.round((performance.now() - started) / 1000);
    // Alerts are their partitions (the partitioned table itself holds nothing) and their dedup keys (alert_keys).
    const [size] = await sql<{ db: string; alerts: string; n: string; heap: string }[]>`
      select pg_database_size(current_database())::text as db,
        ((select sum(pg_total_relation_size(relid)) from pg_partition_tree('alerts'))
          + pg_total_relation_size('alert_keys'))::text as alerts,
        (select count(*) from alerts)::text as n,
        (select sum(pg_relation_size(relid)) from pg_partition_tree('alerts'))::text as heap`;
    const tables = await sql<{ table: string; bytes: string }[]>`
      select coalesce(pg_partition_root(c.oid), c.oid)::regclass::text as table,
        sum(pg_total_relation_size(c.oid))::text as bytes
      from pg_class c
      where c.relkind = 'r' and c.relnamespace = 'public'::regnamespace
      group by 1 order by sum(pg_total_relation_size(c.oid)) desc limit 12`;
    return {
      plan,
      people,
      phases,
      totalSeconds,
      databaseBytes: Number(size!.db),
      alertsBytes: Number(size!.alerts),
      alertsHeapBytes: Number(size!.heap),
      bytesPerAlert: Number(size!.alerts) / Number(size!.n),
      tables: tables.map((t) => ({ table: t.table, bytes: Number(t.bytes) })),
      reads,
    };
  } finally {
    await sql.end();
    await closeDatabase();
  }
}
