import { and, desc, eq, gte, inArray, lt, sql } from "drizzle-orm";
import { type DbOrTx, rowsOf } from "@/db";
import { sensorHeartbeatHours, sensorHeartbeats, sensors } from "@/db/schema";
import type { TenantId } from "@/server/tenancy/tenant";
import type { Gap, History } from "../availability";
import { uuidArray } from "./silence";

// Heartbeat history: the hourly rows a period reads, a sensor's history, and the nightly fold and prune.

/**
 * The hourly rows a period needs: those in [from, to) and the last one before `from` (where a silence running into
 * the period began, and which makes counted time start at `from`).
 */
export async function hourRows(db: DbOrTx, tenant: TenantId, sensorIds: string[], from: Date, to: Date) {
  if (!sensorIds.length) return [];
  const cols = {
    sensorId: sensorHeartbeatHours.sensorId,
    hour: sensorHeartbeatHours.hour,
    firstAt: sensorHeartbeatHours.firstAt,
    lastAt: sensorHeartbeatHours.lastAt,
    gaps: sensorHeartbeatHours.gaps,
  };
  const inPeriod = await db
    .select(cols)
    .from(sensorHeartbeatHours)
    .where(
      and(
        eq(sensorHeartbeatHours.customerId, tenant),
        inArray(sensorHeartbeatHours.sensorId, sensorIds),
        gte(sensorHeartbeatHours.hour, hourOf(from)),
        lt(sensorHeartbeatHours.hour, to),
      ),
    );
  const before = await db
    .selectDistinctOn([sensorHeartbeatHours.sensorId], cols)
    .from(sensorHeartbeatHours)
    .where(
      and(
        eq(sensorHeartbeatHours.customerId, tenant),
        inArray(sensorHeartbeatHours.sensorId, sensorIds),
        lt(sensorHeartbeatHours.hour, hourOf(from)),
      ),
    )
    .orderBy(sensorHeartbeatHours.sensorId, desc(sensorHeartbeatHours.hour));
  return [...before, ...inPeriod].sort((a, b) => a.hour.getTime() - b.hour.getTime());
}

/**
 * Each sensor's heartbeat history over [from, to) as `historyFromHours` would build it from `hourRows`, but computed
 * by the database and sent back compactly: the first heartbeat, the gaps stored inside the hours, and only those
 * hour-to-hour pairs (last heartbeat of an hour, first of the next stored hour) that can hold silence — longer than
 * 3 × the sensor's interval, or the open pair after the latest hour. Pairs closer than that silence nothing
 * (availability.ts), so the histories give the same availability and silent periods as the full rows: a month of a
 * sensor is ~720 hourly rows read in the database and a handful sent. Sensors without rows get no entry.
 */
export async function sensorHistories(
  db: DbOrTx,
  tenant: TenantId,
  list: readonly { id: string; heartbeatIntervalSeconds: number }[],
  from: Date,
  to: Date,
): Promise<Map<string, History>> {
  const out = new Map<string, History>();
  if (!list.length) return out;
  const fromHour = hourOf(from).toISOString();
  const rows = rowsOf<{
    sensor_id: string;
    first_at: string | Date;
    last_at: string | Date;
    next_first: string | Date | null;
    gaps: [number, number][] | string;
    n: number | string;
    pair: boolean;
  }>(
    await db.execute(sql`
      with ids as (
        select s.id as sensor_id, make_interval(secs => 3 * s.heartbeat_interval_seconds) as quiet,
          coalesce(
            (select max(b.hour) from ${sensorHeartbeatHours} b
              where b.customer_id = ${tenant} and b.sensor_id = s.id and b.hour < ${fromHour}::timestamptz),
            ${fromHour}::timestamptz) as lo
        from ${sensors} s
        where s.customer_id = ${tenant} and s.id = any(${uuidArray(list.map((s) => s.id))}::uuid[])
      )
      select i.sensor_id, r.first_at, r.last_at, r.next_first, r.gaps, r.n,
        (r.next_first is null or r.next_first - r.last_at > i.quiet) as pair
      from ids i cross join lateral (
        select h.first_at, h.last_at, h.gaps,
          lead(h.first_at) over (order by h.hour) as next_first,
          row_number() over (order by h.hour) as n
        from ${sensorHeartbeatHours} h
        where h.customer_id = ${tenant} and h.sensor_id = i.sensor_id
          and h.hour >= i.lo and h.hour < ${to.toISOString()}::timestamptz
      ) r
      where r.n = 1 or r.next_first is null or jsonb_array_length(r.gaps) > 0 or r.next_first - r.last_at > i.quiet
      order by i.sensor_id, r.n`),
  );
  const interval = new Map(list.map((s) => [s.id, s.heartbeatIntervalSeconds]));
  for (const r of rows) {
    let h = out.get(r.sensor_id);
    if (!h) {
      h = { intervalSeconds: interval.get(r.sensor_id) ?? 300, firstAt: new Date(r.first_at), gaps: [] };
      out.set(r.sensor_id, h);
    }
    const gaps = h.gaps as Gap[];
    const inner = typeof r.gaps === "string" ? (JSON.parse(r.gaps) as [number, number][]) : r.gaps;
    for (const [a, b] of inner) gaps.push({ after: new Date(a), before: new Date(b) });
    if (r.pair)
      gaps.push({ after: new Date(r.last_at), before: r.next_first === null ? null : new Date(r.next_first) });
  }
  return out;
}

export const hourOf = (d: Date) => new Date(Math.floor(d.getTime() / 3_600_000) * 3_600_000);

/** Raw heartbeats older than this are deleted; the hourly rows keep what availability needs. */
export async function pruneHeartbeats(db: DbOrTx, before: Date) {
  const rows = await db
    .delete(sensorHeartbeats)
    .where(lt(sensorHeartbeats.at, before))
    .returning({ id: sensorHeartbeats.id });
  return rows.length;
}

/**
 * True when the UTC day starting at `day` still holds hourly rows (a row whose hour is not the day's start).
 * Reads the primary key (sensor_id, hour) per sensor: the table has no index led by the hour.
 */
export async function dayHasHourlyRows(db: DbOrTx, day: Date) {
  const next = new Date(day.getTime() + 86_400_000);
  const rows = rowsOf<{ found: boolean }>(
    await db.execute(sql`select exists (
      select 1 from ${sensorHeartbeatHours} h
      where h.sensor_id = any(array(select id from ${sensors}))
        and h.hour > ${day.toISOString()}::timestamptz and h.hour < ${next.toISOString()}::timestamptz) as found`),
  );
  return rows[0]?.found === true;
}

/**
 * Folds one UTC day's hourly rows of every sensor into one row for the day (hour = the day's start), in one statement:
 * first and last heartbeat, the beats summed, and as its gaps the gaps stored inside the hours plus every
 * hour-to-hour pair (an hour's last heartbeat, the next hour's first) longer than 3 × the sensor's interval — the rule
 * the in-hour gaps were stored by. Pairs closer than that silence nothing (availability.ts), so availability and
 * silent periods read from the day row are those of its hours; the day's first heartbeat still starts counted time
 * and its last still pairs with the next day's first. Returns the rows folded and the rows written.
 */
export async function compactHeartbeatDay(db: DbOrTx, day: Date) {
  const next = new Date(day.getTime() + 86_400_000);
  const rows = rowsOf<{ folded: number; written: number }>(
    await db.execute(sql`
      with old as (
        delete from ${sensorHeartbeatHours} h
        where h.sensor_id = any(array(select id from ${sensors}))
          and h.hour >= ${day.toISOString()}::timestamptz and h.hour < ${next.toISOString()}::timestamptz
        returning h.customer_id, h.sensor_id, h.hour, h.first_at, h.last_at, h.beats, h.gaps
      ), seq as (
        select o.*, lag(o.last_at) over (partition by o.sensor_id order by o.hour) as prev_last from old o
      ), pairs as (
        select seq.sensor_id, g.value as pair from seq cross join lateral jsonb_array_elements(seq.gaps) g
        union all
        select seq.sensor_id, jsonb_build_array(
            (extract(epoch from seq.prev_last) * 1000)::bigint, (extract(epoch from seq.first_at) * 1000)::bigint)
          from seq join ${sensors} s on s.id = seq.sensor_id
          where seq.first_at - seq.prev_last > make_interval(secs => 3 * s.heartbeat_interval_seconds)
      ), lists as (
        select sensor_id, jsonb_agg(pair order by (pair->>0)::bigint, (pair->>1)::bigint) as gaps
        from pairs group by sensor_id
      ), days as (
        select customer_id, sensor_id, min(first_at) as first_at, max(last_at) as last_at, sum(beats)::int as beats
        from seq group by customer_id, sensor_id
      ), ins as (
        insert into ${sensorHeartbeatHours} (customer_id, sensor_id, hour, first_at, last_at, beats, gaps)
        select d.customer_id, d.sensor_id, ${day.toISOString()}::timestamptz, d.first_at, d.last_at, d.beats,
          coalesce(l.gaps, '[]'::jsonb)
        from days d left join lists l on l.sensor_id = d.sensor_id
        returning 1
      )
      select (select count(*) from old)::int as folded, (select count(*) from ins)::int as written`),
  );
  return { folded: Number(rows[0]?.folded ?? 0), written: Number(rows[0]?.written ?? 0) };
}
