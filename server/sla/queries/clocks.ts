import { and, asc, eq, inArray, isNull, lte, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { contractVersions, customers, incidentEvents, incidents, slaAlerts, slaClocks, user } from "@/db/schema";
import type { TenantId } from "@/server/tenancy/tenant";
import { type ComputedClock, clockSnapshot, transitionsOf } from "../compute";
import { markMonthsDirty } from "./monthly";

// The clocks of one incident: the snapshot written on every change, the minute sweep, and the one notification of
// each transition.

export async function loadIncidentForClocks(db: DbOrTx, tenant: TenantId, incidentId: string) {
  const [inc] = await db
    .select()
    .from(incidents)
    .where(and(eq(incidents.customerId, tenant), eq(incidents.id, incidentId)));
  if (!inc) return null;
  const events = await db
    .select({ at: incidentEvents.at, data: incidentEvents.data })
    .from(incidentEvents)
    .where(
      and(
        eq(incidentEvents.customerId, tenant),
        eq(incidentEvents.incidentId, incidentId),
        inArray(incidentEvents.kind, ["status", "question", "answer"]),
      ),
    )
    .orderBy(asc(incidentEvents.at));
  return { inc, transitions: transitionsOf(events) };
}

export async function setIncidentVersion(db: DbOrTx, tenant: TenantId, incidentId: string, versionId: string) {
  await db
    .update(incidents)
    .set({ contractVersionId: versionId })
    .where(and(eq(incidents.customerId, tenant), eq(incidents.id, incidentId)));
}

export async function listClocks(db: DbOrTx, tenant: TenantId, incidentId: string) {
  return db
    .select()
    .from(slaClocks)
    .where(and(eq(slaClocks.customerId, tenant), eq(slaClocks.incidentId, incidentId)));
}

/** Writes the snapshot; returns the clocks that just became at risk or breached (for their one notification). */
export async function saveClocks(
  db: DbOrTx,
  tenant: TenantId,
  incidentId: string,
  versionId: string,
  computed: ComputedClock[],
  assigneeId: string | null,
  now: Date,
) {
  const before = new Map((await listClocks(db, tenant, incidentId)).map((c) => [c.metric, c]));
  const transitions: { id: string; metric: string; kind: "at_risk" | "breached"; dueAt: Date | null }[] = [];
  for (const c of computed) {
    const { values, transition } = clockSnapshot(c, before.get(c.metric), {
      customerId: tenant,
      incidentId,
      versionId,
      assigneeId,
      now,
    });
    const [row] = await db
      .insert(slaClocks)
      .values(values)
      .onConflictDoUpdate({ target: [slaClocks.incidentId, slaClocks.metric], set: values })
      .returning({ id: slaClocks.id });
    if (transition) transitions.push({ id: row!.id, metric: c.metric, kind: transition, dueAt: c.status.due });
  }
  const ids = (await listClocks(db, tenant, incidentId)).map((c) => c.id);
  await markMonthsDirty(db, ids);
  const keep = computed.map((c) => c.metric);
  const stale = [...before.values()].filter((c) => !keep.includes(c.metric)).map((c) => c.id);
  if (stale.length)
    await db.delete(slaClocks).where(and(eq(slaClocks.customerId, tenant), inArray(slaClocks.id, stale)));
  return transitions;
}

/**
 * The minute sweep's two moves, each one atomic UPDATE: running/at-risk clocks past due become breached, running clocks
 * past their at-risk point become at risk. Concurrent sweeps never both take the same row.
 */
export async function sweepBreaches(db: DbOrTx, now: Date) {
  return db
    .update(slaClocks)
    .set({
      state: "breached",
      breachedAt: sql`coalesce(${slaClocks.breachedAt}, ${slaClocks.dueAt})`,
      breachedAssigneeId: sql`coalesce(${slaClocks.breachedAssigneeId}, (select i.assignee_id from incidents i where i.id = ${slaClocks.incidentId}))`,
      computedAt: now,
    })
    .where(and(inArray(slaClocks.state, ["running", "at_risk"]), lte(slaClocks.dueAt, now)))
    .returning({
      id: slaClocks.id,
      customerId: slaClocks.customerId,
      incidentId: slaClocks.incidentId,
      metric: slaClocks.metric,
      dueAt: slaClocks.dueAt,
    });
}

export async function sweepAtRisk(db: DbOrTx, now: Date) {
  return db
    .update(slaClocks)
    .set({
      state: "at_risk",
      atRiskAt: sql`coalesce(${slaClocks.atRiskAt}, ${slaClocks.atRiskDueAt})`,
      computedAt: now,
    })
    .where(and(eq(slaClocks.state, "running"), lte(slaClocks.atRiskDueAt, now)))
    .returning({
      id: slaClocks.id,
      customerId: slaClocks.customerId,
      incidentId: slaClocks.incidentId,
      metric: slaClocks.metric,
      dueAt: slaClocks.dueAt,
    });
}

/** Claims the one notification of a transition: true for exactly one caller. */
export async function claimNotification(db: DbOrTx, clockId: string, kind: "at_risk" | "breached", now: Date) {
  const rows = await db
    .update(slaClocks)
    .set(kind === "breached" ? { breachNotifiedAt: now } : { atRiskNotifiedAt: now })
    .where(
      and(
        eq(slaClocks.id, clockId),
        isNull(kind === "breached" ? slaClocks.breachNotifiedAt : slaClocks.atRiskNotifiedAt),
      ),
    )
    .returning({ id: slaClocks.id });
  return rows.length === 1;
}

export async function insertSlaAlert(
  db: DbOrTx,
  v: {
    customerId: string;
    incidentId: string;
    clockId: string;
    kind: "at_risk" | "breached";
    metric: string;
    dueAt: Date | null;
  },
) {
  await db
    .insert(slaAlerts)
    .values({ ...v, metric: v.metric as "acknowledge" })
    .onConflictDoNothing();
}

export async function incidentForAlert(db: DbOrTx, incidentId: string) {
  const [row] = await db
    .select({
      id: incidents.id,
      number: incidents.number,
      title: incidents.title,
      severity: sql<number>`coalesce(${incidents.severityOverride}, ${incidents.severity})`.mapWith(Number),
      assigneeId: incidents.assigneeId,
      assigneeName: user.name,
      assigneeEmail: user.email,
      customerName: customers.name,
      customerSlug: customers.slug,
    })
    .from(incidents)
    .innerJoin(customers, eq(customers.id, incidents.customerId))
    .leftJoin(user, eq(user.id, incidents.assigneeId))
    .where(eq(incidents.id, incidentId));
  return row ?? null;
}

export async function versionById(db: DbOrTx, id: string) {
  const [row] = await db.select().from(contractVersions).where(eq(contractVersions.id, id));
  return row ?? null;
}
