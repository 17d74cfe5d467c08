import { and, eq, inArray, ne, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import {
  alerts,
  apiKeys,
  incidentEntities,
  incidents,
  sensorHealthEvents,
  sensorHeartbeats,
  sensors,
} from "@/db/schema";
import type { TenantId } from "@/server/tenancy/tenant";

export type AlertRow = typeof alerts.$inferInsert;

/**
 * Inserts new alerts and merges re-sent ones in one statement (contract: "same vendor alert again is an update"):
 * occurrences +n, last seen, vendor status, evidence and techniques merged, severity never lowered, raw replaced by
 * the newest payload. `inserted` tells new rows from updated ones.
 */
export async function upsertAlerts(db: DbOrTx, rows: AlertRow[]) {
  return db
    .insert(alerts)
    .values(rows)
    .onConflictDoUpdate({
      target: [alerts.customerId, alerts.dedupKey],
      set: {
        occurrences: sql`${alerts.occurrences} + excluded.occurrences`,
        lastSeenAt: sql`greatest(${alerts.lastSeenAt}, excluded.last_seen_at)`,
        vendorStatus: sql`coalesce(excluded.vendor_status, ${alerts.vendorStatus})`,
        description: sql`coalesce(excluded.description, ${alerts.description})`,
        severity: sql`greatest(${alerts.severity}, excluded.severity)`,
        entities: sql`wk_jsonb_union(${alerts.entities}, excluded.entities)`,
        techniques: sql`array(select distinct unnest(${alerts.techniques} || excluded.techniques) order by 1)`,
        tactics: sql`array(select distinct unnest(${alerts.tactics} || excluded.tactics) order by 1)`,
        raw: sql`excluded.raw`,
      },
    })
    .returning({
      id: alerts.id,
      dedupKey: alerts.dedupKey,
      incidentId: alerts.incidentId,
      severity: alerts.severity,
      techniques: alerts.techniques,
      inserted: sql<boolean>`(xmax = 0)`,
    });
}

/** Open incidents of one customer that hold any of the keys, with all their matching keys. */
export async function findOpenIncidentsByKeys(db: DbOrTx, tenant: TenantId, keys: string[]) {
  if (keys.length === 0) return [];
  return db
    .select({ id: incidents.id, latestEventTime: incidents.latestEventTime, key: incidentEntities.key })
    .from(incidentEntities)
    .innerJoin(incidents, eq(incidents.id, incidentEntities.incidentId))
    .where(
      and(
        eq(incidentEntities.customerId, tenant),
        inArray(incidentEntities.key, keys),
        eq(incidents.customerId, tenant),
        ne(incidents.status, "closed"),
      ),
    );
}

export async function touchSensor(
  db: DbOrTx,
  tenant: TenantId,
  sensorId: string,
  patch: Partial<typeof sensors.$inferInsert>,
) {
  await db
    .update(sensors)
    .set(patch)
    .where(and(eq(sensors.customerId, tenant), eq(sensors.id, sensorId)));
}

export async function insertHeartbeat(db: DbOrTx, row: typeof sensorHeartbeats.$inferInsert) {
  await db.insert(sensorHeartbeats).values(row);
}

export async function insertHealthEvents(db: DbOrTx, rows: (typeof sensorHealthEvents.$inferInsert)[]) {
  if (rows.length) await db.insert(sensorHealthEvents).values(rows);
}

export async function markKeyUsed(db: DbOrTx, keyId: string, at: Date) {
  await db.update(apiKeys).set({ lastUsedAt: at }).where(eq(apiKeys.id, keyId));
}
