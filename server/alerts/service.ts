import type { Db, DbOrTx } from "@/db";
import { type AuditEntry, auditedChange } from "@/server/audit/change";
import { assertCan } from "@/server/auth/permissions";
import { versionInForce } from "@/server/contracts/queries";
import { env } from "@/server/env";
import { Conflict, Invalid, NotFound } from "@/server/errors";
import { attachAlerts, findIncident, insertIncident, insertTimeline } from "@/server/incidents/queries";
import { timelineActor, withRef } from "@/server/incidents/service";
import { incidentReference } from "@/server/incidents/severity";
import { entityKeys } from "@/server/ingest/correlate";
import type { Entities } from "@/server/ingest/types";
import { markFactsChanged } from "@/server/recommendations/dirty";
import { loadCustomersInCoverage, pickAutoAssignee } from "@/server/roster/plan";
import { recomputeIncidentClocks } from "@/server/sla/service";
import { findMembership } from "@/server/tenancy/queries";
import { clockOf, personOf, type StaffContext, staffTenantOf, type TenantContext } from "@/server/tenancy/tenant";
import * as q from "./queries";
import type { QueueFilter } from "./schema";

export const QUEUE_PAGE = 50;

export async function getQueue(ctx: StaffContext, f: QueueFilter, now = clockOf(ctx)) {
  assertCan(ctx.actor, "alert:read");
  const { page, coverage, ...rest } = f;
  const inCoverage = coverage === "now" ? await loadCustomersInCoverage(ctx.db, now.getTime()) : undefined;
  const filter = { ...rest, inCoverage };
  const { rows, total } = await q.listQueue(ctx.db, filter, now, QUEUE_PAGE, (page - 1) * QUEUE_PAGE);
  return {
    rows: rows.map((r) => ({
      ...r,
      incidentReference: r.incidentNumber ? incidentReference(r.customerSlug, r.incidentNumber) : null,
    })),
    total,
    page,
    pageSize: QUEUE_PAGE,
  };
}

export async function getAlert(ctx: StaffContext, id: string) {
  assertCan(ctx.actor, "alert:read");
  const row = await q.findAlertDetail(ctx.db, id);
  if (!row) throw new NotFound("No such alert.");
  return {
    ...row,
    incidentReference: row.incidentNumber ? incidentReference(row.customerSlug, row.incidentNumber) : null,
  };
}

/** Loads the selected alerts; all must exist (no silent partial action). */
async function load(ctx: StaffContext, ids: string[]) {
  const rows = await q.findAlertsByIds(ctx.db, ids);
  if (rows.length !== new Set(ids).size) throw new NotFound("Some selected alerts no longer exist; refresh the queue.");
  // In the order the analyst gave them (the read has none): audit entries and timelines must not depend on it.
  const at = new Map(ids.map((id, i) => [id, i] as const));
  return rows.sort((a, b) => at.get(a.id)! - at.get(b.id)!);
}

/** One audit entry per customer whose alerts changed. */
function auditEach(
  rows: { id: string; customerId: string }[],
  action: string,
  summary: Record<string, unknown>,
): AuditEntry[] {
  const byCustomer = new Map<string, string[]>();
  for (const r of rows) byCustomer.set(r.customerId, [...(byCustomer.get(r.customerId) ?? []), r.id]);
  return [...byCustomer].map(([customerId, ids]) => ({
    customerId,
    action,
    targetType: "alert",
    targetId: ids.length === 1 ? ids[0] : null,
    summary: { ...summary, alertIds: ids },
  }));
}

export async function acknowledgeAlerts(ctx: StaffContext, ids: string[]) {
  assertCan(ctx.actor, "alert:triage");
  const read = q.readAlerts(await load(ctx, ids));
  return auditedChange(ctx, async (tx) => {
    const now = clockOf(ctx);
    const rows = await q.acknowledgeRows(tx, read, personOf(ctx)?.id ?? null, now);
    return { result: { acknowledged: rows.length }, audit: auditEach(rows, "alert.acknowledge", {}) };
  });
}

export async function assignAlerts(ctx: StaffContext, ids: string[], assigneeId: string | null) {
  assertCan(ctx.actor, "alert:triage");
  if (assigneeId) {
    const m = await findMembership(ctx.db, assigneeId);
    if (!m || m.customerId !== null) throw new Invalid("Alerts can only be assigned to provider staff.", "assigneeId");
  }
  const read = q.readAlerts(await load(ctx, ids));
  return auditedChange(ctx, async (tx) => {
    const rows = await q.updateAlerts(tx, read, { assigneeId });
    return { result: { assigned: rows.length }, audit: auditEach(rows, "alert.assign", { assigneeId }) };
  });
}

/** Records the analyst's judgement; alerts not in an incident are closed by it. */
export async function setVerdict(
  ctx: StaffContext,
  ids: string[],
  verdict: "true_positive" | "false_positive" | "benign" | "duplicate",
  reason: string,
) {
  assertCan(ctx.actor, "alert:triage");
  const existing = await load(ctx, ids);
  if (verdict === "true_positive" && existing.some((a) => !a.incidentId)) {
    throw new Invalid("A true positive belongs in an incident: escalate it or attach it to one.");
  }
  return auditedChange(ctx, async (tx) => {
    const now = clockOf(ctx);
    const inIncident = existing.filter((a) => a.incidentId);
    const loose = existing.filter((a) => !a.incidentId);
    const a = inIncident.length
      ? await q.updateAlerts(tx, q.readAlerts(inIncident), { verdict, verdictReason: reason, triagedAt: now })
      : [];
    const b = loose.length
      ? await q.updateAlerts(tx, q.readAlerts(loose), {
          verdict,
          verdictReason: reason,
          triagedAt: now,
          status: "closed",
        })
      : [];
    // A verdict on an incident's alerts can make it a false alarm (or an attack again): its customer's rules and
    // threats driver are due on the minute run, not the hourly one.
    for (const customerId of new Set(a.map((r) => r.customerId))) {
      await markFactsChanged(tx, staffTenantOf(ctx, customerId));
    }
    return {
      result: { updated: a.length + b.length },
      audit: auditEach([...a, ...b], "alert.verdict", { verdict, reason }),
    };
  });
}

function attachable(a: Awaited<ReturnType<typeof load>>[number]) {
  const entities = a.entities as Entities;
  return {
    id: a.id,
    dedupKey: a.dedupKey,
    title: a.title,
    severity: a.severity,
    eventTime: a.eventTime,
    receivedAt: a.receivedAt,
    vendorCreatedAt: a.vendorCreatedAt,
    techniques: a.techniques,
    entities,
    keys: entityKeys(entities),
  };
}

function oneCustomer(ctx: StaffContext, rows: { customerId: string; incidentId: string | null }[]) {
  const customers = new Set(rows.map((r) => r.customerId));
  if (customers.size !== 1) throw new Invalid("Select alerts of one customer: an incident belongs to one customer.");
  if (rows.some((r) => r.incidentId)) throw new Conflict("Some selected alerts are already in an incident.");
  return staffTenantOf(ctx, [...customers][0]!); // derived from stored rows, never from client input
}

/** Opens a new incident (triage) from the selected alerts of one customer. */
export async function escalate(ctx: StaffContext, ids: string[], title?: string) {
  assertCan(ctx.actor, "alert:triage");
  assertCan(ctx.actor, "incident:manage");
  const rows = await load(ctx, ids);
  const tenant = oneCustomer(ctx, rows);
  const top = [...rows].sort((x, y) => y.severity - x.severity || x.eventTime.getTime() - y.eventTime.getTime())[0]!;
  const tctx: TenantContext = { ...ctx, tenant };
  return auditedChange(ctx, async (tx, effects) => {
    const version = await versionInForce(tx, tenant, clockOf(ctx));
    const auto = version ? await pickAutoAssignee(tx, version, clockOf(ctx).getTime()) : null;
    const inc = await insertIncident(tx, tenant, {
      title: title ?? top.title,
      severity: top.severity,
      status: "triage",
      assigneeId: auto ?? personOf(ctx)?.id ?? null,
      firstAlertReceivedAt: top.receivedAt,
      firstEventTime: top.eventTime,
      latestEventTime: top.eventTime,
      createdBy: personOf(ctx)?.id ?? null,
      createdAt: clockOf(ctx),
      contractVersionId: version?.id ?? null,
    });
    await insertTimeline(tx, tenant, inc.id, {
      ...timelineActor(tctx),
      kind: "opened",
      visibility: "internal",
      body: `Escalated from ${rows.length} alert${rows.length === 1 ? "" : "s"}`,
    });
    await attachAlerts(tx, tenant, inc.id, rows.map(attachable), timelineActor(tctx));
    await markFactsChanged(tx, tenant);
    effects.mail(await recomputeIncidentClocks(tx, tenant, inc.id, clockOf(ctx)));
    const detail = await findIncident(tx, tenant, inc.id);
    return {
      result: { incidentId: inc.id, number: inc.number },
      audit: {
        customerId: tenant,
        action: "incident.create",
        targetType: "incident",
        targetId: inc.id,
        summary: {
          alertIds: ids,
          reference: detail ? withRef({ customerSlug: detail.customerSlug, number: inc.number }).reference : null,
        },
      },
    };
  });
}

/** Adds the selected alerts (one customer's) to an open incident of that customer. */
export async function attachToIncident(ctx: StaffContext, ids: string[], incidentId: string) {
  assertCan(ctx.actor, "alert:triage");
  assertCan(ctx.actor, "incident:manage");
  const rows = await load(ctx, ids);
  const tenant = oneCustomer(ctx, rows);
  return auditedChange(ctx, async (tx) => {
    const inc = await findIncident(tx, tenant, incidentId);
    if (!inc) throw new NotFound("That incident does not belong to the selected alerts' customer.");
    if (inc.incident.status === "closed") throw new Conflict("The incident is closed; reopen it first.");
    await attachAlerts(
      tx,
      tenant,
      incidentId,
      rows.map(attachable),
      timelineActor({ ...ctx, tenant } as TenantContext),
    );
    return {
      result: { incidentId, attached: rows.length },
      audit: {
        customerId: tenant,
        action: "incident.attach",
        targetType: "incident",
        targetId: incidentId,
        summary: { alertIds: ids },
      },
    };
  });
}

export async function getFunnel(ctx: TenantContext, from: Date, to: Date) {
  assertCan(ctx.actor, ctx.actor.side === "staff" ? "alert:read" : "incident:read");
  return q.alertFunnel(ctx.db, ctx.tenant, from, to, ctx.actor.side === "customer");
}

export async function getOpenIncidents(ctx: TenantContext) {
  assertCan(ctx.actor, "incident:read");
  return q.openIncidentsOfCustomer(ctx.db, ctx.tenant);
}

export const RAW_PRUNE = { batch: 5_000, maxBatches: 200 };

/**
 * The daily retention job (issue 16): vendors' raw payloads are kept `days` after the alert was last received
 * (RAW_PAYLOAD_RETENTION_DAYS, default 180; 0 keeps them), then dropped in batches; at most `maxBatches` a run, the
 * rest the next day. A re-sent alert brings its payload back (the intake's upsert clears `raw_pruned_at`).
 */
export async function pruneRawPayloads(db: DbOrTx, now: Date, days = env.RAW_PAYLOAD_RETENTION_DAYS) {
  if (days === 0) return { pruned: 0, cutoff: null };
  const cutoff = new Date(now.getTime() - days * 86_400_000);
  let pruned = 0;
  for (let i = 0; i < RAW_PRUNE.maxBatches; i++) {
    const n = await q.pruneRawPayloadBatch(db, cutoff, now, RAW_PRUNE.batch);
    pruned += n;
    if (n < RAW_PRUNE.batch) break;
  }
  return { pruned, cutoff: cutoff.toISOString() };
}

/** Months of alert partitions kept ready ahead of the current one (UTC). */
export const PARTITIONS_AHEAD = 2;

/**
 * The daily alert-partitions job: the alerts table's monthly partitions (migration 0032) made `PARTITIONS_AHEAD`
 * months ahead, and any rows that landed in the default partition moved into their month. Attaching a month locks
 * the default partition and, briefly, the tables alerts' foreign keys point at; a lock not granted in 5 s gives up
 * (the job tries again tomorrow, two months before the month is needed) rather than queue the intake behind it.
 */
export async function keepAlertPartitions(db: Db, now: Date) {
  const made = await db.transaction((tx) => q.ensureAlertPartitions(tx, now, PARTITIONS_AHEAD, 5_000));
  return { made };
}

/**
 * The monthly partitions of alerts for [from, to] made now, for writers of past alerts (the demo seed, the scale
 * build): their rows then go straight to their month instead of waiting in the default partition for the daily job.
 */
export const makeAlertPartitions = (db: DbOrTx, from: Date, to: Date) => q.createAlertPartitions(db, from, to);

/** The partitioned alerts' invariants, as counts of rows that break them (the tests and the scale build want 0). */
export async function checkAlertInvariants(db: DbOrTx): Promise<string[]> {
  const n = await q.countAlertInvariantBreaches(db);
  return [
    n.alertsWithoutKey ? `${n.alertsWithoutKey} alerts without their alert_keys row` : "",
    n.keysWithoutAlert ? `${n.keysWithoutAlert} alert_keys rows without their alert` : "",
    n.alertsBeforeTheirIncident
      ? `${n.alertsBeforeTheirIncident} alerts received before their incident's first_alert_received_at`
      : "",
  ].filter(Boolean);
}
