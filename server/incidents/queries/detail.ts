import { and, asc, eq, getTableColumns, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import {
  alerts,
  incidentEvents,
  incidentTasks,
  incidentTechniques,
  observables,
  responseActions,
  sensors,
  user,
} from "@/db/schema";
import type { TenantId } from "@/server/tenancy/tenant";

// What an incident page shows besides the incident: timeline, alerts, tasks, observables, techniques, actions.

export async function listTimeline(db: DbOrTx, tenant: TenantId, incidentId: string, customerView: boolean) {
  return db
    .select()
    .from(incidentEvents)
    .where(
      and(
        eq(incidentEvents.customerId, tenant),
        eq(incidentEvents.incidentId, incidentId),
        ...(customerView ? [eq(incidentEvents.visibility, "customer")] : []),
      ),
    )
    .orderBy(asc(incidentEvents.at));
}

export async function listIncidentAlerts(db: DbOrTx, tenant: TenantId, incidentId: string) {
  return db
    .select({
      id: alerts.id,
      title: alerts.title,
      severity: alerts.severity,
      source: alerts.source,
      product: alerts.product,
      eventTime: alerts.eventTime,
      receivedAt: alerts.receivedAt,
      occurrences: alerts.occurrences,
      techniques: alerts.techniques,
      entities: alerts.entities,
      verdict: alerts.verdict,
      sensorName: sensors.name,
    })
    .from(alerts)
    .leftJoin(sensors, eq(sensors.id, alerts.sensorId))
    .where(
      and(
        eq(alerts.customerId, tenant),
        eq(alerts.incidentId, incidentId),
        // No alert of an incident arrived before its first (incidents.first_alert_received_at): only the months from
        // then on are searched (alerts are partitioned by month of received_at).
        sql`${alerts.receivedAt} >= (select i.first_alert_received_at from incidents i
          where i.customer_id = ${tenant} and i.id = ${incidentId})`,
      ),
    )
    .orderBy(asc(alerts.eventTime));
}

export async function listTasks(db: DbOrTx, tenant: TenantId, incidentId: string) {
  return db
    .select({ task: incidentTasks, ownerName: user.name })
    .from(incidentTasks)
    .leftJoin(user, eq(user.id, incidentTasks.ownerId))
    .where(and(eq(incidentTasks.customerId, tenant), eq(incidentTasks.incidentId, incidentId)))
    .orderBy(asc(incidentTasks.createdAt));
}

export async function insertTask(
  db: DbOrTx,
  tenant: TenantId,
  v: Omit<typeof incidentTasks.$inferInsert, "customerId">,
) {
  const [row] = await db
    .insert(incidentTasks)
    .values({ ...v, customerId: tenant })
    .returning();
  return row!;
}

export async function updateTaskRow(
  db: DbOrTx,
  tenant: TenantId,
  incidentId: string,
  id: string,
  patch: Partial<typeof incidentTasks.$inferInsert>,
) {
  const [row] = await db
    .update(incidentTasks)
    .set(patch)
    .where(
      and(eq(incidentTasks.customerId, tenant), eq(incidentTasks.incidentId, incidentId), eq(incidentTasks.id, id)),
    )
    .returning();
  return row ?? null;
}

export async function listObservables(db: DbOrTx, tenant: TenantId, incidentId: string, iocOnly = false) {
  return db
    .select()
    .from(observables)
    .where(
      and(
        eq(observables.customerId, tenant),
        eq(observables.incidentId, incidentId),
        ...(iocOnly ? [eq(observables.isIoc, true)] : []),
      ),
    )
    .orderBy(asc(observables.kind), asc(observables.value));
}

export async function insertObservable(
  db: DbOrTx,
  tenant: TenantId,
  v: Omit<typeof observables.$inferInsert, "customerId">,
) {
  const [row] = await db
    .insert(observables)
    .values({ ...v, customerId: tenant })
    .onConflictDoUpdate({
      target: [observables.incidentId, observables.kind, observables.value],
      set: { isIoc: v.isIoc ?? false, note: v.note ?? null },
    })
    .returning();
  return row!;
}

export async function updateObservableRow(
  db: DbOrTx,
  tenant: TenantId,
  incidentId: string,
  id: string,
  patch: Partial<typeof observables.$inferInsert>,
) {
  const [row] = await db
    .update(observables)
    .set(patch)
    .where(and(eq(observables.customerId, tenant), eq(observables.incidentId, incidentId), eq(observables.id, id)))
    .returning();
  return row ?? null;
}

export async function listIncidentTechniques(db: DbOrTx, tenant: TenantId, incidentId: string) {
  return db
    .select({ techniqueId: incidentTechniques.techniqueId, source: incidentTechniques.source })
    .from(incidentTechniques)
    .where(and(eq(incidentTechniques.customerId, tenant), eq(incidentTechniques.incidentId, incidentId)))
    .orderBy(asc(incidentTechniques.techniqueId));
}

export async function addIncidentTechnique(db: DbOrTx, tenant: TenantId, incidentId: string, techniqueId: string) {
  const rows = await db
    .insert(incidentTechniques)
    .values({ customerId: tenant, incidentId, techniqueId, source: "analyst" })
    .onConflictDoNothing()
    .returning({ techniqueId: incidentTechniques.techniqueId });
  return rows.length > 0;
}

export async function removeIncidentTechnique(db: DbOrTx, tenant: TenantId, incidentId: string, techniqueId: string) {
  const rows = await db
    .delete(incidentTechniques)
    .where(
      and(
        eq(incidentTechniques.customerId, tenant),
        eq(incidentTechniques.incidentId, incidentId),
        eq(incidentTechniques.techniqueId, techniqueId),
      ),
    )
    .returning({ techniqueId: incidentTechniques.techniqueId });
  return rows.length > 0;
}

export async function listActions(db: DbOrTx, tenant: TenantId, incidentId: string) {
  return db
    .select({
      ...getTableColumns(responseActions),
      requestedByName: sql<string | null>`(select u.name from "user" u where u.id = "response_actions"."requested_by")`,
      decidedByName: sql<string | null>`(select u.name from "user" u where u.id = "response_actions"."decided_by")`,
    })
    .from(responseActions)
    .where(and(eq(responseActions.customerId, tenant), eq(responseActions.incidentId, incidentId)))
    .orderBy(asc(responseActions.requestedAt));
}

export async function insertAction(
  db: DbOrTx,
  tenant: TenantId,
  v: Omit<typeof responseActions.$inferInsert, "customerId">,
) {
  const [row] = await db
    .insert(responseActions)
    .values({ ...v, customerId: tenant })
    .returning();
  return row!;
}

export async function updateActionRow(
  db: DbOrTx,
  tenant: TenantId,
  incidentId: string,
  id: string,
  expectStatus: (typeof responseActions.$inferSelect)["status"],
  patch: Partial<typeof responseActions.$inferInsert>,
) {
  const [row] = await db
    .update(responseActions)
    .set(patch)
    .where(
      and(
        eq(responseActions.customerId, tenant),
        eq(responseActions.incidentId, incidentId),
        eq(responseActions.id, id),
        eq(responseActions.status, expectStatus),
      ),
    )
    .returning();
  return row ?? null;
}
