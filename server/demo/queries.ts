import { and, desc, inArray, isNull, ne, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { alerts, incidents, sensorHeartbeats } from "@/db/schema";

/** Reads of the live demo (provider-wide, system context only). */

/** Each sensor's latest heartbeat body. */
export async function latestHeartbeats(db: DbOrTx) {
  return db
    .selectDistinctOn([sensorHeartbeats.sensorId], {
      sensorId: sensorHeartbeats.sensorId,
      at: sensorHeartbeats.at,
      version: sensorHeartbeats.version,
      eventsPerSecond: sensorHeartbeats.eventsPerSecond,
      hostCount: sensorHeartbeats.hostCount,
    })
    .from(sensorHeartbeats)
    .orderBy(sensorHeartbeats.sensorId, desc(sensorHeartbeats.at));
}

/** Recent alerts' entities per customer, marked when their incident is still open (their hosts correlate into it). */
export async function recentAlertEntities(db: DbOrTx) {
  return db
    .select({
      customerId: alerts.customerId,
      entities: alerts.entities,
      openIncident: sql<boolean>`${incidents.id} is not null`,
    })
    .from(alerts)
    .leftJoin(incidents, sql`${incidents.id} = ${alerts.incidentId} and ${ne(incidents.status, "closed")}`)
    .where(sql`${alerts.receivedAt} > now() - interval '14 days'`)
    .orderBy(desc(alerts.receivedAt))
    .limit(2000);
}

/** Of the given alerts, those still waiting for a verdict outside any incident (an analyst may have escalated some). */
export async function stillUntriaged(db: DbOrTx, ids: string[]) {
  if (!ids.length) return [];
  const rows = await db
    .select({ id: alerts.id })
    .from(alerts)
    .where(
      and(
        inArray(alerts.id, ids),
        inArray(alerts.status, ["new", "acknowledged"]),
        isNull(alerts.incidentId),
        isNull(alerts.verdict),
      ),
    );
  return rows.map((r) => r.id);
}
