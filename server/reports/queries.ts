import { and, asc, desc, eq, gte, lt, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { incidents, incidentTechniques, responseActions } from "@/db/schema";
import type { TenantId } from "@/server/tenancy/tenant";

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

/** What waits on the customer at `at`: open questions and actions awaiting their decision. */
export async function waitingOnCustomer(db: DbOrTx, tenant: TenantId) {
  const [q] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(incidents)
    .where(
      and(
        eq(incidents.customerId, tenant),
        eq(incidents.status, "waiting_on_customer"),
        eq(incidents.visibleToCustomer, true),
      ),
    );
  const [a] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(responseActions)
    .where(and(eq(responseActions.customerId, tenant), eq(responseActions.status, "requested")));
  return { questions: q?.n ?? 0, approvals: a?.n ?? 0 };
}
