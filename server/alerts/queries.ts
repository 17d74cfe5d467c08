import { and, asc, count, desc, eq, gte, ilike, inArray, isNull, lt, lte, ne, or, type SQL, sql } from "drizzle-orm";
import { type DbOrTx, rowsOf } from "@/db";
import { alerts, customers, incidents, sensors, user } from "@/db/schema";
import type { TenantId } from "@/server/tenancy/tenant";
import type { QueueFilter } from "./schema";

const HOUR = 3600_000;
const AGE_RANGES: Record<NonNullable<QueueFilter["age"]>, [number | null, number | null]> = {
  lt1h: [0, HOUR],
  "1h-24h": [HOUR, 24 * HOUR],
  "1d-7d": [24 * HOUR, 7 * 24 * HOUR],
  gt7d: [7 * 24 * HOUR, null],
};

/** `inCoverage`: the customers in coverage now when the queue is filtered to them (none → nothing matches). */
export type QueueWhere = Omit<QueueFilter, "page" | "coverage"> & { inCoverage?: string[] };

/** The open statuses as constants (not parameters), so the planner can match `alerts_open_loose_idx`'s predicate. */
const OPEN = sql`${alerts.status} in ('new', 'acknowledged')`;

function queueWhere(f: QueueWhere, now: Date) {
  const where: SQL[] = [];
  if (f.inCoverage) where.push(f.inCoverage.length ? inArray(alerts.customerId, f.inCoverage) : sql`false`);
  if (f.status === "open") where.push(OPEN);
  else if (f.status !== "all") where.push(eq(alerts.status, f.status));
  if (f.customerId) where.push(eq(alerts.customerId, f.customerId));
  if (f.severity !== undefined) where.push(gte(alerts.severity, f.severity));
  if (f.source) where.push(eq(alerts.source, f.source));
  if (f.technique) where.push(sql`${f.technique} = any(${alerts.techniques})`);
  if (f.assigneeId === "none") where.push(isNull(alerts.assigneeId));
  else if (f.assigneeId) where.push(eq(alerts.assigneeId, f.assigneeId));
  if (f.q) {
    const like = `%${f.q.replace(/[%_\\]/g, "\\$&")}%`;
    where.push(or(ilike(alerts.title, like), ilike(alerts.vendorAlertId, like)) as SQL);
  }
  if (f.age) {
    const [min, max] = AGE_RANGES[f.age];
    if (min !== null) where.push(lt(alerts.receivedAt, new Date(now.getTime() - min)));
    if (max !== null) where.push(gte(alerts.receivedAt, new Date(now.getTime() - max)));
  }
  return where.length ? and(...where) : undefined;
}

/** Earliest due of the open (running or at-risk) SLA clocks of an alert's incident; null for loose alerts. */
const slaDue = sql<Date | null>`(select min(c.due_at) from sla_clocks c where c.incident_id = "alerts"."incident_id" and c.state in ('running', 'at_risk', 'breached') and c.stop_at is null)`;

type PageKey = { id: string; received_at: Date | string };

/**
 * The page's alerts in queue order, ids only. Sorted by urgency or severity over the open alerts (the queue as it
 * opens), the alerts in an incident (few: an alert leaves the open statuses when escalated) are read whole, and the
 * loose ones (millions at a large provider, thousands of them open) only as far as the page reaches, in the order of
 * `alerts_open_loose_idx` — reading every open alert to sort it cost ~150 ms at 10 M alerts.
 */
async function pageKeys(db: DbOrTx, f: QueueWhere, where: SQL | undefined, limit: number, offset: number) {
  const w = where ?? sql`true`;
  // The id last: a batch from the intake shares one received_at, and a page boundary must not split a tie two ways.
  const bySeverity = sql`${alerts.severity} desc, ${alerts.receivedAt} asc, ${alerts.id} asc`;
  if (f.status === "open" && (f.sort === "urgency" || f.sort === "severity")) {
    const reach = offset + limit;
    const urgency = f.sort === "urgency";
    const attached = urgency
      ? sql`select ${alerts.id} as id, ${alerts.receivedAt} as received_at, ${alerts.severity} as severity, ${slaDue} as due
          from ${alerts} where ${w} and ${alerts.incidentId} is not null`
      : sql`select ${alerts.id} as id, ${alerts.receivedAt} as received_at, ${alerts.severity} as severity, null::timestamptz as due
          from ${alerts} where ${w} and ${alerts.incidentId} is not null order by ${bySeverity} limit ${reach}`;
    const loose = sql`select ${alerts.id} as id, ${alerts.receivedAt} as received_at, ${alerts.severity} as severity, null::timestamptz as due
        from ${alerts} where ${w} and ${alerts.incidentId} is null order by ${bySeverity} limit ${reach}`;
    return rowsOf<PageKey>(
      await db.execute(sql`select id, received_at from ((${attached}) union all (${loose})) page
        order by due asc nulls last, severity desc, received_at asc, id asc limit ${limit} offset ${offset}`),
    );
  }
  const order =
    f.sort === "oldest"
      ? [asc(alerts.receivedAt), asc(alerts.id)]
      : f.sort === "newest"
        ? [desc(alerts.receivedAt), asc(alerts.id)]
        : f.sort === "severity"
          ? [desc(alerts.severity), asc(alerts.receivedAt), asc(alerts.id)]
          : [sql`${slaDue} asc nulls last`, desc(alerts.severity), asc(alerts.receivedAt), asc(alerts.id)];
  return (
    await db
      .select({ id: alerts.id, received_at: alerts.receivedAt })
      .from(alerts)
      .where(where)
      .orderBy(...order)
      .limit(limit)
      .offset(offset)
  ).map((r) => ({ id: r.id, received_at: r.received_at }));
}

/** The provider-wide triage queue (staff only), sorted by SLA urgency (default), severity or age. */
export async function listQueue(db: DbOrTx, f: QueueWhere, now: Date, limit: number, offset: number) {
  const where = queueWhere(f, now);
  const [keys, [total]] = await Promise.all([
    pageKeys(db, f, where, limit, offset),
    db.select({ n: count() }).from(alerts).where(where),
  ]);
  if (!keys.length) return { rows: [], total: total?.n ?? 0 };
  // The page's rows with what the queue shows of each (the partition key narrows each lookup to its month).
  const found = await db
    .select({
      id: alerts.id,
      customerId: alerts.customerId,
      customerName: customers.name,
      customerSlug: customers.slug,
      sensorName: sensors.name,
      source: alerts.source,
      title: alerts.title,
      severity: alerts.severity,
      status: alerts.status,
      verdict: alerts.verdict,
      eventTime: alerts.eventTime,
      receivedAt: alerts.receivedAt,
      lastSeenAt: alerts.lastSeenAt,
      occurrences: alerts.occurrences,
      techniques: alerts.techniques,
      assigneeId: alerts.assigneeId,
      assigneeName: user.name,
      incidentId: alerts.incidentId,
      incidentNumber: incidents.number,
      slaDueAt: slaDue.mapWith((v) => (v ? new Date(v) : null)),
    })
    .from(alerts)
    .innerJoin(customers, eq(customers.id, alerts.customerId))
    .leftJoin(sensors, eq(sensors.id, alerts.sensorId))
    .leftJoin(user, eq(user.id, alerts.assigneeId))
    .leftJoin(incidents, eq(incidents.id, alerts.incidentId))
    .where(
      and(
        inArray(
          alerts.id,
          keys.map((k) => k.id),
        ),
        inArray(
          alerts.receivedAt,
          keys.map((k) => new Date(k.received_at)),
        ),
      ),
    );
  const byId = new Map(found.map((r) => [r.id, r]));
  return { rows: keys.flatMap((k) => byId.get(k.id) ?? []), total: total?.n ?? 0 };
}

/** Staff-wide lookup of alerts by id (for bulk actions across customers). */
export async function findAlertsByIds(db: DbOrTx, ids: string[]) {
  return db.select().from(alerts).where(inArray(alerts.id, ids));
}

export async function findAlertDetail(db: DbOrTx, id: string) {
  const [row] = await db
    .select({
      alert: alerts,
      customerName: customers.name,
      customerSlug: customers.slug,
      sensorName: sensors.name,
      assigneeName: user.name,
      incidentNumber: incidents.number,
      acknowledgedByName: sql<string | null>`(select u.name from "user" u where u.id = "alerts"."acknowledged_by")`,
    })
    .from(alerts)
    .innerJoin(customers, eq(customers.id, alerts.customerId))
    .leftJoin(sensors, eq(sensors.id, alerts.sensorId))
    .leftJoin(user, eq(user.id, alerts.assigneeId))
    .leftJoin(incidents, eq(incidents.id, alerts.incidentId))
    .where(eq(alerts.id, id))
    .limit(1);
  return row ?? null;
}

/**
 * Alerts already read, by id and with their received_at (which never changes): an update by id that also names their
 * span of received_at reaches only their months' partitions instead of probing every month's primary key.
 */
export type ReadAlerts = { ids: string[]; from: Date; to: Date };

export function readAlerts(rows: readonly { id: string; receivedAt: Date }[]): ReadAlerts {
  const times = rows.map((r) => r.receivedAt.getTime());
  return { ids: rows.map((r) => r.id), from: new Date(Math.min(...times)), to: new Date(Math.max(...times)) };
}

const byRead = (r: ReadAlerts) =>
  and(inArray(alerts.id, r.ids), gte(alerts.receivedAt, r.from), lte(alerts.receivedAt, r.to));

export async function updateAlerts(db: DbOrTx, read: ReadAlerts, patch: Partial<typeof alerts.$inferInsert>) {
  return db.update(alerts).set(patch).where(byRead(read)).returning({ id: alerts.id, customerId: alerts.customerId });
}

/** New alerts become acknowledged; the acknowledger takes those nobody holds yet. */
export async function acknowledgeRows(db: DbOrTx, read: ReadAlerts, userId: string | null, now: Date) {
  return db
    .update(alerts)
    .set({
      status: "acknowledged",
      acknowledgedAt: now,
      acknowledgedBy: userId,
      triagedAt: now,
      ...(userId ? { assigneeId: sql`coalesce(${alerts.assigneeId}, ${userId})` } : {}),
    })
    .where(and(byRead(read), eq(alerts.status, "new")))
    .returning({ id: alerts.id, customerId: alerts.customerId });
}

export type Funnel = {
  received: number;
  triaged: number;
  escalated: number;
  incidents: number;
  byVerdict: { true_positive: number; false_positive: number; benign: number; duplicate: number; none: number };
};

/**
 * The alert → incident funnel of one customer for [from, to): alerts received, triaged (no longer new), escalated
 * (in an incident), incidents opened, and alerts by verdict. The dashboards and the monthly report use this.
 */
export async function alertFunnel(
  db: DbOrTx,
  tenant: TenantId,
  from: Date,
  to: Date,
  /** The customer's own view: only incidents opened to them count (a hidden one must not show as a number). */
  customerView = false,
): Promise<Funnel> {
  const inPeriod = and(eq(alerts.customerId, tenant), gte(alerts.receivedAt, from), lt(alerts.receivedAt, to));
  const inIncident = customerView
    ? sql`${alerts.incidentId} in (select i.id from incidents i where i.customer_id = ${tenant} and i.visible_to_customer)`
    : sql`${alerts.incidentId} is not null`;
  const escalated = sql<number>`count(*) filter (where ${inIncident})::int`;
  const [a] = await db
    .select({
      received: count(),
      triaged: sql<number>`count(*) filter (where ${alerts.status} <> 'new')::int`,
      escalated,
      // An alert escalated into an incident is a true positive unless an analyst gave it another verdict.
      tp: sql<number>`count(*) filter (where ${alerts.verdict} = 'true_positive' or (${alerts.verdict} is null and ${inIncident}))::int`,
      fp: sql<number>`count(*) filter (where ${alerts.verdict} = 'false_positive')::int`,
      benign: sql<number>`count(*) filter (where ${alerts.verdict} = 'benign')::int`,
      duplicate: sql<number>`count(*) filter (where ${alerts.verdict} = 'duplicate')::int`,
    })
    .from(alerts)
    .where(inPeriod);
  const [i] = await db
    .select({ n: count() })
    .from(incidents)
    .where(
      and(
        eq(incidents.customerId, tenant),
        gte(incidents.createdAt, from),
        lt(incidents.createdAt, to),
        ...(customerView ? [eq(incidents.visibleToCustomer, true)] : []),
      ),
    );
  const received = Number(a?.received ?? 0);
  const verdicts = { tp: a?.tp ?? 0, fp: a?.fp ?? 0, benign: a?.benign ?? 0, duplicate: a?.duplicate ?? 0 };
  return {
    received,
    triaged: a?.triaged ?? 0,
    escalated: a?.escalated ?? 0,
    incidents: Number(i?.n ?? 0),
    byVerdict: {
      true_positive: verdicts.tp,
      false_positive: verdicts.fp,
      benign: verdicts.benign,
      duplicate: verdicts.duplicate,
      none: received - verdicts.tp - verdicts.fp - verdicts.benign - verdicts.duplicate,
    },
  };
}

export async function openIncidentsOfCustomer(db: DbOrTx, tenant: TenantId) {
  return db
    .select({
      id: incidents.id,
      number: incidents.number,
      title: incidents.title,
      severity: incidents.severity,
      status: incidents.status,
    })
    .from(incidents)
    .where(and(eq(incidents.customerId, tenant), ne(incidents.status, "closed")))
    .orderBy(desc(incidents.latestEventTime))
    .limit(100);
}

/**
 * Drops the raw payload of up to `limit` alerts last received before `cutoff` (`raw` becomes `{}`, `raw_pruned_at` is
 * set); the normalised alert is kept. Oldest first, rows being written elsewhere skipped (the next run takes them).
 * Returns how many were pruned. The update finds the batch by id within its span of received_at (the batch is oldest
 * first, so one or two months): only those months' partitions are probed, by primary key. A join to the batch instead
 * was planned as a hash join over every older month's rows (1.55 s a batch at 500,000 alerts, 0.28 s this way).
 */
export async function pruneRawPayloadBatch(db: DbOrTx, cutoff: Date, now: Date, limit: number) {
  const rows = rowsOf<{ id: string }>(
    await db.execute(sql`
      with victim as (
        select id, received_at from ${alerts}
        where raw_pruned_at is null and received_at < ${cutoff.toISOString()}::timestamptz
          and last_seen_at < ${cutoff.toISOString()}::timestamptz
        order by received_at
        limit ${limit}
        for update skip locked
      )
      update ${alerts} a set raw = '{}', raw_pruned_at = ${now.toISOString()}::timestamptz
      where a.id = any(array(select id from victim))
        and a.received_at >= (select min(received_at) from victim) and a.received_at <= (select max(received_at) from victim)
      returning a.id`),
  );
  return rows.length;
}

/** The first day of the UTC month `months` after `now`'s, as an ISO date. */
const utcMonth = (now: Date, months: number) =>
  new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + months, 1)).toISOString().slice(0, 10);

/**
 * Makes the missing monthly partitions of alerts (`wk_ensure_alert_partitions`, migration 0032) from this month, or the
 * month of the oldest row waiting in `alerts_default` (moved into its month as it is made), to `ahead` months after
 * this one. Rows in the default partition beyond that stay there until their month is made. Returns months made.
 */
export async function ensureAlertPartitions(tx: DbOrTx, now: Date, ahead: number, lockTimeoutMs: number) {
  // Inside the caller's transaction: SET LOCAL ends with it.
  await tx.execute(sql.raw(`set local lock_timeout = ${Math.round(lockTimeoutMs)}`));
  const [row] = rowsOf<{ made: number }>(
    await tx.execute(sql`
      select wk_ensure_alert_partitions(
        least(${utcMonth(now, 0)}::date, ((select min(received_at) from alerts_default) at time zone 'UTC')::date),
        ${utcMonth(now, ahead)}::date)::int as made`),
  );
  return Number(row?.made ?? 0);
}

/** Makes the missing monthly partitions of alerts for the UTC months from `from`'s to `to`'s (both included). */
export async function createAlertPartitions(db: DbOrTx, from: Date, to: Date) {
  const [row] = rowsOf<{ made: number }>(
    await db.execute(
      sql`select wk_ensure_alert_partitions(${utcMonth(from, 0)}::date, ${utcMonth(to, 0)}::date)::int as made`,
    ),
  );
  return Number(row?.made ?? 0);
}

/**
 * What the partitioned alerts rely on, counted (each must be 0): alerts without their `alert_keys` row and key rows
 * without their alert (the key table is what deduplicates the intake), and alerts received before their incident's
 * `first_alert_received_at` (reads of an incident's alerts search only the months from then on). Owner connections
 * only (it reads every customer's rows).
 */
export async function countAlertInvariantBreaches(db: DbOrTx) {
  const [row] = rowsOf<{ alerts: number; keys: number; early: number }>(
    await db.execute(sql`
      select
        (select count(*) from alerts a where not exists (select 1 from alert_keys k where k.customer_id = a.customer_id
          and k.dedup_key = a.dedup_key and k.alert_id = a.id and k.received_at = a.received_at))::int as alerts,
        (select count(*) from alert_keys k where not exists (select 1 from alerts a where a.id = k.alert_id
          and a.received_at = k.received_at and a.customer_id = k.customer_id and a.dedup_key = k.dedup_key))::int
          as keys,
        (select count(*) from alerts a join incidents i on i.id = a.incident_id
          where a.received_at < i.first_alert_received_at)::int as early`),
  );
  return {
    alertsWithoutKey: Number(row?.alerts ?? 0),
    keysWithoutAlert: Number(row?.keys ?? 0),
    alertsBeforeTheirIncident: Number(row?.early ?? 0),
  };
}
