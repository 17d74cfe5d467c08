import type { Tx } from "@/db";
import { groupByTactic } from "@/server/attack/attack";
import { actorOf, recordAudit } from "@/server/audit/service";
import { assertCan } from "@/server/auth/permissions";
import { deliverQueued } from "@/server/email/send";
import { Conflict, Invalid, NotFound } from "@/server/errors";
import { markFactsChanged } from "@/server/recommendations/dirty";
import { recomputeIncidentClocks } from "@/server/sla/service";
import { clockOf, type TenantContext } from "@/server/tenancy/tenant";
import { assertActionTarget } from "../guards";
import { STATUS_LABELS } from "../lifecycle";
import * as q from "../queries";
import type { IncidentFilterInput } from "../schema";
import { effectiveSeverity, PAGE_SIZE, timelineActor, withRef } from "../service";
import { incidentReference } from "../severity";

/**
 * The customer's side of incidents: only incidents opened to them, only customer-visible timeline entries, alert
 * summaries without raw payloads or internal fields, IoCs but not every observable.
 */
export async function listMyIncidents(ctx: TenantContext, f: IncidentFilterInput) {
  assertCan(ctx.actor, "incident:read");
  const { page, customerId: _ignored, assigneeId: _a, ...filter } = f;
  const { rows, total } = await q.listIncidentsForTenant(
    ctx.db,
    ctx.tenant,
    filter,
    true,
    PAGE_SIZE,
    (page - 1) * PAGE_SIZE,
  );
  return {
    // Internal work must not show as activity: the customer's "updated" is their last visible entry.
    rows: rows.map(({ assigneeId: _x, assigneeName: _y, updatedAt: _u, ...r }) =>
      withRef({ ...r, updatedAt: r.lastCustomerActivityAt ?? r.createdAt }),
    ),
    total,
    page,
    pageSize: PAGE_SIZE,
  };
}

async function visibleIncident(ctx: TenantContext, id: string) {
  const inc = await q.findIncident(ctx.db, ctx.tenant, id);
  if (!inc?.incident.visibleToCustomer) throw new NotFound("No such incident.");
  return inc;
}

export async function getMyIncident(ctx: TenantContext, id: string) {
  assertCan(ctx.actor, "incident:read");
  const inc = await visibleIncident(ctx, id);
  const [timeline, alertRows, iocs, techniques, actions] = await Promise.all([
    q.listTimeline(ctx.db, ctx.tenant, id, true),
    q.listIncidentAlerts(ctx.db, ctx.tenant, id),
    q.listObservables(ctx.db, ctx.tenant, id, true),
    q.listIncidentTechniques(ctx.db, ctx.tenant, id),
    q.listActions(ctx.db, ctx.tenant, id),
  ]);
  const i = inc.incident;
  return {
    id: i.id,
    reference: incidentReference(inc.customerSlug, i.number),
    title: i.title,
    summary: i.summary,
    severity: effectiveSeverity(i),
    status: i.status,
    statusLabel: STATUS_LABELS[i.status],
    firstEventTime: i.firstEventTime,
    latestEventTime: i.latestEventTime,
    customerNotifiedAt: i.customerNotifiedAt,
    containedAt: i.containedAt,
    resolvedAt: i.resolvedAt,
    closedAt: i.closedAt,
    waitingOnYou: i.status === "waiting_on_customer",
    timeline: timeline.map((e) => ({
      id: e.id,
      at: e.at,
      kind: e.kind,
      body: e.body,
      actorLabel: e.actorSide === "staff" ? `${e.actorLabel} (SOC)` : e.actorLabel,
      actorSide: e.actorSide,
    })),
    alerts: alertRows.map((a) => ({
      id: a.id,
      title: a.title,
      severity: a.severity,
      source: a.source,
      product: a.product,
      sensorName: a.sensorName,
      eventTime: a.eventTime,
      occurrences: a.occurrences,
      techniques: a.techniques,
    })),
    iocs: iocs.map((o) => ({ id: o.id, kind: o.kind, value: o.value, note: o.note })),
    tactics: groupByTactic(techniques.map((t) => t.techniqueId)).map((g) => ({
      tactic: g.tactic,
      techniques: g.techniques.map((t) => ({ id: t.id, name: t.name })),
    })),
    actions: actions.map((a) => ({
      id: a.id,
      kind: a.kind,
      target: a.target,
      reason: a.reason,
      status: a.status,
      requestedAt: a.requestedAt,
      decidedAt: a.decidedAt,
      decisionNote: a.decisionNote,
    })),
  };
}

/** One customer change to an incident they can see, with its audit entry, in one transaction. */
async function customerChange<T>(
  ctx: TenantContext,
  id: string,
  action: string,
  fn: (tx: Tx, inc: Awaited<ReturnType<typeof visibleIncident>>) => Promise<T>,
): Promise<T> {
  const mail: string[] = [];
  const out = await ctx.db.transaction(async (tx) => {
    const inc = await q.findIncident(tx, ctx.tenant, id);
    if (!inc?.incident.visibleToCustomer) throw new NotFound("No such incident.");
    const result = await fn(tx, inc);
    await q.updateIncidentRow(tx, ctx.tenant, id, { updatedAt: clockOf(ctx) });
    mail.push(...(await recomputeIncidentClocks(tx, ctx.tenant, id, clockOf(ctx))));
    await markFactsChanged(tx, ctx.tenant);
    await recordAudit(tx, {
      ...actorOf(ctx),
      customerId: ctx.tenant,
      action: `incident.${action}`,
      targetType: "incident",
      targetId: id,
      summary: { reference: incidentReference(inc.customerSlug, inc.incident.number) },
    });
    return result;
  });
  if (mail.length) await deliverQueued(ctx.db, mail);
  return out;
}

export async function comment(ctx: TenantContext, id: string, body: string) {
  assertCan(ctx.actor, "incident:comment");
  return customerChange(ctx, id, "comment", async (tx) =>
    q.insertTimeline(tx, ctx.tenant, id, { ...timelineActor(ctx), kind: "comment", visibility: "customer", body }),
  );
}

/** Answers the open question: the incident goes back to where it was before it waited. */
export async function answer(ctx: TenantContext, id: string, body: string) {
  assertCan(ctx.actor, "incident:answer");
  return customerChange(ctx, id, "answer", async (tx, inc) => {
    if (inc.incident.status !== "waiting_on_customer")
      throw new Conflict("There is no open question on this incident.");
    const back = inc.incident.resumeStatus ?? "investigating";
    await q.updateIncidentRow(tx, ctx.tenant, id, { status: back, resumeStatus: null });
    await q.insertTimeline(tx, ctx.tenant, id, {
      ...timelineActor(ctx),
      kind: "answer",
      visibility: "customer",
      body,
      data: { from: "waiting_on_customer", to: back },
    });
    return { status: back };
  });
}

export async function decideAction(
  ctx: TenantContext,
  id: string,
  actionId: string,
  decision: "approved" | "declined",
  note?: string,
) {
  assertCan(ctx.actor, "incident:approve");
  return customerChange(ctx, id, `action.${decision === "approved" ? "approve" : "decline"}`, async (tx) => {
    const pending = (await q.listActions(tx, ctx.tenant, id)).find((x) => x.id === actionId);
    if (pending && decision === "approved") await assertActionTarget(tx, ctx.tenant, id, pending);
    const row = await q.updateActionRow(tx, ctx.tenant, id, actionId, "requested", {
      status: decision,
      decidedAt: clockOf(ctx),
      decidedBy: ctx.user.id,
      decisionNote: note ?? null,
    });
    if (!row) throw new Invalid("This request is no longer waiting for a decision.");
    await q.insertTimeline(tx, ctx.tenant, id, {
      ...timelineActor(ctx),
      kind: "action_decided",
      visibility: "customer",
      body: `${decision === "approved" ? "Approved" : "Declined"}: ${row.target}${note ? ` — ${note}` : ""}`,
      data: { actionId, status: decision },
    });
    return row;
  });
}
