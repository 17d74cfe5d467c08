import { sql } from "drizzle-orm";
import { type DatabaseHandle, type DbOrTx, poolName, rowsOf } from "@/db";

type Row = { kind: string; key: string; n: number };

/** Counts for the database gauges in one round trip (system scope: every customer). */
export async function readGauges(db: DbOrTx) {
  const rows = rowsOf<Row>(
    await db.execute(sql`
      select 'queue' as kind, '' as key, count(*)::int as n from alerts where status = 'new'
      union all
      select 'incident', case coalesce(severity_override, severity)
          when 5 then 'critical' when 4 then 'high' when 3 then 'medium' when 2 then 'low' else 'informational' end,
        count(*)::int
        from incidents where status <> 'closed' group by 2
      union all
      select 'clock', state, count(*)::int from sla_clocks group by state
      union all
      select 'outbox', status, count(*)::int from email_outbox group by status
      union all
      select 'report_job', status, count(*)::int from report_jobs group by status`),
  );
  const of = (kind: string) =>
    Object.fromEntries(rows.filter((r) => r.kind === kind).map((r) => [r.key, Number(r.n)])) as Record<string, number>;
  return {
    queueDepth: Number(rows.find((r) => r.kind === "queue")?.n ?? 0),
    openIncidents: of("incident"),
    clocks: of("clock"),
    outbox: of("outbox"),
    reportJobs: of("report_job"),
  };
}

/**
 * This process's connections by state (active, idle, idle in transaction) and the pool's maximum. PostgreSQL knows
 * them by application_name; PGlite is one in-process connection.
 */
export async function readPoolStates(handle: DatabaseHandle): Promise<Record<string, number>> {
  if (handle.kind === "pglite" || !handle.sql) return { max: 1, active: 1 };
  const client = handle.sql;
  const max = (client as unknown as { options?: { max?: number } }).options?.max ?? 0;
  const rows = await client<{ state: string; n: number }[]>`
    select coalesce(state, 'unknown') as state, count(*)::int as n
    from pg_stat_activity where application_name = ${poolName} group by 1`;
  return { max, ...Object.fromEntries(rows.map((r) => [r.state.replaceAll(" ", "_"), Number(r.n)])) };
}
