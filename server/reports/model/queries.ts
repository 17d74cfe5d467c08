import { and, asc, desc, eq, gte, inArray, lt, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db";
import { incidents, incidentTechniques, responseActions, slaClocks } from "@/db/schema";
import type { TenantId } from "@/server/tenancy/tenant";

/** The reads behind a report's model that the portal's own views do not already make. */

/** The status an incident had at `at`: its last status change before then (its first status, triage, before any). */
const statusAt = (at: Date) =>
  sql<string>`coalesce((select e.data->>'to' from incident_events e where e.incident_id = incidents.id and e.customer_id = incidents.customer_id and e.kind in ('status', 'question', 'answer') and e.data->>'to' is not null and e.at < ${at.toISOString()}::timestamptz order by e.at desc limit 1), 'triage')`;
/** A timestamp as it stood at `at`: null when it happened later. */
const asOf = (col: AnyPgColumn, at: Date) =>
  sql<Date | null>`case when ${col} < ${at.toISOString()}::timestamptz then ${col} end`.mapWith(incidents.containedAt);

/**
 * Incidents opened with the customer (visible to them) in [from, to), each as it stood at `to` (the month end): a
 * report regenerated later still tells the month as it ended.
 */
export async function incidentsOpenedIn(db: DbOrTx, tenant: TenantId, from: Date, to: Date) {
  const rows = await db
    .select({
      id: incidents.id,
      number: incidents.number,
      title: incidents.title,
      summary: incidents.summary,
      severity: sql<number>`coalesce(${incidents.severityOverride}, ${incidents.severity})`.mapWith(Number),
      status: statusAt(to),
      createdAt: incidents.createdAt,
      containedAt: asOf(incidents.containedAt, to),
      resolvedAt: asOf(incidents.resolvedAt, to),
      closedAt: asOf(incidents.closedAt, to),
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
  return rows.map(({ closedAt, ...r }) => ({
    ...r,
    status: r.status as (typeof incidents.$inferSelect)["status"],
    closeReason: closedAt ? r.closeReason : null,
  }));
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

/** Response actions on these incidents requested before `at`, each with its status at `at`, oldest first. */
export async function actionsOf(db: DbOrTx, tenant: TenantId, incidentIds: string[], at: Date) {
  if (!incidentIds.length) return [];
  const iso = at.toISOString();
  const before = (col: AnyPgColumn) => sql`(${col} is not null and ${col} < ${iso}::timestamptz)`;
  const withdrawn = sql`exists (select 1 from incident_events e where e.customer_id = response_actions.customer_id and e.incident_id = response_actions.incident_id and e.kind = 'action_decided' and e.data->>'actionId' = response_actions.id::text and e.data->>'status' = 'cancelled' and e.at < ${iso}::timestamptz)`;
  const rows = await db
    .select({
      incidentId: responseActions.incidentId,
      kind: responseActions.kind,
      target: responseActions.target,
      status: sql<string>`case
        when ${before(responseActions.executedAt)} then 'executed'
        when ${before(responseActions.decidedAt)} then (case when ${responseActions.status} = 'executed' then 'approved' else ${responseActions.status} end)
        when ${withdrawn} then 'cancelled'
        else 'requested' end`,
      executedAt:
        sql<Date | null>`case when ${before(responseActions.executedAt)} then ${responseActions.executedAt} end`.mapWith(
          responseActions.executedAt,
        ),
    })
    .from(responseActions)
    .where(
      and(
        eq(responseActions.customerId, tenant),
        lt(responseActions.requestedAt, at),
        sql`${responseActions.incidentId} in (${sql.join(
          incidentIds.map((i) => sql`${i}::uuid`),
          sql`, `,
        )})`,
      ),
    )
    .orderBy(asc(responseActions.requestedAt));
  return rows.map((r) => ({ ...r, status: r.status as (typeof responseActions.$inferSelect)["status"] }));
}

/**
 * What waited on the customer at `at` (the month end): incidents whose status then was waiting on them, since the
 * change that put them there, and actions requested before `at` and not decided, withdrawn or carried out by then.
 */
export async function waitingOnCustomer(db: DbOrTx, tenant: TenantId, at: Date) {
  const iso = at.toISOString();
  const lastChange = sql`(select e.at from incident_events e where e.incident_id = incidents.id and e.customer_id = incidents.customer_id and e.kind in ('status', 'question', 'answer') and e.data->>'to' is not null and e.at < ${iso}::timestamptz order by e.at desc limit 1)`;
  const lastTo = sql`(select e.data->>'to' from incident_events e where e.incident_id = incidents.id and e.customer_id = incidents.customer_id and e.kind in ('status', 'question', 'answer') and e.data->>'to' is not null and e.at < ${iso}::timestamptz order by e.at desc limit 1)`;
  const questions = await db
    .select({
      number: incidents.number,
      title: incidents.title,
      since: sql<Date>`${lastChange}`.mapWith(incidents.createdAt),
    })
    .from(incidents)
    .where(
      and(
        eq(incidents.customerId, tenant),
        eq(incidents.visibleToCustomer, true),
        lt(incidents.createdAt, at),
        sql`${lastTo} = 'waiting_on_customer'`,
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
        eq(incidents.visibleToCustomer, true),
        lt(responseActions.requestedAt, at),
        sql`(${responseActions.decidedAt} is null or ${responseActions.decidedAt} >= ${iso}::timestamptz)`,
        sql`(${responseActions.executedAt} is null or ${responseActions.executedAt} >= ${iso}::timestamptz)`,
        sql`not exists (select 1 from incident_events e where e.customer_id = response_actions.customer_id and e.incident_id = response_actions.incident_id and e.kind = 'action_decided' and e.data->>'actionId' = response_actions.id::text and e.at < ${iso}::timestamptz)`,
      ),
    )
    .orderBy(asc(responseActions.requestedAt));
  return { questions, approvals };
}
