import { and, asc, desc, eq, gte, inArray, lt, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { incidents, incidentTechniques, responseActions, slaClocks } from "@/db/schema";
import type { TenantId } from "@/server/tenancy/tenant";

/** The reads behind a report's model that the portal's own views do not already make. */

/** Incidents opened with the customer (visible to them) in [from, to). */
export async function incidentsOpenedIn(db: DbOrTx, tenant: TenantId, from: Date, to: Date) {
  return db
    .select({
      id: incidents.id,
      number: incidents.number,
      title: incidents.title,
      summary: incidents.summary,
      severity: sql<number>`coalesce(${incidents.severityOverride}, ${incidents.severity})`.mapWith(Number),
      status: incidents.status,
      createdAt: incidents.createdAt,
      containedAt: incidents.containedAt,
      resolvedAt: incidents.resolvedAt,
      closeReason: incidents.closeReason,
    })
    .from(incidents)
    .where(
      and(
        eq(incidents.customerId, tenant),
        eq(incidents.visibleToCustomer, true),
        gte(incidents.createdAt, from),
        lt(incidents.createdAt, to),
      ),
    )
    .orderBy(desc(sql`coalesce(${incidents.severityOverride}, ${incidents.severity})`), asc(incidents.createdAt));
}

export async function techniquesOf(db: DbOrTx, tenant: TenantId, incidentIds: string[]) {
  if (!incidentIds.length) return [];
  return db
    .select({ incidentId: incidentTechniques.incidentId, techniqueId: incidentTechniques.techniqueId })
    .from(incidentTechniques)
    .where(
      and(
        eq(incidentTechniques.customerId, tenant),
        sql`${incidentTechniques.incidentId} in (${sql.join(
          incidentIds.map((i) => sql`${i}::uuid`),
          sql`, `,
        )})`,
      ),
    );
}

/** Of these incidents, the ones whose contain clock breached (whenever it breached). */
export async function containBreached(db: DbOrTx, tenant: TenantId, incidentIds: string[]) {
  if (!incidentIds.length) return new Set<string>();
  const rows = await db
    .select({ incidentId: slaClocks.incidentId })
    .from(slaClocks)
    .where(
      and(
        eq(slaClocks.customerId, tenant),
        eq(slaClocks.metric, "contain"),
        eq(slaClocks.state, "breached"),
        inArray(slaClocks.incidentId, incidentIds),
      ),
    );
  return new Set(rows.map((r) => r.incidentId));
}

/** Response actions on these incidents (what was done, or asked for), oldest first. */
export async function actionsOf(db: DbOrTx, tenant: TenantId, incidentIds: string[]) {
  if (!incidentIds.length) return [];
  return db
    .select({
      incidentId: responseActions.incidentId,
      kind: responseActions.kind,
      target: responseActions.target,
      status: responseActions.status,
      executedAt: responseActions.executedAt,
    })
    .from(responseActions)
    .where(
      and(
        eq(responseActions.customerId, tenant),
        sql`${responseActions.incidentId} in (${sql.join(
          incidentIds.map((i) => sql`${i}::uuid`),
          sql`, `,
        )})`,
      ),
    )
    .orderBy(asc(responseActions.requestedAt));
}

/** What waits on the customer now: incidents with an open question and actions awaiting their decision. */
export async function waitingOnCustomer(db: DbOrTx, tenant: TenantId) {
  const questions = await db
    .select({ number: incidents.number, title: incidents.title, since: incidents.updatedAt })
    .from(incidents)
    .where(
      and(
        eq(incidents.customerId, tenant),
        eq(incidents.status, "waiting_on_customer"),
        eq(incidents.visibleToCustomer, true),
      ),
    )
    .orderBy(asc(incidents.number));
  const approvals = await db
    .select({
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
    )
    .orderBy(asc(responseActions.requestedAt));
  return { questions, approvals };
}
