import { and, asc, eq, inArray, isNull, lte, or, sql } from "drizzle-orm";
import { type DbOrTx, rowsOf } from "@/db";
import {
  contractVersions,
  customers,
  incidentEvents,
  incidents,
  memberships,
  slaAlerts,
  slaBannerDismissals,
  slaClocks,
  slaMonthly,
  user,
} from "@/db/schema";
import { customerOfScope, type ReadScope, type TenantId } from "@/server/tenancy/tenant";
import type { ComputedClock } from "./compute";

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
  const transitions = events
    .filter((e) => e.data && ("to" in e.data || "from" in e.data))
    .map((e) => ({ at: e.at, from: (e.data.from as string) ?? null, to: (e.data.to as string) ?? null }));
  return { inc, transitions };
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
    const prev = before.get(c.metric);
    const s = c.status.state;
    const atRiskAt = prev?.atRiskAt ?? (s === "at_risk" || s === "breached" ? (c.atRiskDueAt ?? now) : null);
    const breachedAt = prev?.breachedAt ?? (s === "breached" ? (c.status.due ?? now) : null);
    const values = {
      customerId: tenant,
      incidentId,
      contractVersionId: versionId,
      metric: c.metric,
      severity: c.severity,
      targetMinutes: c.targetMinutes,
      startAt: c.clock.start,
      pauses: c.clock.pauses.map((p) => ({ from: p.from.toISOString(), to: p.to ? p.to.toISOString() : null })),
      stopAt: c.clock.stop,
      stoppedBy: c.stoppedBy,
      dueAt: c.status.due,
      atRiskDueAt: c.atRiskDueAt,
      state: s,
      elapsedMs: Math.round(c.status.elapsedMs),
      atRiskAt,
      breachedAt,
      breachedAssigneeId: prev?.breachedAssigneeId ?? (s === "breached" ? assigneeId : null),
      computedAt: now,
    };
    const [row] = await db
      .insert(slaClocks)
      .values(values)
      .onConflictDoUpdate({ target: [slaClocks.incidentId, slaClocks.metric], set: values })
      .returning({ id: slaClocks.id });
    if (s === "breached" && !prev?.breachedAt)
      transitions.push({ id: row!.id, metric: c.metric, kind: "breached", dueAt: c.status.due });
    else if (s === "at_risk" && !prev?.atRiskAt)
      transitions.push({ id: row!.id, metric: c.metric, kind: "at_risk", dueAt: c.status.due });
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

export async function socManagerEmails(db: DbOrTx) {
  const rows = await db
    .select({ email: user.email })
    .from(memberships)
    .innerJoin(user, eq(user.id, memberships.userId))
    .where(and(isNull(memberships.customerId), eq(memberships.role, "soc_manager")));
  return rows.map((r) => r.email);
}

export async function versionById(db: DbOrTx, id: string) {
  const [row] = await db.select().from(contractVersions).where(eq(contractVersions.id, id));
  return row ?? null;
}

// ---- reads for the SLA views, the portal and the monthly report ----

/**
 * `customerView`: only incidents opened to the customer are listed in detail (breaches). Attainment and time-to count
 * every clock the contract measures, opened to the customer or not: one number in the console, portal and PDF.
 */
export type SlaScope = { scope: ReadScope; from: Date; to: Date; customerView?: boolean };
/** The customer condition of a read: the tenant's id, a staff member's chosen customer, or none (staff-wide). */
const customerIs = (column: typeof slaClocks.customerId | typeof slaMonthly.customerId, scope: ReadScope) => {
  const id = customerOfScope(scope);
  return id ? [eq(column, id)] : [];
};
const visibleOnly = (s: SlaScope) =>
  s.customerView
    ? [sql`exists (select 1 from incidents vi where vi.id = ${slaClocks.incidentId} and vi.visible_to_customer)`]
    : [];

const monthExpr = sql<string>`to_char(${slaClocks.startAt} at time zone ${customers.timezone}, 'YYYY-MM')`;

/** Open incidents' clocks that are at risk or breached, most urgent first (staff-wide, or one customer). */
export async function listClocksAtRisk(db: DbOrTx, scope: ReadScope) {
  return db
    .select({
      clockId: slaClocks.id,
      metric: slaClocks.metric,
      state: slaClocks.state,
      dueAt: slaClocks.dueAt,
      targetMinutes: slaClocks.targetMinutes,
      severity: slaClocks.severity,
      incidentId: incidents.id,
      number: incidents.number,
      title: incidents.title,
      status: incidents.status,
      assigneeName: user.name,
      customerId: customers.id,
      customerName: customers.name,
      customerSlug: customers.slug,
    })
    .from(slaClocks)
    .innerJoin(incidents, eq(incidents.id, slaClocks.incidentId))
    .innerJoin(customers, eq(customers.id, slaClocks.customerId))
    .leftJoin(user, eq(user.id, incidents.assigneeId))
    .where(
      and(
        inArray(slaClocks.state, ["at_risk", "breached"]),
        isNull(slaClocks.stopAt),
        sql`${incidents.status} <> 'closed'`,
        ...customerIs(slaClocks.customerId, scope),
      ),
    )
    .orderBy(asc(slaClocks.dueAt))
    .limit(200);
}

/** Decided clocks (met or breached, or breached while running) by customer, month (customer's zone), severity, metric. */
export async function attainmentRows(db: DbOrTx, s: SlaScope) {
  return db
    .select({
      customerId: slaClocks.customerId,
      customerName: customers.name,
      month: monthExpr,
      severity: slaClocks.severity,
      metric: slaClocks.metric,
      met: sql<number>`count(*) filter (where ${slaClocks.state} = 'met')::int`,
      breached: sql<number>`count(*) filter (where ${slaClocks.state} = 'breached')::int`,
      open: sql<number>`count(*) filter (where ${slaClocks.state} in ('running', 'at_risk', 'paused'))::int`,
    })
    .from(slaClocks)
    .innerJoin(customers, eq(customers.id, slaClocks.customerId))
    .where(
      and(
        sql`${slaClocks.startAt} >= ${s.from.toISOString()}::timestamptz`,
        sql`${slaClocks.startAt} < ${s.to.toISOString()}::timestamptz`,
        ...customerIs(slaClocks.customerId, s.scope),
      ),
    )
    .groupBy(slaClocks.customerId, customers.name, customers.timezone, monthExpr, slaClocks.severity, slaClocks.metric);
}

/** Mean, median and 90th percentile of each time-to (SLA time, pauses excluded) per month, from stopped clocks. */
export async function timeToRows(db: DbOrTx, s: SlaScope) {
  return db
    .select({
      month: monthExpr,
      metric: slaClocks.metric,
      count: sql<number>`count(*)::int`,
      meanMs: sql<number>`avg(${slaClocks.elapsedMs})::float8`,
      medianMs: sql<number>`percentile_cont(0.5) within group (order by ${slaClocks.elapsedMs})::float8`,
      p90Ms: sql<number>`percentile_cont(0.9) within group (order by ${slaClocks.elapsedMs})::float8`,
    })
    .from(slaClocks)
    .innerJoin(customers, eq(customers.id, slaClocks.customerId))
    .where(
      and(
        sql`${slaClocks.stopAt} is not null`,
        sql`${slaClocks.startAt} >= ${s.from.toISOString()}::timestamptz`,
        sql`${slaClocks.startAt} < ${s.to.toISOString()}::timestamptz`,
        ...customerIs(slaClocks.customerId, s.scope),
      ),
    )
    .groupBy(monthExpr, slaClocks.metric)
    .orderBy(monthExpr);
}

/** Every breach in the period (by when it breached), newest first, with its cause: which clock, how late, who was on it. */
export async function breachRows(db: DbOrTx, s: SlaScope, limit = 500) {
  return db
    .select({
      clockId: slaClocks.id,
      metric: slaClocks.metric,
      severity: slaClocks.severity,
      targetMinutes: slaClocks.targetMinutes,
      startAt: slaClocks.startAt,
      dueAt: slaClocks.dueAt,
      stopAt: slaClocks.stopAt,
      stoppedBy: slaClocks.stoppedBy,
      elapsedMs: slaClocks.elapsedMs,
      breachedAt: slaClocks.breachedAt,
      incidentId: incidents.id,
      number: incidents.number,
      title: incidents.title,
      customerId: customers.id,
      customerName: customers.name,
      customerSlug: customers.slug,
      onDuty: sql<string | null>`(select u.name from "user" u where u.id = ${slaClocks.breachedAssigneeId})`,
    })
    .from(slaClocks)
    .innerJoin(incidents, eq(incidents.id, slaClocks.incidentId))
    .innerJoin(customers, eq(customers.id, slaClocks.customerId))
    .where(
      and(
        eq(slaClocks.state, "breached"),
        sql`coalesce(${slaClocks.breachedAt}, ${slaClocks.dueAt}) >= ${s.from.toISOString()}::timestamptz`,
        sql`coalesce(${slaClocks.breachedAt}, ${slaClocks.dueAt}) < ${s.to.toISOString()}::timestamptz`,
        ...customerIs(slaClocks.customerId, s.scope),
        ...visibleOnly(s),
      ),
    )
    .orderBy(sql`coalesce(${slaClocks.breachedAt}, ${slaClocks.dueAt}) desc`)
    .limit(limit);
}

/** Incidents not opened to the customer whose clocks started in the period, and how many of them breached any target. */
export async function internalIncidentCounts(db: DbOrTx, s: SlaScope & { scope: TenantId }) {
  const [row] = await db
    .select({
      incidents: sql<number>`count(distinct ${slaClocks.incidentId})::int`,
      breached: sql<number>`count(distinct ${slaClocks.incidentId}) filter (where ${slaClocks.state} = 'breached')::int`,
    })
    .from(slaClocks)
    .innerJoin(incidents, eq(incidents.id, slaClocks.incidentId))
    .where(
      and(
        eq(slaClocks.customerId, s.scope),
        eq(incidents.visibleToCustomer, false),
        sql`${slaClocks.startAt} >= ${s.from.toISOString()}::timestamptz`,
        sql`${slaClocks.startAt} < ${s.to.toISOString()}::timestamptz`,
      ),
    );
  return { incidents: row?.incidents ?? 0, breached: row?.breached ?? 0 };
}

export async function listClocksForIncident(db: DbOrTx, tenant: TenantId, incidentId: string) {
  return db
    .select({
      clock: slaClocks,
      version: contractVersions.version,
      coverage: contractVersions.coverage,
      atRiskShare: contractVersions.atRiskShare,
    })
    .from(slaClocks)
    .leftJoin(contractVersions, eq(contractVersions.id, slaClocks.contractVersionId))
    .where(and(eq(slaClocks.customerId, tenant), eq(slaClocks.incidentId, incidentId)));
}

/** Who did what stopped each clock, from the timeline. */
export async function stopActors(db: DbOrTx, tenant: TenantId, incidentId: string) {
  return db
    .select({
      at: incidentEvents.at,
      kind: incidentEvents.kind,
      data: incidentEvents.data,
      actorLabel: incidentEvents.actorLabel,
      body: incidentEvents.body,
    })
    .from(incidentEvents)
    .where(
      and(
        eq(incidentEvents.customerId, tenant),
        eq(incidentEvents.incidentId, incidentId),
        inArray(incidentEvents.kind, ["status", "visibility"]),
      ),
    )
    .orderBy(asc(incidentEvents.at));
}

/** The clock keys (`clockId|state`) the banner hides for this person: their own dismissals and those for everyone. */
export async function listBannerDismissals(db: DbOrTx, userId: string) {
  const rows = await db
    .select({ clockId: slaBannerDismissals.clockId, state: slaBannerDismissals.state })
    .from(slaBannerDismissals)
    .where(or(isNull(slaBannerDismissals.userId), eq(slaBannerDismissals.userId, userId)));
  return new Set(rows.map((r) => `${r.clockId}|${r.state}`));
}

export async function findClockForBanner(db: DbOrTx, clockId: string) {
  const [row] = await db
    .select({
      id: slaClocks.id,
      customerId: slaClocks.customerId,
      state: slaClocks.state,
      incidentId: slaClocks.incidentId,
    })
    .from(slaClocks)
    .where(eq(slaClocks.id, clockId));
  return row ?? null;
}

export async function insertBannerDismissal(
  db: DbOrTx,
  row: {
    customerId: string;
    clockId: string;
    state: (typeof slaClocks.$inferSelect)["state"];
    userId: string | null;
    resolvedBy?: string | null;
  },
) {
  await db.insert(slaBannerDismissals).values(row).onConflictDoNothing();
}

// ---- monthly rollup (cache for the cross-customer views) ----

/** Marks the customer months of the given clocks dirty (their rollup is rebuilt before the next read). */
export async function markMonthsDirty(db: DbOrTx, clockIds: string[]) {
  if (!clockIds.length) return;
  await db.execute(sql`
    insert into sla_monthly_dirty (customer_id, month)
    select distinct c.customer_id, to_char(c.start_at at time zone cu.timezone, 'YYYY-MM')
    from sla_clocks c join customers cu on cu.id = c.customer_id
    where c.id in (${sql.join(
      clockIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})
    on conflict do nothing`);
}

/** Rebuilds up to `limit` dirty customer months from the clocks; returns how many were rebuilt. */
export async function refreshDirtyMonths(db: DbOrTx, limit = 1000): Promise<number> {
  return db.transaction(async (tx) => {
    const picked = rowsOf<{ customer_id: string; month: string }>(
      await tx.execute(sql`
        delete from sla_monthly_dirty d
        where (d.customer_id, d.month) in (select customer_id, month from sla_monthly_dirty limit ${limit} for update skip locked)
        returning d.customer_id, d.month`),
    );
    if (!picked.length) return 0;
    const list = sql.join(
      picked.map((p) => sql`(${p.customer_id}::uuid, ${p.month})`),
      sql`, `,
    );
    await tx.execute(sql`delete from sla_monthly m where (m.customer_id, m.month) in (${list})`);
    await tx.execute(sql`
      insert into sla_monthly (customer_id, month, severity, metric, met, breached, open, stopped, elapsed_sum_ms)
      select c.customer_id, p.month, c.severity, c.metric,
        count(*) filter (where c.state = 'met')::int,
        count(*) filter (where c.state = 'breached')::int,
        count(*) filter (where c.state in ('running', 'at_risk', 'paused'))::int,
        count(*) filter (where c.stop_at is not null)::int,
        coalesce(sum(c.elapsed_ms) filter (where c.stop_at is not null), 0)::bigint
      from (values ${list}) as p(customer_id, month)
      join customers cu on cu.id = p.customer_id
      join sla_clocks c on c.customer_id = p.customer_id
        and c.start_at >= (p.month || '-01')::timestamp at time zone cu.timezone
        and c.start_at < ((p.month || '-01')::timestamp + interval '1 month') at time zone cu.timezone
      group by c.customer_id, p.month, c.severity, c.metric`);
    return picked.length;
  });
}

export async function monthlyRows(db: DbOrTx, months: string[], scope: ReadScope) {
  return db
    .select({
      customerId: slaMonthly.customerId,
      customerName: customers.name,
      month: slaMonthly.month,
      severity: slaMonthly.severity,
      metric: slaMonthly.metric,
      met: slaMonthly.met,
      breached: slaMonthly.breached,
      open: slaMonthly.open,
      stopped: slaMonthly.stopped,
      elapsedSumMs: slaMonthly.elapsedSumMs,
    })
    .from(slaMonthly)
    .innerJoin(customers, eq(customers.id, slaMonthly.customerId))
    .where(and(inArray(slaMonthly.month, months), ...customerIs(slaMonthly.customerId, scope)));
}
