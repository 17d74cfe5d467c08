import { and, eq, gte, lte, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { customers, incidents, incidentTechniques, sensors } from "@/db/schema";
import type { TenantId } from "@/server/tenancy/tenant";

/**
 * Each sensor's facts as they stood at `at` (the live heat map: `at` is now): the cached latest heartbeat / health
 * note when not newer than `at`, else from the hourly heartbeat rows (never the raw heartbeats, pruned after 48 h).
 * A report's month end reads `sensorHealthAt` of the coverage domain instead, which also sees in-hour gaps.
 */
const factsAt = (at: Date) => {
  const iso = at.toISOString();
  const ts = (v: unknown) => (v ? new Date(v as string) : null);
  return {
    id: sensors.id,
    customerId: sensors.customerId,
    sensorClass: sensors.sensorClass,
    provides: sensors.providesClasses,
    status: sensors.status,
    heartbeatIntervalSeconds: sensors.heartbeatIntervalSeconds,
    vendor: sensors.vendor,
    product: sensors.product,
    agentVersion: sensors.agentVersion,
    lastHeartbeatAt: sql<Date | null>`case when ${sensors.lastHeartbeatAt} <= ${iso}::timestamptz
      then ${sensors.lastHeartbeatAt} else (select max(least(h.last_at, ${iso}::timestamptz)) from sensor_heartbeat_hours h
      where h.customer_id = sensors.customer_id and h.sensor_id = sensors.id and h.first_at <= ${iso}::timestamptz)
      end`.mapWith(ts),
    lastEventAt: sql<Date | null>`case when ${sensors.lastEventAt} <= ${iso}::timestamptz
      then ${sensors.lastEventAt} end`.mapWith(ts),
    healthNoteAt: sql<Date | null>`case when ${sensors.healthNoteAt} <= ${iso}::timestamptz
      then ${sensors.healthNoteAt} else (select max(e.at) from sensor_health_events e where e.customer_id =
      sensors.customer_id and e.sensor_id = sensors.id and e.degraded and e.at <= ${iso}::timestamptz) end`.mapWith(ts),
  };
};

export type SensorFactsAt = Awaited<ReturnType<typeof sensorFactsAt>>[number];

export async function sensorFactsAt(db: DbOrTx, tenant: TenantId, at: Date) {
  return db.select(factsAt(at)).from(sensors).where(eq(sensors.customerId, tenant));
}

/** Staff-wide: every active customer's sensors (the provider view). */
export async function allSensorFactsAt(db: DbOrTx, at: Date) {
  return db
    .select(factsAt(at))
    .from(sensors)
    .innerJoin(customers, eq(customers.id, sensors.customerId))
    .where(eq(customers.status, "active"));
}

export async function countActiveCustomers(db: DbOrTx) {
  const [r] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(customers)
    .where(eq(customers.status, "active"));
  return r?.n ?? 0;
}

/** Techniques of the tenant's incidents whose latest event lies in [since, until]; customers see only their incidents. */
export async function detectedTechniques(
  db: DbOrTx,
  tenant: TenantId,
  since: Date,
  until: Date,
  customerView: boolean,
) {
  const rows = await db
    .selectDistinct({ id: incidentTechniques.techniqueId })
    .from(incidentTechniques)
    .innerJoin(incidents, eq(incidents.id, incidentTechniques.incidentId))
    .where(
      and(
        eq(incidentTechniques.customerId, tenant),
        eq(incidents.customerId, tenant),
        gte(incidents.latestEventTime, since),
        lte(incidents.latestEventTime, until),
        ...(customerView ? [eq(incidents.visibleToCustomer, true)] : []),
      ),
    );
  return rows.map((r) => r.id);
}
