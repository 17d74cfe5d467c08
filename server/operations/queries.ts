import { and, asc, count, eq, inArray, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { alerts, customers, incidents, memberships, OPEN_INCIDENT_STATUSES, responseActions, user } from "@/db/schema";

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

/** The open statuses as a SQL list, for the grouped subqueries below (`status in (…)` uses the status indexes). */
const openStatuses = sql.join(
  OPEN_INCIDENT_STATUSES.map((s) => sql`${s}`),
  sql`, `,
);

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
    .where(inArray(incidents.status, OPEN_INCIDENT_STATUSES))
    .groupBy(incidents.status, incidents.assigneeId, user.name);
}

/**
 * Every staff member with their open incidents and the alerts they hold (acknowledged, not yet closed): two grouped
 * counts over the status indexes, joined to the staff (a count per person read every alert without an index).
 */
export async function staffWorkload(db: DbOrTx) {
  const held = sql`(select assignee_id, count(*)::int as n from ${incidents} where status in (${openStatuses}) and assignee_id is not null group by 1)`;
  const holding = sql`(select assignee_id, count(*)::int as n from ${alerts} where status = 'acknowledged' and assignee_id is not null group by 1)`;
  return db
    .select({
      userId: user.id,
      name: user.name,
      role: memberships.role,
      incidents: sql<number>`coalesce(i.n, 0)`.mapWith(Number),
      alerts: sql<number>`coalesce(a.n, 0)`.mapWith(Number),
    })
    .from(memberships)
    .innerJoin(user, eq(user.id, memberships.userId))
    .leftJoin(sql`${held} as i`, sql`i.assignee_id = ${user.id}`)
    .leftJoin(sql`${holding} as a`, sql`a.assignee_id = ${user.id}`)
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

/**
 * Open incidents whose latest word by a person is the customer's: they wait on us, the longest first (the side and
 * time of that word are kept on the incident by a trigger; migration 0035). `total` counts them all, beyond the
 * page. The predicate is the partial index's, spelled the same, so the planner reads that index alone.
 */
export async function customersWaiting(db: DbOrTx, limit = 50) {
  const rows = await db
    .select({
      incidentId: incidents.id,
      number: incidents.number,
      title: incidents.title,
      since: sql<Date>`${incidents.lastWordAt}`.mapWith(incidents.lastWordAt),
      customerName: customers.name,
      customerSlug: customers.slug,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(incidents)
    .innerJoin(customers, eq(customers.id, incidents.customerId))
    .where(sql`${incidents.lastWordSide} = 'customer' and ${incidents.status} <> 'closed'`)
    .orderBy(asc(incidents.lastWordAt), asc(incidents.id))
    .limit(limit);
  return { rows: rows.map(({ total: _, ...r }) => r), total: rows[0]?.total ?? 0 };
}

/** Every customer with its open critical incidents (one grouped count of the open incidents, joined). */
export async function customerCriticals(db: DbOrTx) {
  const counts = sql`(select customer_id, count(*)::int as open,
    (count(*) filter (where coalesce(severity_override, severity) = 5))::int as critical
    from ${incidents} where status in (${openStatuses}) group by 1)`;
  return db
    .select({
      customerId: customers.id,
      name: customers.name,
      slug: customers.slug,
      timezone: customers.timezone,
      openCritical: sql<number>`coalesce(o.critical, 0)`.mapWith(Number),
      open: sql<number>`coalesce(o.open, 0)`.mapWith(Number),
    })
    .from(customers)
    .leftJoin(sql`${counts} as o`, sql`o.customer_id = ${customers.id}`)
    .orderBy(asc(customers.name));
}
