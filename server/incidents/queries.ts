import { and, asc, count, desc, eq, getTableColumns, ilike, inArray, isNull, ne, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import {
  alerts,
  customerContacts,
  customers,
  incidentEntities,
  incidentEvents,
  incidents,
  incidentTasks,
  incidentTechniques,
  observables,
  responseActions,
  sensors,
  user,
} from "@/db/schema";
import type { Severity } from "@/db/schema/tenancy";
import type { Entities } from "@/server/ingest/types";
import type { TenantId } from "@/server/tenancy/tenant";
import { observablesFromEntities } from "./observables";

export type TimelineActor = {
  actorType: "user" | "api_key" | "system";
  actorId: string | null;
  actorLabel: string;
  actorSide: "staff" | "customer" | "system";
  /** When it happened (defaults to now). */
  at?: Date;
};

export type AttachableAlert = {
  id: string;
  title: string;
  severity: number;
  eventTime: Date;
  receivedAt: Date;
  vendorCreatedAt: Date | null;
  techniques: string[];
  entities: Entities;
  keys: string[];
};

export async function insertTimeline(
  db: DbOrTx,
  tenant: TenantId,
  incidentId: string,
  e: TimelineActor & {
    kind: (typeof incidentEvents.$inferInsert)["kind"];
    visibility: "internal" | "customer";
    body?: string | null;
    data?: Record<string, unknown>;
    at?: Date;
  },
) {
  const [row] = await db
    .insert(incidentEvents)
    .values({ ...e, customerId: tenant, incidentId, body: e.body ?? null, data: e.data ?? {}, at: e.at ?? new Date() })
    .returning();
  return row!;
}

/** Reserves the customer's next incident number (serialised per customer for the transaction). */
export async function nextIncidentNumber(db: DbOrTx, tenant: TenantId): Promise<number> {
  await db.execute(sql`select pg_advisory_xact_lock(727003, hashtext(${tenant}))`);
  const [row] = await db
    .select({ n: sql<number>`coalesce(max(${incidents.number}), 0)::int` })
    .from(incidents)
    .where(eq(incidents.customerId, tenant));
  return (row?.n ?? 0) + 1;
}

export async function insertIncident(
  db: DbOrTx,
  tenant: TenantId,
  v: Omit<typeof incidents.$inferInsert, "customerId" | "number">,
) {
  const number = await nextIncidentNumber(db, tenant);
  const [row] = await db
    .insert(incidents)
    .values({ ...v, customerId: tenant, number })
    .returning();
  return row!;
}

/**
 * Puts alerts into an incident: links them, indexes their entities for correlation, adds their techniques and
 * observables, raises severity and times, and writes one internal timeline entry. Used by intake correlation and
 * by analysts escalating or attaching from the queue.
 */
export async function attachAlerts(
  db: DbOrTx,
  tenant: TenantId,
  incidentId: string,
  list: AttachableAlert[],
  actor: TimelineActor,
) {
  if (list.length === 0) return;
  const ids = list.map((a) => a.id);
  await db
    .update(alerts)
    .set({ incidentId, status: "escalated", triagedAt: sql`coalesce(${alerts.triagedAt}, now())` })
    .where(and(eq(alerts.customerId, tenant), inArray(alerts.id, ids)));

  const keys = [...new Set(list.flatMap((a) => a.keys))];
  if (keys.length) {
    await db
      .insert(incidentEntities)
      .values(keys.map((key) => ({ customerId: tenant, incidentId, key })))
      .onConflictDoNothing();
  }
  const techniques = [...new Set(list.flatMap((a) => a.techniques))];
  if (techniques.length) {
    await db
      .insert(incidentTechniques)
      .values(
        techniques.map((techniqueId) => ({ customerId: tenant, incidentId, techniqueId, source: "alert" as const })),
      )
      .onConflictDoNothing();
  }
  const obs = list.flatMap((a) => observablesFromEntities(a.entities));
  if (obs.length) {
    await db
      .insert(observables)
      .values(obs.map((o) => ({ ...o, customerId: tenant, incidentId, source: "alert" as const })))
      .onConflictDoNothing();
  }
  const maxSeverity = Math.max(...list.map((a) => a.severity));
  const t = (f: (a: AttachableAlert) => Date | null, pick: (a: number, b: number) => number) =>
    list.reduce<Date | null>((acc, a) => {
      const v = f(a);
      return v && (!acc || pick(v.getTime(), acc.getTime()) === v.getTime()) ? v : acc;
    }, null);
  const latest = t((a) => a.eventTime, Math.max)!;
  const firstEvent = t((a) => a.eventTime, Math.min)!;
  const firstReceived = t((a) => a.receivedAt, Math.min)!;
  const firstVendor = t((a) => a.vendorCreatedAt, Math.min);
  await db
    .update(incidents)
    .set({
      severity: sql`greatest(${incidents.severity}, ${maxSeverity})`,
      latestEventTime: sql`greatest(${incidents.latestEventTime}, ${latest.toISOString()}::timestamptz)`,
      firstEventTime: sql`least(${incidents.firstEventTime}, ${firstEvent.toISOString()}::timestamptz)`,
      firstAlertReceivedAt: sql`least(${incidents.firstAlertReceivedAt}, ${firstReceived.toISOString()}::timestamptz)`,
      ...(firstVendor
        ? {
            firstVendorCreatedAt: sql`least(coalesce(${incidents.firstVendorCreatedAt}, ${firstVendor.toISOString()}::timestamptz), ${firstVendor.toISOString()}::timestamptz)`,
          }
        : {}),
    })
    .where(and(eq(incidents.customerId, tenant), eq(incidents.id, incidentId)));
  await insertTimeline(db, tenant, incidentId, {
    ...actor,
    kind: "alert_added",
    visibility: "internal",
    body: list.length === 1 ? list[0]!.title : `${list.length} alerts added`,
    data: { alertIds: ids, titles: list.slice(0, 20).map((a) => a.title) },
  });
}

// ---- reads and writes for the incident pages ----

const slaDue = sql<Date | null>`(select min(c.due_at) from sla_clocks c where c.incident_id = "incidents"."id" and c.state in ('running', 'at_risk', 'breached') and c.stop_at is null)`;

export type IncidentFilter = {
  sort?: "urgency" | "severity" | "activity";
  customerId?: string;
  status?: "open" | "closed" | (typeof incidents.$inferSelect)["status"];
  severity?: number;
  assigneeId?: string;
  q?: string;
};

function incidentWhere(f: IncidentFilter, extra: SQL[] = []) {
  const where: SQL[] = [...extra];
  if (f.customerId) where.push(eq(incidents.customerId, f.customerId));
  if (f.status === "open") where.push(ne(incidents.status, "closed"));
  else if (f.status) where.push(eq(incidents.status, f.status));
  if (f.severity !== undefined)
    where.push(sql`coalesce(${incidents.severityOverride}, ${incidents.severity}) >= ${f.severity}`);
  if (f.assigneeId === "none") where.push(isNull(incidents.assigneeId));
  else if (f.assigneeId) where.push(eq(incidents.assigneeId, f.assigneeId));
  if (f.q) where.push(ilike(incidents.title, `%${f.q.replace(/[%_\\]/g, "\\$&")}%`));
  return where.length ? and(...where) : undefined;
}

const listColumns = {
  id: incidents.id,
  customerId: incidents.customerId,
  number: incidents.number,
  title: incidents.title,
  severity: sql<number>`coalesce(${incidents.severityOverride}, ${incidents.severity})`.mapWith(Number),
  status: incidents.status,
  assigneeId: incidents.assigneeId,
  assigneeName: user.name,
  visibleToCustomer: incidents.visibleToCustomer,
  firstEventTime: incidents.firstEventTime,
  latestEventTime: incidents.latestEventTime,
  createdAt: incidents.createdAt,
  updatedAt: incidents.updatedAt,
  closedAt: incidents.closedAt,
  customerName: customers.name,
  customerSlug: customers.slug,
  alertCount: sql<number>`(select count(*)::int from alerts a where a.incident_id = "incidents"."id")`,
  slaDueAt: slaDue.mapWith((v) => (v ? new Date(v) : null)),
};

/** Staff-wide list (every customer), newest activity first. */
export async function listIncidentsAll(db: DbOrTx, f: IncidentFilter, limit: number, offset: number) {
  const where = incidentWhere(f);
  const rows = await db
    .select(listColumns)
    .from(incidents)
    .innerJoin(customers, eq(customers.id, incidents.customerId))
    .leftJoin(user, eq(user.id, incidents.assigneeId))
    .where(where)
    .orderBy(
      ...(f.sort === "activity"
        ? [desc(incidents.updatedAt)]
        : f.sort === "severity"
          ? [desc(sql`coalesce(${incidents.severityOverride}, ${incidents.severity})`), desc(incidents.updatedAt)]
          : [
              sql`${slaDue} asc nulls last`,
              desc(sql`coalesce(${incidents.severityOverride}, ${incidents.severity})`),
              desc(incidents.updatedAt),
            ]),
    )
    .limit(limit)
    .offset(offset);
  const [total] = await db.select({ n: count() }).from(incidents).where(where);
  return { rows, total: total?.n ?? 0 };
}

/** One customer's incidents; `customerView` keeps to those opened to the customer. */
export async function listIncidentsForTenant(
  db: DbOrTx,
  tenant: TenantId,
  f: IncidentFilter,
  customerView: boolean,
  limit: number,
  offset: number,
) {
  const extra = [eq(incidents.customerId, tenant), ...(customerView ? [eq(incidents.visibleToCustomer, true)] : [])];
  const where = incidentWhere({ ...f, customerId: undefined }, extra);
  const rows = await db
    .select({
      ...listColumns,
      /** The latest entry the customer can see (internal work does not move it). */
      lastCustomerActivityAt:
        sql<Date | null>`(select max(e.at) from incident_events e where e.incident_id = "incidents"."id" and e.visibility = 'customer')`.mapWith(
          (v) => (v ? new Date(v) : null),
        ),
      pendingActions:
        sql<number>`(select count(*)::int from response_actions r where r.incident_id = "incidents"."id" and r.status = 'requested')`.mapWith(
          Number,
        ),
    })
    .from(incidents)
    .innerJoin(customers, eq(customers.id, incidents.customerId))
    .leftJoin(user, eq(user.id, incidents.assigneeId))
    .where(where)
    .orderBy(desc(incidents.latestEventTime))
    .limit(limit)
    .offset(offset);
  const [total] = await db.select({ n: count() }).from(incidents).where(where);
  return { rows, total: total?.n ?? 0 };
}

/** The customer an incident belongs to (staff-wide lookup used to mint the tenant for staff procedures). */
export async function findIncidentCustomerId(db: DbOrTx, incidentId: string) {
  const [row] = await db
    .select({ customerId: incidents.customerId })
    .from(incidents)
    .where(eq(incidents.id, incidentId));
  return row?.customerId ?? null;
}

export async function findIncident(db: DbOrTx, tenant: TenantId, id: string) {
  const [row] = await db
    .select({
      incident: incidents,
      customerName: customers.name,
      customerSlug: customers.slug,
      assigneeName: user.name,
    })
    .from(incidents)
    .innerJoin(customers, eq(customers.id, incidents.customerId))
    .leftJoin(user, eq(user.id, incidents.assigneeId))
    .where(and(eq(incidents.customerId, tenant), eq(incidents.id, id)))
    .limit(1);
  return row ?? null;
}

export async function updateIncidentRow(
  db: DbOrTx,
  tenant: TenantId,
  id: string,
  patch: Partial<typeof incidents.$inferInsert>,
) {
  const [row] = await db
    .update(incidents)
    .set(patch)
    .where(and(eq(incidents.customerId, tenant), eq(incidents.id, id)))
    .returning();
  return row ?? null;
}

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
    .where(and(eq(alerts.customerId, tenant), eq(alerts.incidentId, incidentId)))
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

/** The customer's contacts to tell about an incident of this severity by e-mail (the escalation matrix). */
export async function contactsToNotify(db: DbOrTx, tenant: TenantId, severity: Severity) {
  return db
    .select({ name: customerContacts.name, email: customerContacts.email })
    .from(customerContacts)
    .where(
      and(
        eq(customerContacts.customerId, tenant),
        sql`${severity} = any(${customerContacts.severities})`,
        sql`'email' = any(${customerContacts.channels})`,
      ),
    );
}
