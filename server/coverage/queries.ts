import { and, asc, desc, eq, gte, inArray, isNull, lt, lte, sql } from "drizzle-orm";
import { type DbOrTx, rowsOf } from "@/db";
import {
  contractVersions,
  customerContacts,
  customers,
  memberships,
  sensorHealthEvents,
  sensorHeartbeatHours,
  sensorHeartbeats,
  sensors,
  sensorTransitions,
  unsupportedAgentVersions,
  user,
} from "@/db/schema";
import type { Tier } from "@/db/schema/contracts";
import type { TenantId } from "@/server/tenancy/tenant";
import type { Gap, History } from "./availability";
import type { SensorState } from "./health";

/** What the health rules and the matrix need of a sensor, and what the pages show. */
export const healthColumns = {
  id: sensors.id,
  customerId: sensors.customerId,
  name: sensors.name,
  sensorClass: sensors.sensorClass,
  providesClasses: sensors.providesClasses,
  vendor: sensors.vendor,
  product: sensors.product,
  site: sensors.site,
  status: sensors.status,
  lastHeartbeatAt: sensors.lastHeartbeatAt,
  lastEventAt: sensors.lastEventAt,
  healthNote: sensors.healthNote,
  healthNoteAt: sensors.healthNoteAt,
  heartbeatIntervalSeconds: sensors.heartbeatIntervalSeconds,
  agentVersion: sensors.agentVersion,
  createdAt: sensors.createdAt,
};

export async function listHealthFacts(db: DbOrTx, tenant: TenantId) {
  return db.select(healthColumns).from(sensors).where(eq(sensors.customerId, tenant)).orderBy(asc(sensors.name));
}

export async function tenantContract(db: DbOrTx, tenant: TenantId, at: Date) {
  const [row] = await db
    .select({ tier: contractVersions.tier, monitoredClasses: contractVersions.monitoredClasses })
    .from(contractVersions)
    .where(
      and(
        eq(contractVersions.customerId, tenant),
        sql`${contractVersions.effectiveFrom} <= ${at.toISOString()}::timestamptz`,
      ),
    )
    .orderBy(desc(contractVersions.effectiveFrom), desc(contractVersions.version))
    .limit(1);
  return row ?? null;
}

/**
 * `health.ts` as SQL, for reads that must not ship every sensor to the application (the matrix): the same
 * comparisons in the same order (retired, pending, silent strictly after 3 × interval, degraded by a health event in
 * `[now − 1 h, now]` or an unsupported version, healthy). `coverage.int.test.ts` pins it to `sensorHealth` at the
 * boundaries.
 */
const norm = (v: unknown) => sql`lower(btrim(${v}, E' \t\n\r'))`;
const lastSeenSql = sql`greatest(${sensors.lastHeartbeatAt}, ${sensors.lastEventAt})`;
const silentAfterSql = sql`make_interval(secs => 3 * ${sensors.heartbeatIntervalSeconds})`;
/** Unheard for longer than 3 × the sensor's interval at `now` (health.ts `silentAfterMs`): the one silence rule. */
const quietTooLong = (now: Date) => sql`${now.toISOString()}::timestamptz - ${lastSeenSql} > ${silentAfterSql}`;

export function stateSql(now: Date) {
  const t = sql`${now.toISOString()}::timestamptz`;
  return sql<SensorState>`case
    when ${sensors.status} = 'retired' then 'retired'
    when ${lastSeenSql} is null then 'pending'
    when ${quietTooLong(now)} then 'silent'
    when ${sensors.healthNoteAt} between ${t} - interval '1 hour' and ${t} then 'degraded'
    when ${sensors.agentVersion} is not null and exists (select 1 from unsupported_agent_versions u
      where ${norm(sql`u.vendor`)} = ${norm(sensors.vendor)} and ${norm(sql`u.product`)} = ${norm(sensors.product)}
        and ${norm(sql`u.version`)} = ${norm(sensors.agentVersion)}) then 'degraded'
    else 'healthy' end`;
}

/** `stateSql(now) = 'silent'` without deciding the other states: not retired, seen, and silent for 3 × interval. */
function silentSql(now: Date) {
  return sql`${sensors.status} <> 'retired' and ${lastSeenSql} is not null and ${quietTooLong(now)}`;
}

/**
 * Each customer's sensors and how many of them are silent at `now` (`silentSql`: the silent branch of `stateSql`, so
 * the same rule as every sensor's health badge): the manager's home counts these for 1,000 customers without
 * reading 20,000 sensors into the application.
 */
export async function sensorCountsByCustomer(db: DbOrTx, now: Date) {
  return db
    .select({
      customerId: sensors.customerId,
      sensors: sql<number>`count(*)::int`,
      silent: sql<number>`(count(*) filter (where ${silentSql(now)}))::int`,
    })
    .from(sensors)
    .groupBy(sensors.customerId);
}

/** Each sensor's state at `now` decided in SQL (the boundary test compares it with `sensorHealth`). */
export async function listSensorStates(db: DbOrTx, now: Date) {
  return db.select({ id: sensors.id, state: stateSql(now) }).from(sensors);
}

/**
 * The matrix in one read: every active customer, the contract version in force at `now`, and the distinct
 * class × state pairs of its sensors (an xdr sensor in each class it declares). ~1,000 short rows instead of 20,000
 * sensors; the cells are then decided by `matrixRowFromStates`. One pass over the sensors grouped by customer (a
 * per-customer subquery was planned as 1,000 index scans and crossed the JIT threshold: 200 ms of compiling).
 */
export async function matrixFacts(db: DbOrTx, now: Date) {
  const t = sql`${now.toISOString()}::timestamptz`;
  const result = await db.execute(sql`
    with pairs as (
      select distinct ${sensors.customerId} as customer_id, ${stateSql(now)} as state,
        unnest(case when ${sensors.sensorClass} = 'xdr' then ${sensors.providesClasses}::text[]
          else array[${sensors.sensorClass}] end) as cls
      from ${sensors}
    ), agg as (
      select customer_id, json_agg(json_build_object('cls', cls, 'state', state)) as present
      from pairs group by customer_id
    )
    select c.id, c.name, c.slug, v.tier, v.monitored_classes, coalesce(a.present, '[]'::json) as present
    from customers c
    left join agg a on a.customer_id = c.id
    left join lateral (select cv.tier, cv.monitored_classes from contract_versions cv
      where cv.customer_id = c.id and cv.effective_from <= ${t}
      order by cv.effective_from desc, cv.version desc limit 1) v on true
    where c.status = 'active'
    order by c.name`);
  return rowsOf<{
    id: string;
    name: string;
    slug: string;
    tier: Tier | null;
    monitored_classes: string[] | null;
    present: { cls: string; state: SensorState }[] | string;
  }>(result).map((r) => ({
    id: r.id,
    name: r.name,
    slug: r.slug,
    tier: r.tier,
    monitoredClasses: r.monitored_classes,
    present:
      typeof r.present === "string" ? (JSON.parse(r.present) as { cls: string; state: SensorState }[]) : r.present,
  }));
}

// ---- unsupported agent versions (provider-wide) ----

export async function listUnsupportedVersions(db: DbOrTx) {
  return db
    .select({
      id: unsupportedAgentVersions.id,
      vendor: unsupportedAgentVersions.vendor,
      product: unsupportedAgentVersions.product,
      version: unsupportedAgentVersions.version,
      note: unsupportedAgentVersions.note,
      createdAt: unsupportedAgentVersions.createdAt,
    })
    .from(unsupportedAgentVersions)
    .orderBy(
      asc(unsupportedAgentVersions.vendor),
      asc(unsupportedAgentVersions.product),
      asc(unsupportedAgentVersions.version),
    );
}

export async function insertUnsupportedVersion(
  db: DbOrTx,
  v: { vendor: string; product: string; version: string; note: string | null; createdBy: string | null },
) {
  const [row] = await db.insert(unsupportedAgentVersions).values(v).onConflictDoNothing().returning();
  return row ?? null;
}

export async function deleteUnsupportedVersion(db: DbOrTx, id: string) {
  const [row] = await db.delete(unsupportedAgentVersions).where(eq(unsupportedAgentVersions.id, id)).returning();
  return row ?? null;
}

// ---- heartbeat history ----

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

// ---- transitions (the minute sweep) ----

/**
 * Claims every silent transition not yet announced: a conditional UPDATE, so on any number of instances each row is
 * returned to exactly one sweep (a concurrent one waits for the row lock, re-checks `silent_since is null`, skips it).
 */
export async function claimSilent(db: DbOrTx, now: Date) {
  return db
    .update(sensors)
    .set({ silentSince: sql`${lastSeenSql} + ${silentAfterSql}` })
    .where(and(eq(sensors.status, "active"), isNull(sensors.silentSince), quietTooLong(now)))
    .returning({ id: sensors.id, customerId: sensors.customerId, silentSince: sensors.silentSince });
}

/** Claims every recovery (or retirement) of an announced silence, returning the silence it ends. */
export async function claimRecovered(db: DbOrTx, now: Date) {
  const result = await db.execute(sql`
    with old as (
      select id, silent_since from sensors
      where silent_since is not null
        and (status = 'retired' or not ${quietTooLong(now)})
      for update
    )
    update sensors s set silent_since = null from old where s.id = old.id
    returning s.id, s.customer_id, old.silent_since, greatest(s.last_heartbeat_at, s.last_event_at) as recovered_at,
      s.status`);
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as {
    id: string;
    customer_id: string;
    silent_since: string | Date;
    recovered_at: string | Date | null;
    status: string;
  }[];
  return rows.map((r) => ({
    id: r.id,
    customerId: r.customer_id,
    silentSince: new Date(r.silent_since),
    recoveredAt: r.recovered_at ? new Date(r.recovered_at) : null,
    retired: r.status === "retired",
  }));
}

/**
 * The banner rows of one sweep, a thousand a statement (a provider-wide outage can silence every sensor at once, and
 * one statement holds at most 65,535 parameters); returns those written (a transition already announced is skipped).
 */
export async function insertTransitions(db: DbOrTx, rows: (typeof sensorTransitions.$inferInsert)[]) {
  const written: { sensorId: string; kind: "silent" | "recovered" }[] = [];
  for (let i = 0; i < rows.length; i += 1000) {
    written.push(
      ...(await db
        .insert(sensorTransitions)
        .values(rows.slice(i, i + 1000))
        .onConflictDoNothing()
        .returning({ sensorId: sensorTransitions.sensorId, kind: sensorTransitions.kind })),
    );
  }
  return written;
}

/** A list of ids as one array parameter, whatever its length (ids come from the database: uuids). */
const uuidArray = (ids: readonly string[]) => `{${ids.join(",")}}`;

/** Names for the e-mails of a sweep's transitions. */
export async function sensorsForMail(db: DbOrTx, ids: string[]) {
  if (!ids.length) return [];
  return db
    .select({
      id: sensors.id,
      name: sensors.name,
      sensorClass: sensors.sensorClass,
      customerId: sensors.customerId,
      customerName: customers.name,
    })
    .from(sensors)
    .innerJoin(customers, eq(customers.id, sensors.customerId))
    .where(sql`${sensors.id} = any(${uuidArray(ids)}::uuid[])`);
}

export async function socManagerEmails(db: DbOrTx) {
  const rows = await db
    .select({ email: user.email })
    .from(memberships)
    .innerJoin(user, eq(user.id, memberships.userId))
    .where(and(isNull(memberships.customerId), eq(memberships.role, "soc_manager")));
  return rows.map((r) => r.email);
}

/**
 * The technical contacts of the given customers (the minute sweep, provider-wide): those on the escalation matrix for
 * critical incidents by e-mail, the people the provider reaches when something is broken now.
 */
export async function technicalContactsOf(db: DbOrTx, customerIds: string[]) {
  if (!customerIds.length) return [];
  return db
    .select({ customerId: customerContacts.customerId, email: customerContacts.email })
    .from(customerContacts)
    .where(
      and(
        sql`${customerContacts.customerId} = any(${uuidArray(customerIds)}::uuid[])`,
        sql`'critical' = any(${customerContacts.severities})`,
        sql`'email' = any(${customerContacts.channels})`,
      ),
    );
}

export async function listBanner(db: DbOrTx, since: Date) {
  return db
    .select({
      id: sensorTransitions.id,
      kind: sensorTransitions.kind,
      silentSince: sensorTransitions.silentSince,
      recoveredAt: sensorTransitions.recoveredAt,
      createdAt: sensorTransitions.createdAt,
      sensorId: sensors.id,
      customerId: sensorTransitions.customerId,
      sensorName: sensors.name,
      customerName: customers.name,
      customerSlug: customers.slug,
    })
    .from(sensorTransitions)
    .innerJoin(sensors, eq(sensors.id, sensorTransitions.sensorId))
    .innerJoin(customers, eq(customers.id, sensorTransitions.customerId))
    .where(and(isNull(sensorTransitions.dismissedAt), gte(sensorTransitions.createdAt, since)))
    .orderBy(desc(sensorTransitions.createdAt))
    .limit(50);
}

export async function dismissTransition(db: DbOrTx, id: string, now: Date) {
  const [row] = await db
    .update(sensorTransitions)
    .set({ dismissedAt: now })
    .where(and(eq(sensorTransitions.id, id), isNull(sensorTransitions.dismissedAt)))
    .returning({ id: sensorTransitions.id });
  return row ?? null;
}

/** Sensors with a degrading health event received in the hour up to `at` (the window includes both ends). */
export async function degradedAt(db: DbOrTx, tenant: TenantId, at: Date) {
  const rows = await db
    .selectDistinct({ id: sensorHealthEvents.sensorId })
    .from(sensorHealthEvents)
    .where(
      and(
        eq(sensorHealthEvents.customerId, tenant),
        eq(sensorHealthEvents.degraded, true),
        gte(sensorHealthEvents.receivedAt, new Date(at.getTime() - 3_600_000)),
        lte(sensorHealthEvents.receivedAt, at),
      ),
    );
  return new Set(rows.map((r) => r.id));
}
