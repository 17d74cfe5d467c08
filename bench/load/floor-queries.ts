/**
 * The hand-written SQL of the floors: for each of the heaviest reads, the query a person would write for the same
 * answer (same rows, same order, same limit), run as the table owner (no row-level security, no ORM, no HTTP).
 */
import type postgres from "postgres";

export type FloorQuery = {
  name: string;
  /** The procedure label in the procedures table it is compared with. */
  procedure: string;
  params: (sql: postgres.Sql) => Promise<Record<string, unknown>>;
  run: (sql: postgres.Sql, p: Record<string, unknown>) => Promise<unknown>;
};

/** The open alerts of every customer, most urgent SLA first (the queue's default), one page of 50 and the total. */
const queueDefault: FloorQuery = {
  name: "queue, default",
  procedure: "alerts.queue (default)",
  params: async () => ({}),
  run: async (sql) => {
    await sql`
      select a.id, a.customer_id, cu.name, cu.slug, s.name as sensor_name, a.source, a.title, a.severity, a.status,
        a.verdict, a.event_time, a.received_at, a.last_seen_at, a.occurrences, a.techniques, a.assignee_id,
        u.name as assignee_name, a.incident_id, i.number, d.due
      from alerts a
      join customers cu on cu.id = a.customer_id
      left join sensors s on s.id = a.sensor_id
      left join "user" u on u.id = a.assignee_id
      left join incidents i on i.id = a.incident_id
      left join lateral (select min(c.due_at) as due from sla_clocks c
        where c.incident_id = a.incident_id and c.state in ('running', 'at_risk', 'breached') and c.stop_at is null) d on true
      where a.status in ('new', 'acknowledged')
      order by d.due asc nulls last, a.severity desc, a.received_at asc
      limit 50`;
    await sql`select count(*) from alerts where status in ('new', 'acknowledged')`;
  },
};

const MONTH = /^\d{4}-\d{2}$/;
const lastMonths = (now: Date, n: number) =>
  Array.from({ length: n }, (_, i) => {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1));
    return d.toISOString().slice(0, 7);
  }).filter((m) => MONTH.test(m));

/** The SLA page's attainment: the monthly rollup's rows of the last seven months, every customer, with its name. */
const slaAttainment: FloorQuery = {
  name: "SLA attainment, 6 months",
  procedure: "sla.attainment",
  params: async () => ({ months: lastMonths(new Date(), 8) }),
  run: async (sql, p) => {
    await sql`
      select m.customer_id, cu.name, m.month, m.severity, m.metric, m.met, m.breached, m.open, m.stopped, m.elapsed_sum_ms
      from sla_monthly m join customers cu on cu.id = m.customer_id
      where m.month = any(${p.months as string[]})`;
  },
};

/**
 * The coverage matrix: each active customer's contract in force and the distinct class × state pairs of its sensors
 * (the state simplified to retired / pending / silent by last heartbeat / healthy; the rest of the matrix is arithmetic).
 */
const coverageMatrix: FloorQuery = {
  name: "coverage matrix",
  procedure: "coverage.matrix",
  params: async () => ({}),
  run: async (sql) => {
    await sql`
      with pairs as (
        select distinct s.customer_id,
          case when s.status = 'retired' then 'retired'
            when s.last_heartbeat_at is null then 'pending'
            when now() - s.last_heartbeat_at > interval '15 minutes' then 'silent'
            else 'healthy' end as state,
          unnest(case when s.sensor_class = 'xdr' then s.provides_classes::text[] else array[s.sensor_class] end) as cls
        from sensors s),
      agg as (select customer_id, json_agg(json_build_object('cls', cls, 'state', state)) as present from pairs group by 1)
      select c.id, c.name, c.slug, v.tier, v.monitored_classes, coalesce(a.present, '[]'::json) as present
      from customers c
      left join agg a on a.customer_id = c.id
      left join lateral (select cv.tier, cv.monitored_classes from contract_versions cv
        where cv.customer_id = c.id and cv.effective_from <= now() order by cv.effective_from desc, cv.version desc limit 1) v on true
      where c.status = 'active'
      order by c.name`;
  },
};

/** The roster forecast's input: alerts per hour over the last eight weeks (the alerts someone worked). */
const rosterForecast: FloorQuery = {
  name: "roster forecast (8 weeks of alerts per hour)",
  procedure: "roster.forecast",
  params: async () => ({}),
  run: async (sql) => {
    await sql`
      select date_trunc('hour', received_at) as hour, count(*)::int
      from alerts
      where received_at >= now() - interval '8 weeks' and received_at < now()
        and not (status = 'closed' and acknowledged_by is null and assignee_id is null)
      group by 1`;
  },
};

export const FLOOR_QUERIES: FloorQuery[] = [queueDefault, slaAttainment, coverageMatrix, rosterForecast];
