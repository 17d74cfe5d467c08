import { and, count, desc, eq, ilike, isNull, ne, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { customerContacts, customers, incidents, user } from "@/db/schema";
import type { Severity } from "@/db/schema/tenancy";
import type { TenantId } from "@/server/tenancy/tenant";

// The incident rows: lists, one incident, its update, and whom to tell about it.

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
  // Only the months from the incident's first alert on (none of its alerts arrived before; alerts are partitioned by
  // month of received_at, and the bound prunes the earlier months per incident).
  alertCount: sql<number>`(select count(*)::int from alerts a where a.incident_id = "incidents"."id"
    and a.received_at >= "incidents"."first_alert_received_at")`,
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
        sql<Date | null>`(select max(e.at) from incident_events e where e.customer_id = "incidents"."customer_id" and e.incident_id = "incidents"."id" and e.visibility = 'customer')`.mapWith(
          (v) => (v ? new Date(v) : null),
        ),
      pendingActions:
        sql<number>`(select count(*)::int from response_actions r where r.customer_id = "incidents"."customer_id" and r.incident_id = "incidents"."id" and r.status = 'requested')`.mapWith(
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
