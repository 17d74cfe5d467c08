/**
 * Heartbeat history as the coverage reads it: the hourly rollup (`sensor_heartbeat_hours`, see the intake's
 * `recordHeartbeatRow`), one row per sensor and hour of 5-minute heartbeats (first at :02, last at :57, 12 beats)
 * from `from` up to each sensor's last heartbeat (a silent sensor's rows stop there), and one 38-minute in-hour
 * outage a day on every fifth sensor (a gap longer than 3 × interval, as the heartbeat statement records it).
 * Written in bulk, one statement; `only` limits it to the given sensors. Shared by the scale build and the coverage
 * and posture benchmarks.
 */
import type postgres from "postgres";

export async function fillHeartbeatHours(sql: postgres.Sql, from: Date, only?: string[]) {
  const res = await sql`
    insert into sensor_heartbeat_hours (customer_id, sensor_id, hour, first_at, last_at, beats, gaps)
      select s.customer_id, s.id, h,
        least(h + interval '2 minutes', s.last_heartbeat_at), least(h + interval '57 minutes', s.last_heartbeat_at),
        case when s.last_heartbeat_at >= h + interval '57 minutes' then 12
          else greatest(1, 1 + floor(extract(epoch from s.last_heartbeat_at - h - interval '2 minutes') / 300)::int) end,
        case when abs(hashtext(s.id::text)) % 5 = 0 and extract(hour from h)::int = abs(hashtext(s.id::text)) % 24
            and s.last_heartbeat_at >= h + interval '57 minutes'
          then jsonb_build_array(jsonb_build_array((extract(epoch from h) * 1000)::bigint + 120000,
            (extract(epoch from h) * 1000)::bigint + 120000 + 38 * 60000))
          else '[]'::jsonb end
      from sensors s,
        generate_series(date_trunc('hour', ${from.toISOString()}::timestamptz), date_trunc('hour', s.last_heartbeat_at),
          interval '1 hour') h
      where s.last_heartbeat_at is not null ${only ? sql`and s.id in ${sql(only)}` : sql``}`;
  return res.count;
}
