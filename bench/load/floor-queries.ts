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

export const FLOOR_QUERIES: FloorQuery[] = [queueDefault];
