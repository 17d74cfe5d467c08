import { sql } from "drizzle-orm";
import { type DbOrTx, rowsOf } from "@/db";

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
