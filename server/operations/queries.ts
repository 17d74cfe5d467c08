import { and, asc, count, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { alerts, customers, incidentEvents, incidents, memberships, responseActions, user } from "@/db/schema";

/** Provider-wide reads for the SOC manager's home (staff only; the service checks the role). */

const effectiveSeverity = sql<number>`coalesce(${incidents.severityOverride}, ${incidents.severity})`.mapWith(Number);

/**
 * Alerts nobody has triaged yet, counted by severity and age class: class i is the first of `edges` (newest first)
 * the alert arrived after, `edges.length` when it arrived before them all. One aggregate: no alert leaves the database.
 */
export async function untriagedByAge(db: DbOrTx, edges: Date[]) {
  const cls = edges.length
    ? sql<number>`(case ${sql.join(
        edges.map((e, i) => sql`when ${alerts.receivedAt} > ${e.toISOString()}::timestamptz then ${i}`),
        sql` `,
      )} else ${edges.length} end)::int`
    : sql<number>`0`;
  const rows = await db
    .select({ severity: alerts.severity, age: cls, count: count() })
    .from(alerts)
    .where(eq(alerts.status, "new"))
    .groupBy(sql`1`, sql`2`);
  return rows.map((r) => ({ severity: Number(r.severity), age: Number(r.age), count: Number(r.count) }));
}

/** Open incidents by state and assignee. */
export async function openIncidentCounts(db: DbOrTx) {
  return db
    .select({
      status: incidents.status,
      assigneeId: incidents.assigneeId,
      assigneeName: user.name,
      count: count(),
      critical: sql<number>`count(*) filter (where ${effectiveSeverity} = 5)::int`,
    })
    .from(incidents)
    .leftJoin(user, eq(user.id, incidents.assigneeId))
    .where(ne(incidents.status, "closed"))
    .groupBy(incidents.status, incidents.assigneeId, user.name);
}

/** Every staff member with their open incidents and the alerts they hold (acknowledged, not yet closed). */
export async function staffWorkload(db: DbOrTx) {
  return db
    .select({
      userId: user.id,
      name: user.name,
      role: memberships.role,
      incidents: sql<number>`(select count(*) from incidents i where i.assignee_id = "user"."id" and i.status <> 'closed')::int`,
      alerts: sql<number>`(select count(*) from alerts a where a.assignee_id = "user"."id" and a.status = 'acknowledged')::int`,
    })
    .from(memberships)
    .innerJoin(user, eq(user.id, memberships.userId))
    .where(and(isNull(memberships.customerId), inArray(memberships.role, ["analyst", "soc_manager"])))
    .orderBy(asc(user.name));
}

/** Actions the customer approved that nobody has carried out yet, and declines of the last day. */
export async function answeredApprovals(db: DbOrTx, since: Date) {
  return db
    .select({
      id: responseActions.id,
      status: responseActions.status,
      kind: responseActions.kind,
      target: responseActions.target,
      decidedAt: responseActions.decidedAt,
      incidentId: incidents.id,
      number: incidents.number,
      customerName: customers.name,
      customerSlug: customers.slug,
    })
    .from(responseActions)
    .innerJoin(incidents, eq(incidents.id, responseActions.incidentId))
    .innerJoin(customers, eq(customers.id, responseActions.customerId))
    .where(
      sql`(${responseActions.status} = 'approved' or (${responseActions.status} = 'declined' and ${responseActions.decidedAt} >= ${since.toISOString()}::timestamptz))`,
    )
    .orderBy(asc(responseActions.decidedAt))
    .limit(50);
}

/** Open incidents whose latest word is the customer's: they are waiting on us. */
export async function customersWaiting(db: DbOrTx) {
  const last = sql`(select e.actor_side from incident_events e where e.incident_id = incidents.id and e.customer_id = incidents.customer_id and e.actor_side <> 'system' order by e.at desc limit 1)`;
  return db
    .select({
      incidentId: incidents.id,
      number: incidents.number,
      title: incidents.title,
      since:
        sql<Date>`(select max(e.at) from incident_events e where e.incident_id = incidents.id and e.customer_id = incidents.customer_id and e.actor_side = 'customer')`.mapWith(
          incidentEvents.at,
        ),
      customerName: customers.name,
      customerSlug: customers.slug,
    })
    .from(incidents)
    .innerJoin(customers, eq(customers.id, incidents.customerId))
    .where(and(ne(incidents.status, "closed"), sql`${last} = 'customer'`))
    .limit(50);
}

/** Every customer with its open critical incidents. */
export async function customerCriticals(db: DbOrTx) {
  return db
    .select({
      customerId: customers.id,
      name: customers.name,
      slug: customers.slug,
      timezone: customers.timezone,
      openCritical: sql<number>`(select count(*) from incidents i where i.customer_id = customers.id and i.status <> 'closed' and coalesce(i.severity_override, i.severity) = 5)::int`,
      open: sql<number>`(select count(*) from incidents i where i.customer_id = customers.id and i.status <> 'closed')::int`,
    })
    .from(customers)
    .orderBy(asc(customers.name));
}
