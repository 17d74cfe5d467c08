import { and, desc, eq, gte, isNull, lte, sql } from "drizzle-orm";
import { type DbOrTx, rowsOf } from "@/db";
import { customerContacts, customers, sensorHealthEvents, sensors, sensorTransitions } from "@/db/schema";
import type { TenantId } from "@/server/tenancy/tenant";
import { BANNER_ITEMS } from "../banner";
import { lastSeenSql, quietTooLong, silentAfterSql, uuidArray } from "./silence";

// The minute sweep's transitions (silent, recovered), who is told, and the console's sensor banner.

/**
 * Claims every silent transition not yet announced: a conditional UPDATE, so on any number of instances each row is
 * returned to exactly one sweep (a concurrent one waits for the row lock, re-checks `silent_since is null`, skips it).
 */
export async function claimSilent(db: DbOrTx, now: Date) {
  return db
    .update(sensors)
    .set({ silentSince: sql`${lastSeenSql} + ${silentAfterSql}` })
    .where(and(eq(sensors.status, "active"), isNull(sensors.silentSince), quietTooLong(now)))
    .returning({ id: sensors.id, customerId: sensors.customerId, silentSince: sensors.silentSince });
}

/** Claims every recovery (or retirement) of an announced silence, returning the silence it ends. */
export async function claimRecovered(db: DbOrTx, now: Date) {
  const result = await db.execute(sql`
    with old as (
      select id, silent_since from sensors
      where silent_since is not null
        and (status = 'retired' or not ${quietTooLong(now)})
      for update
    )
    update sensors s set silent_since = null from old where s.id = old.id
    returning s.id, s.customer_id, old.silent_since, greatest(s.last_heartbeat_at, s.last_event_at) as recovered_at,
      s.status`);
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as {
    id: string;
    customer_id: string;
    silent_since: string | Date;
    recovered_at: string | Date | null;
    status: string;
  }[];
  return rows.map((r) => ({
    id: r.id,
    customerId: r.customer_id,
    silentSince: new Date(r.silent_since),
    recoveredAt: r.recovered_at ? new Date(r.recovered_at) : null,
    retired: r.status === "retired",
  }));
}

/**
 * The banner rows of one sweep, a thousand a statement (a provider-wide outage can silence every sensor at once, and
 * one statement holds at most 65,535 parameters); returns those written (a transition already announced is skipped).
 */
export async function insertTransitions(db: DbOrTx, rows: (typeof sensorTransitions.$inferInsert)[]) {
  const written: { sensorId: string; kind: "silent" | "recovered" }[] = [];
  for (let i = 0; i < rows.length; i += 1000) {
    written.push(
      ...(await db
        .insert(sensorTransitions)
        .values(rows.slice(i, i + 1000))
        .onConflictDoNothing()
        .returning({ sensorId: sensorTransitions.sensorId, kind: sensorTransitions.kind })),
    );
  }
  return written;
}

/** Names for the e-mails of a sweep's transitions. */
export async function sensorsForMail(db: DbOrTx, ids: string[]) {
  if (!ids.length) return [];
  return db
    .select({
      id: sensors.id,
      name: sensors.name,
      sensorClass: sensors.sensorClass,
      customerId: sensors.customerId,
      customerName: customers.name,
    })
    .from(sensors)
    .innerJoin(customers, eq(customers.id, sensors.customerId))
    .where(sql`${sensors.id} = any(${uuidArray(ids)}::uuid[])`);
}

/**
 * The technical contacts of the given customers (the minute sweep, provider-wide): those on the escalation matrix for
 * critical incidents by e-mail, the people the provider reaches when something is broken now.
 */
export async function technicalContactsOf(db: DbOrTx, customerIds: string[]) {
  if (!customerIds.length) return [];
  return db
    .select({ customerId: customerContacts.customerId, email: customerContacts.email })
    .from(customerContacts)
    .where(
      and(
        sql`${customerContacts.customerId} = any(${uuidArray(customerIds)}::uuid[])`,
        sql`'critical' = any(${customerContacts.severities})`,
        sql`'email' = any(${customerContacts.channels})`,
      ),
    );
}

export async function listBanner(db: DbOrTx, since: Date) {
  return db
    .select({
      id: sensorTransitions.id,
      kind: sensorTransitions.kind,
      silentSince: sensorTransitions.silentSince,
      recoveredAt: sensorTransitions.recoveredAt,
      createdAt: sensorTransitions.createdAt,
      sensorId: sensors.id,
      customerId: sensorTransitions.customerId,
      sensorName: sensors.name,
      customerName: customers.name,
      customerSlug: customers.slug,
    })
    .from(sensorTransitions)
    .innerJoin(sensors, eq(sensors.id, sensorTransitions.sensorId))
    .innerJoin(customers, eq(customers.id, sensorTransitions.customerId))
    .where(and(isNull(sensorTransitions.dismissedAt), gte(sensorTransitions.createdAt, since)))
    .orderBy(desc(sensorTransitions.createdAt))
    .limit(BANNER_ITEMS);
}

/** The banner's counts over every transition it would list, by `visibleTransitions`' rule (server/coverage/banner.ts). */
export async function countBanner(db: DbOrTx, since: Date) {
  const [row] = rowsOf<{ silent: number; recovered: number }>(
    await db.execute(sql`
      select count(*) filter (where t.kind = 'silent' and not exists (
          select 1 from sensor_transitions r
          where r.sensor_id = t.sensor_id and r.kind = 'recovered' and r.silent_since = t.silent_since
            and r.dismissed_at is null and r.created_at >= ${since.toISOString()}::timestamptz))::int as silent,
        count(*) filter (where t.kind = 'recovered')::int as recovered
      from sensor_transitions t
      where t.dismissed_at is null and t.created_at >= ${since.toISOString()}::timestamptz`),
  );
  return { silent: Number(row?.silent ?? 0), recovered: Number(row?.recovered ?? 0) };
}

export async function dismissTransition(db: DbOrTx, id: string, now: Date) {
  const [row] = await db
    .update(sensorTransitions)
    .set({ dismissedAt: now })
    .where(and(eq(sensorTransitions.id, id), isNull(sensorTransitions.dismissedAt)))
    .returning({ id: sensorTransitions.id });
  return row ?? null;
}

/** Sensors with a degrading health event received in the hour up to `at` (the window includes both ends). */
export async function degradedAt(db: DbOrTx, tenant: TenantId, at: Date) {
  const rows = await db
    .selectDistinct({ id: sensorHealthEvents.sensorId })
    .from(sensorHealthEvents)
    .where(
      and(
        eq(sensorHealthEvents.customerId, tenant),
        eq(sensorHealthEvents.degraded, true),
        gte(sensorHealthEvents.receivedAt, new Date(at.getTime() - 3_600_000)),
        lte(sensorHealthEvents.receivedAt, at),
      ),
    );
  return new Set(rows.map((r) => r.id));
}
