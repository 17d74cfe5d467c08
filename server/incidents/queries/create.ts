import { and, eq, gte, inArray, lte, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { alerts, incidentEntities, incidentEvents, incidents, incidentTechniques, observables } from "@/db/schema";
import type { Entities } from "@/server/ingest/types";
import type { TenantId } from "@/server/tenancy/tenant";
import { observablesFromEntities } from "../observables";

// Opening an incident and attaching alerts to it, with their timeline entries (escalation and intake).

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
  /** The alert's dedup key: with the event time, orders alerts the same way whatever their ids. */
  dedupKey: string;
  title: string;
  severity: number;
  eventTime: Date;
  /** As stored (it never changes): `attachAlerts` finds the alerts in their months' partitions by it. */
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

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const sorted = (xs: string[]) => [...xs].sort(byText);

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
  // The incident's key, technique and observable rows are inserted in sorted order: two batches adding to the same
  // incident at once then meet at their first shared row instead of each holding one the other needs (a deadlock).
  const f = attachFacts(list);
  const { ids, keys, techniques, obs, maxSeverity, latest, firstEvent, firstReceived, lastReceived, firstVendor } = f;
  // The alerts' received_at (read with them, never changed) bounds the update to their months' partitions. Alerts are
  // never deleted, so one not found means a caller passed a wrong received_at: fail rather than leave it out.
  const updated = await db
    .update(alerts)
    .set({ incidentId, status: "escalated", triagedAt: sql`coalesce(${alerts.triagedAt}, now())` })
    .where(
      and(
        eq(alerts.customerId, tenant),
        inArray(alerts.id, ids),
        gte(alerts.receivedAt, firstReceived),
        lte(alerts.receivedAt, lastReceived),
      ),
    )
    .returning({ id: alerts.id });
  if (updated.length !== new Set(ids).size)
    throw new Error(`attachAlerts: ${ids.length - updated.length} of ${ids.length} alerts not found in their months`);

  if (keys.length) {
    await db
      .insert(incidentEntities)
      .values(sorted(keys).map((key) => ({ customerId: tenant, incidentId, key })))
      .onConflictDoNothing();
  }
  if (techniques.length) {
    await db
      .insert(incidentTechniques)
      .values(
        sorted(techniques).map((techniqueId) => ({
          customerId: tenant,
          incidentId,
          techniqueId,
          source: "alert" as const,
        })),
      )
      .onConflictDoNothing();
  }
  if (obs.length) {
    await db
      .insert(observables)
      .values(
        [...obs]
          .sort((a, b) => byText(a.kind, b.kind) || byText(a.value, b.value))
          .map((o) => ({ ...o, customerId: tenant, incidentId, source: "alert" as const })),
      )
      .onConflictDoNothing();
  }
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
    body: f.body,
    data: f.data,
  });
}

/**
 * What attaching alerts gives an incident (pure): their entity keys, techniques and observables (each once), the
 * highest severity, the first and latest times, and the timeline entry's text and data.
 */
export function attachFacts(given: AttachableAlert[]) {
  // In event order (then arrival, then dedup key): the alerts come from reads without an order, and the timeline
  // entry and observables must not depend on how the database returned them.
  const list = [...given].sort(
    (a, b) =>
      a.eventTime.getTime() - b.eventTime.getTime() ||
      a.receivedAt.getTime() - b.receivedAt.getTime() ||
      (a.dedupKey < b.dedupKey ? -1 : a.dedupKey > b.dedupKey ? 1 : 0),
  );
  const t = (f: (a: AttachableAlert) => Date | null, pick: (a: number, b: number) => number) =>
    list.reduce<Date | null>((acc, a) => {
      const v = f(a);
      return v && (!acc || pick(v.getTime(), acc.getTime()) === v.getTime()) ? v : acc;
    }, null);
  const ids = list.map((a) => a.id);
  return {
    ids,
    keys: [...new Set(list.flatMap((a) => a.keys))],
    techniques: [...new Set(list.flatMap((a) => a.techniques))],
    obs: list.flatMap((a) => observablesFromEntities(a.entities)),
    maxSeverity: Math.max(...list.map((a) => a.severity)),
    latest: t((a) => a.eventTime, Math.max)!,
    firstEvent: t((a) => a.eventTime, Math.min)!,
    firstReceived: t((a) => a.receivedAt, Math.min)!,
    lastReceived: t((a) => a.receivedAt, Math.max)!,
    firstVendor: t((a) => a.vendorCreatedAt, Math.min),
    body: list.length === 1 ? list[0]!.title : `${list.length} alerts added`,
    data: { alertIds: ids, titles: list.slice(0, 20).map((a) => a.title) },
  };
}
