import { and, asc, desc, eq, gte, inArray, isNotNull, lt, lte, or, type SQL, sql } from "drizzle-orm";
import { type DbOrTx, rowsOf } from "@/db";
import {
  alerts,
  contractVersions,
  customerContacts,
  customers,
  huntCustomers,
  hunts,
  incidentEvents,
  incidents,
  incidentTechniques,
  recommendationDirty,
  recommendationEvents,
  recommendations,
  responseActions,
} from "@/db/schema";
import type { TenantId } from "@/server/tenancy/tenant";
import type { RecSeverity } from "./facts";
import type { RecStatus } from "./lifecycle";

export type RecRow = typeof recommendations.$inferSelect;
export type NewRec = Omit<typeof recommendations.$inferInsert, "customerId">;
export type RecEvent = Omit<typeof recommendationEvents.$inferInsert, "customerId" | "recommendationId">;

// ---- facts (everything but coverage) ----

/** Response actions asked of the customer and not yet decided. */
export async function listWaitingActions(db: DbOrTx, tenant: TenantId) {
  return db
    .select({
      id: responseActions.id,
      incidentId: responseActions.incidentId,
      number: incidents.number,
      kind: responseActions.kind,
      target: responseActions.target,
      since: responseActions.requestedAt,
    })
    .from(responseActions)
    .innerJoin(incidents, eq(incidents.id, responseActions.incidentId))
    .where(
      and(
        eq(responseActions.customerId, tenant),
        eq(responseActions.status, "requested"),
        eq(incidents.visibleToCustomer, true),
      ),
    );
}

/**
 * Incidents opened at or after `from`, with their techniques (one read: the techniques as a json array per row). An
 * incident is a true positive unless every one of its alerts was judged false positive or benign (escalation is the
 * analyst's judgement that it is real).
 */
/**
 * An incident is a false alarm when it has alerts and every one was judged a false positive or benign: no threat
 * (posture-rules.md). The outer row is named by its table: in a select list drizzle writes `${incidents.id}` as a bare
 * "id", which inside the subquery would name the alert's own id (queries.int.test.ts pins this). Only the months from
 * the incident's first alert on are searched: none of its alerts arrived before (alerts are partitioned by month of
 * received_at; at 500,000 alerts over 13 months the largest customer's read took 24 ms bounded, 110–220 ms not).
 */
export const isFalseAlarm = sql<boolean>`(exists (select 1 from ${alerts} a where a.incident_id = ${incidents}.id
    and a.received_at >= ${incidents}.first_alert_received_at)
  and not exists (select 1 from ${alerts} a where a.incident_id = ${incidents}.id
    and a.received_at >= ${incidents}.first_alert_received_at
    and (a.verdict is null or a.verdict not in ('false_positive', 'benign'))))`;

export async function listIncidentsSince(db: DbOrTx, tenant: TenantId, from: Date) {
  return db
    .select({
      id: incidents.id,
      number: incidents.number,
      severity: sql<number>`coalesce(${incidents.severityOverride}, ${incidents.severity})`.mapWith(Number),
      openedAt: incidents.createdAt,
      visibleToCustomer: incidents.visibleToCustomer,
      falseAlarm: isFalseAlarm,
      techniques: sql<string[]>`coalesce((select json_agg(t.technique_id order by t.technique_id)
        from ${incidentTechniques} t where t.customer_id = ${incidents}.customer_id and t.incident_id = ${incidents}.id),
        '[]'::json)`.mapWith((v) => (typeof v === "string" ? (JSON.parse(v) as string[]) : (v as string[]))),
    })
    .from(incidents)
    .where(and(eq(incidents.customerId, tenant), gte(incidents.createdAt, from)));
}

/**
 * Questions (timeline `question` → the next `answer` on the incident) and approvals asked since `from`, in one read
 * (a union of the two).
 */
export async function listAsksSince(db: DbOrTx, tenant: TenantId, from: Date) {
  const at = from.toISOString();
  const rows = rowsOf<{
    id: string;
    kind: "question" | "approval";
    asked_at: string | Date;
    answered_at: string | Date | null;
  }>(
    await db.execute(sql`
      select q.id, 'question' as kind, q.at as asked_at,
        (select min(e.at) from ${incidentEvents} e where e.customer_id = q.customer_id
          and e.incident_id = q.incident_id and e.kind = 'answer' and e.at >= q.at) as answered_at
      from ${incidentEvents} q
      where q.customer_id = ${tenant} and q.kind = 'question' and q.at >= ${at}::timestamptz
      union all
      select r.id, 'approval', r.requested_at, r.decided_at
      from ${responseActions} r
      where r.customer_id = ${tenant} and r.requested_at >= ${at}::timestamptz and r.requested_by is not null`),
  );
  return rows.map((r) => ({
    id: r.id,
    askedAt: new Date(r.asked_at),
    answeredAt: r.answered_at === null ? null : new Date(r.answered_at),
    kind: r.kind,
  }));
}

// ---- recommendations ----

/**
 * What the evaluation reads of a customer's recommendations, in one read: the rule-made ones (with a dedup key) and
 * the risk acceptances whose review date has come by `now` (`due`; of any origin).
 */
export async function listEvaluationRecs(db: DbOrTx, tenant: TenantId, now: Date) {
  const due = and(eq(recommendations.status, "risk_accepted"), lte(recommendations.reviewAt, now));
  return db
    .select({
      id: recommendations.id,
      dedupKey: recommendations.dedupKey,
      status: recommendations.status,
      severity: recommendations.severity,
      title: recommendations.title,
      body: recommendations.body,
      evidence: recommendations.evidence,
      due: sql<boolean>`coalesce(${due}, false)`.mapWith(Boolean),
    })
    .from(recommendations)
    .where(and(eq(recommendations.customerId, tenant), or(isNotNull(recommendations.dedupKey), due)));
}

export async function insertRec(db: DbOrTx, tenant: TenantId, r: NewRec) {
  const [row] = await db
    .insert(recommendations)
    .values({ ...r, customerId: tenant })
    .onConflictDoNothing()
    .returning();
  /** null when another evaluation raised the same dedup key first. */
  return row ?? null;
}

export async function findRec(db: DbOrTx, tenant: TenantId, id: string) {
  const [row] = await db
    .select()
    .from(recommendations)
    .where(and(eq(recommendations.customerId, tenant), eq(recommendations.id, id)));
  return row ?? null;
}

/** Updates only when the row is still in `from` (a concurrent change makes this return null). */
export async function updateRec(db: DbOrTx, tenant: TenantId, id: string, patch: Partial<NewRec>, from?: RecStatus) {
  const [row] = await db
    .update(recommendations)
    .set(patch)
    .where(
      and(
        eq(recommendations.customerId, tenant),
        eq(recommendations.id, id),
        from ? eq(recommendations.status, from) : undefined,
      ),
    )
    .returning();
  return row ?? null;
}

export async function insertRecEvent(db: DbOrTx, tenant: TenantId, recommendationId: string, e: RecEvent) {
  await db.insert(recommendationEvents).values({ ...e, customerId: tenant, recommendationId });
}

export async function listRecEvents(db: DbOrTx, tenant: TenantId, id: string) {
  return db
    .select()
    .from(recommendationEvents)
    .where(and(eq(recommendationEvents.customerId, tenant), eq(recommendationEvents.recommendationId, id)))
    .orderBy(asc(recommendationEvents.at));
}

export type RecFilter = {
  customerId?: string;
  status?: RecStatus[];
  severity?: RecSeverity[];
  origin?: string;
  category?: string;
};

function recWhere(f: RecFilter, tenant?: TenantId): SQL | undefined {
  return and(
    tenant ? eq(recommendations.customerId, tenant) : undefined,
    f.customerId ? eq(recommendations.customerId, f.customerId) : undefined,
    f.status?.length ? inArray(recommendations.status, f.status) : undefined,
    f.severity?.length ? inArray(recommendations.severity, f.severity) : undefined,
    f.origin ? eq(recommendations.origin, f.origin as "rule") : undefined,
    f.category ? eq(recommendations.category, f.category as "visibility") : undefined,
  );
}

const SEVERITY_ORDER = sql`array_position(array['critical','high','medium','low']::text[], ${recommendations.severity})`;

/** Provider-wide list (staff only: the service checks). */
export async function listRecsAll(db: DbOrTx, f: RecFilter, limit: number, offset: number) {
  const where = recWhere(f);
  const rows = await db
    .select({ rec: recommendations, customerName: customers.name, customerSlug: customers.slug })
    .from(recommendations)
    .innerJoin(customers, eq(customers.id, recommendations.customerId))
    .where(where)
    .orderBy(SEVERITY_ORDER, desc(recommendations.updatedAt))
    .limit(limit)
    .offset(offset);
  const [{ n }] = (await db.select({ n: sql<number>`count(*)::int` }).from(recommendations).where(where)) as [
    { n: number },
  ];
  return { rows, total: n };
}

export async function listRecsOf(db: DbOrTx, tenant: TenantId, f: RecFilter = {}) {
  return db
    .select()
    .from(recommendations)
    .where(recWhere(f, tenant))
    .orderBy(SEVERITY_ORDER, desc(recommendations.updatedAt));
}

/** Every status change of the customer's recommendations before `at` (to know what was outstanding then). */
export async function listStatusHistory(db: DbOrTx, tenant: TenantId, at: Date) {
  return db
    .select({
      id: recommendationEvents.recommendationId,
      at: recommendationEvents.at,
      to: recommendationEvents.toStatus,
      severity: sql<RecSeverity | null>`${recommendationEvents.data}->>'severity'`,
    })
    .from(recommendationEvents)
    .where(
      and(
        eq(recommendationEvents.customerId, tenant),
        lt(recommendationEvents.at, at),
        inArray(recommendationEvents.kind, ["raised", "status", "severity"]),
      ),
    )
    .orderBy(asc(recommendationEvents.at));
}

export async function reportContacts(db: DbOrTx, tenant: TenantId) {
  return db
    .select({ name: customerContacts.name, email: customerContacts.email })
    .from(customerContacts)
    .where(and(eq(customerContacts.customerId, tenant), eq(customerContacts.receivesReports, true)));
}

// ---- dirty marks (provider-wide, the job's) ----

export async function markDirty(db: DbOrTx, tenant: TenantId) {
  await db.insert(recommendationDirty).values({ customerId: tenant }).onConflictDoNothing();
}

/** Takes the marks: each customer is handed to exactly one caller. */
export async function takeDirty(db: DbOrTx, limit = 200): Promise<string[]> {
  const rows = await db
    .delete(recommendationDirty)
    .where(
      sql`${recommendationDirty.customerId} in (select customer_id from ${recommendationDirty} limit ${limit} for update skip locked)`,
    )
    .returning({ id: recommendationDirty.customerId });
  return rows.map((r) => r.id);
}

export async function listActiveCustomers(db: DbOrTx) {
  return db
    .select({
      id: customers.id,
      slug: customers.slug,
      timezone: customers.timezone,
      createdAt: customers.createdAt,
      name: customers.name,
    })
    .from(customers)
    .where(eq(customers.status, "active"));
}

/** The customers named by these ids (the minute run's dirty marks), as the evaluation needs them. */
export async function listCustomersByIds(db: DbOrTx, ids: readonly string[]) {
  if (!ids.length) return [];
  return db
    .select({ id: customers.id, slug: customers.slug, timezone: customers.timezone })
    .from(customers)
    .where(inArray(customers.id, [...ids]));
}

// ---- coverage, from today's tables (coverage-facts.ts; replaced by the coverage domain at merge) ----

export async function contractAt(db: DbOrTx, tenant: TenantId, at: Date) {
  const [row] = await db
    .select({
      tier: contractVersions.tier,
      monitoredClasses: contractVersions.monitoredClasses,
      licensedEndpoints: contractVersions.licensedEndpoints,
    })
    .from(contractVersions)
    .where(and(eq(contractVersions.customerId, tenant), lte(contractVersions.effectiveFrom, at)))
    .orderBy(desc(contractVersions.effectiveFrom), desc(contractVersions.version))
    .limit(1);
  return row ?? null;
}

export async function ownersOf(db: DbOrTx, ids: string[]) {
  return db
    .select({ id: recommendations.id, customerId: recommendations.customerId, status: recommendations.status })
    .from(recommendations)
    .where(inArray(recommendations.id, ids));
}

/** Of these incident ids, the ones opened to the customer. */
export async function listVisibleIncidentIds(db: DbOrTx, tenant: TenantId, ids: string[]) {
  if (!ids.length) return new Set<string>();
  const rows = await db
    .select({ id: incidents.id })
    .from(incidents)
    .where(and(eq(incidents.customerId, tenant), inArray(incidents.id, ids), eq(incidents.visibleToCustomer, true)));
  return new Set(rows.map((r) => r.id));
}

export async function incidentBelongs(db: DbOrTx, tenant: TenantId, incidentId: string) {
  const [row] = await db
    .select({ id: incidents.id })
    .from(incidents)
    .where(and(eq(incidents.customerId, tenant), eq(incidents.id, incidentId)));
  return Boolean(row);
}

/** The hunt exists and covers the customer (all customers, or listed). */
export async function huntCovers(db: DbOrTx, tenant: TenantId, huntId: string) {
  const [row] = await db
    .select({ id: hunts.id })
    .from(hunts)
    .where(
      and(
        eq(hunts.id, huntId),
        sql`(${hunts.allCustomers} or exists (select 1 from ${huntCustomers} hc where hc.hunt_id = ${hunts.id} and hc.customer_id = ${tenant}))`,
      ),
    );
  return Boolean(row);
}
