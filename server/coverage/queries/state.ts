import { and, asc, desc, eq, sql } from "drizzle-orm";
import { type DbOrTx, rowsOf } from "@/db";
import { contractVersions, sensors, unsupportedAgentVersions } from "@/db/schema";
import type { Tier } from "@/db/schema/contracts";
import type { TenantId } from "@/server/tenancy/tenant";
import type { SensorState } from "../health";
import { lastSeenSql, quietTooLong } from "./silence";

// A sensor's facts and state in SQL, the contract they are held against, and the provider's unsupported versions.

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

// Unsupported agent versions (provider-wide).

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
