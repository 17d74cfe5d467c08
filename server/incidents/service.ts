import type { DbOrTx } from "@/db";
import type { IncidentStatus } from "@/db/schema/incidents";
import { groupByTactic, isKnownTechnique } from "@/server/attack/attack";
import { auditedChange } from "@/server/audit/change";
import { assertCan } from "@/server/auth/permissions";
import { Conflict, Invalid, NotFound } from "@/server/errors";
import { markFactsChanged } from "@/server/recommendations/dirty";
import { recomputeIncidentClocks } from "@/server/sla/service";
import { type ActorContext, clockOf, personOf, type StaffContext, type TenantContext } from "@/server/tenancy/tenant";
import { assertActionTarget, assertStaffUser } from "./guards";
import { canTransition, nextStatuses, statusBody, statusPatch } from "./lifecycle";
import { notifyCustomerContacts } from "./notify";
import * as q from "./queries";
import type { IncidentFilterInput } from "./schema";
import { ACTION_LABELS, incidentReference, SEVERITY_LABELS } from "./severity";

export const PAGE_SIZE = 25;
type Incident = NonNullable<Awaited<ReturnType<typeof q.findIncident>>>;

export function timelineActor(ctx: ActorContext): q.TimelineActor {
  const at = clockOf(ctx);
  const person = personOf(ctx);
  if (!person)
    return { actorType: "system", actorId: null, actorLabel: ctx.system ?? "System", actorSide: "system", at };
  return { actorType: "user", actorId: ctx.user.id, actorLabel: ctx.user.name, actorSide: ctx.actor.side, at };
}

export const effectiveSeverity = (i: { severity: number; severityOverride: number | null }) =>
  i.severityOverride ?? i.severity;

/**
 * One staff change to one incident (`auditedChange`): loads it inside the transaction, runs the change, recomputes its
 * clocks, writes the audit entry, and delivers any e-mail after commit.
 */
async function change<T>(
  ctx: TenantContext,
  incidentId: string,
  action: string,
  fn: (tx: DbOrTx, inc: Incident, mail: string[]) => Promise<{ result: T; summary?: Record<string, unknown> }>,
): Promise<T> {
  assertCan(ctx.actor, "incident:manage");
  return auditedChange(ctx, async (tx, effects) => {
    const inc = await q.findIncident(tx, ctx.tenant, incidentId);
    if (!inc) throw new NotFound("No such incident.");
    const mail: string[] = [];
    const { result, summary } = await fn(tx, inc, mail);
    // Every change, notes and tasks included, is activity: updatedAt is the incident's "last activity".
    await q.updateIncidentRow(tx, ctx.tenant, incidentId, { updatedAt: clockOf(ctx) });
    mail.push(...(await recomputeIncidentClocks(tx, ctx.tenant, incidentId, clockOf(ctx))));
    await markFactsChanged(tx, ctx.tenant);
    effects.mail(mail);
    return {
      result,
      audit: {
        customerId: ctx.tenant,
        action: `incident.${action}`,
        targetType: "incident",
        targetId: incidentId,
        summary: { reference: incidentReference(inc.customerSlug, inc.incident.number), ...summary },
      },
    };
  });
}

/** Tells the customer, when the incident is open to them, and records that they were told. */
async function tellCustomer(
  tx: DbOrTx,
  ctx: TenantContext,
  inc: Incident,
  kind: "opened" | "update" | "question" | "action",
  message: string | null,
  mail: string[],
  statusNow?: IncidentStatus,
) {
  if (!inc.incident.visibleToCustomer && kind !== "opened") return;
  const sent = await notifyCustomerContacts(
    tx,
    ctx.tenant,
    { name: inc.customerName, slug: inc.customerSlug },
    { ...inc.incident, severity: effectiveSeverity(inc.incident), status: statusNow ?? inc.incident.status },
    kind,
    message,
    clockOf(ctx),
  );
  mail.push(...sent.ids);
  if (sent.recipients.length) {
    await q.insertTimeline(tx, ctx.tenant, inc.incident.id, {
      ...timelineActor(ctx),
      kind: "notified",
      visibility: "internal",
      body: `E-mailed ${sent.recipients.join(", ")}`,
      data: { kind, recipients: sent.recipients },
    });
  }
}

export async function listIncidents(ctx: StaffContext, f: IncidentFilterInput) {
  assertCan(ctx.actor, "incident:read");
  const { page, ...filter } = f;
  const { rows, total } = await q.listIncidentsAll(ctx.db, filter, PAGE_SIZE, (page - 1) * PAGE_SIZE);
  return { rows: rows.map(withRef), total, page, pageSize: PAGE_SIZE };
}

export const withRef = <T extends { customerSlug: string; number: number }>(r: T) => ({
  ...r,
  reference: incidentReference(r.customerSlug, r.number),
});

export async function getIncident(ctx: TenantContext, id: string) {
  assertCan(ctx.actor, "incident:read");
  const inc = await q.findIncident(ctx.db, ctx.tenant, id);
  if (!inc) throw new NotFound("No such incident.");
  const [timeline, alertRows, tasks, obs, techniques, actions] = await Promise.all([
    q.listTimeline(ctx.db, ctx.tenant, id, false),
    q.listIncidentAlerts(ctx.db, ctx.tenant, id),
    q.listTasks(ctx.db, ctx.tenant, id),
    q.listObservables(ctx.db, ctx.tenant, id),
    q.listIncidentTechniques(ctx.db, ctx.tenant, id),
    q.listActions(ctx.db, ctx.tenant, id),
  ]);
  return {
    ...inc,
    reference: incidentReference(inc.customerSlug, inc.incident.number),
    effectiveSeverity: effectiveSeverity(inc.incident),
    nextStatuses: nextStatuses(inc.incident.status, inc.incident.resumeStatus),
    timeline,
    alerts: alertRows,
    tasks,
    observables: obs,
    techniques,
    tactics: groupByTactic(techniques.map((t) => t.techniqueId)).map((g) => ({
      tactic: g.tactic,
      techniques: g.techniques.map((t) => ({ id: t.id, name: t.name })),
    })),
    actions,
  };
}

export async function setStatus(ctx: TenantContext, id: string, to: IncidentStatus, note?: string) {
  return change(ctx, id, "status", async (tx, inc, mail) => {
    const from = inc.incident.status;
    const check = canTransition(from, to, inc.incident.resumeStatus);
    if (!check.ok) throw new Invalid(check.reason);
    await q.updateIncidentRow(tx, ctx.tenant, id, statusPatch(inc.incident, to, note, clockOf(ctx)));
    const body = statusBody(from, to, note);
    await q.insertTimeline(tx, ctx.tenant, id, {
      ...timelineActor(ctx),
      kind: "status",
      visibility: inc.incident.visibleToCustomer ? "customer" : "internal",
      body,
      data: { from, to },
    });
    await tellCustomer(tx, ctx, inc, "update", body, mail, to);
    return { result: { status: to }, summary: { from, to } };
  });
}

export async function acknowledge(ctx: TenantContext, id: string) {
  return change(ctx, id, "acknowledge", async (tx, inc) => {
    if (inc.incident.acknowledgedAt) throw new Conflict("The incident is already acknowledged.");
    const now = clockOf(ctx);
    await q.updateIncidentRow(tx, ctx.tenant, id, {
      acknowledgedAt: now,
      ...(inc.incident.assigneeId || !personOf(ctx) ? {} : { assigneeId: ctx.user.id }),
    });
    await q.insertTimeline(tx, ctx.tenant, id, {
      ...timelineActor(ctx),
      kind: "status",
      visibility: "internal",
      body: "Acknowledged",
    });
    return { result: { acknowledgedAt: now } };
  });
}

export async function assign(ctx: TenantContext, id: string, assigneeId: string | null) {
  if (assigneeId) await assertStaffUser(ctx.db, assigneeId, "assigneeId", "Incidents");
  return change(ctx, id, "assign", async (tx, inc) => {
    await q.updateIncidentRow(tx, ctx.tenant, id, { assigneeId });
    await q.insertTimeline(tx, ctx.tenant, id, {
      ...timelineActor(ctx),
      kind: "assigned",
      visibility: "internal",
      body: assigneeId ? "Assigned" : "Unassigned",
      data: { from: inc.incident.assigneeId, to: assigneeId },
    });
    return { result: { assigneeId }, summary: { from: inc.incident.assigneeId, to: assigneeId } };
  });
}

export async function setSeverity(ctx: TenantContext, id: string, severity: number, reason: string) {
  return change(ctx, id, "severity", async (tx, inc, mail) => {
    const from = effectiveSeverity(inc.incident);
    await q.updateIncidentRow(tx, ctx.tenant, id, { severityOverride: severity, severityReason: reason });
    const body = `Severity ${SEVERITY_LABELS[from]} → ${SEVERITY_LABELS[severity]}: ${reason}`;
    await q.insertTimeline(tx, ctx.tenant, id, {
      ...timelineActor(ctx),
      kind: "severity",
      visibility: inc.incident.visibleToCustomer ? "customer" : "internal",
      body,
      data: { from, to: severity },
    });
    await tellCustomer(
      tx,
      ctx,
      { ...inc, incident: { ...inc.incident, severityOverride: severity } },
      "update",
      body,
      mail,
    );
    return { result: { severity }, summary: { from, to: severity, reason } };
  });
}

export async function updateDetails(ctx: TenantContext, id: string, patch: { title?: string; summary?: string }) {
  return change(ctx, id, "update", async (tx, inc) => {
    await q.updateIncidentRow(tx, ctx.tenant, id, patch);
    await q.insertTimeline(tx, ctx.tenant, id, {
      ...timelineActor(ctx),
      kind: "note",
      visibility: "internal",
      body: patch.title && patch.title !== inc.incident.title ? `Renamed to "${patch.title}"` : "Summary updated",
    });
    return { result: patch, summary: { fields: Object.keys(patch) } };
  });
}

export async function addNote(ctx: TenantContext, id: string, body: string, visibility: "internal" | "customer") {
  return change(ctx, id, "note", async (tx, inc, mail) => {
    if (visibility === "customer" && !inc.incident.visibleToCustomer) {
      throw new Invalid("Open the incident to the customer before writing to them.");
    }
    const ev = await q.insertTimeline(tx, ctx.tenant, id, { ...timelineActor(ctx), kind: "note", visibility, body });
    if (visibility === "customer") await tellCustomer(tx, ctx, inc, "update", body, mail);
    return { result: ev, summary: { visibility } };
  });
}

/** Opens the incident to the customer: they see it in the portal and their contacts for its severity are e-mailed. */
export async function openToCustomer(ctx: TenantContext, id: string, message: string) {
  return change(ctx, id, "open_to_customer", async (tx, inc, mail) => {
    if (inc.incident.visibleToCustomer) throw new Conflict("The customer can already see this incident.");
    const now = clockOf(ctx);
    await q.updateIncidentRow(tx, ctx.tenant, id, {
      visibleToCustomer: true,
      customerNotifiedAt: inc.incident.customerNotifiedAt ?? now,
      ...(!inc.incident.acknowledgedAt ? { acknowledgedAt: now } : {}),
    });
    await q.insertTimeline(tx, ctx.tenant, id, {
      ...timelineActor(ctx),
      kind: "visibility",
      visibility: "customer",
      body: message,
    });
    await tellCustomer(
      tx,
      ctx,
      { ...inc, incident: { ...inc.incident, visibleToCustomer: true } },
      "opened",
      message,
      mail,
    );
    return { result: { notifiedAt: now } };
  });
}

/** Asks the customer a question and waits for the answer ("waiting on customer"). */
export async function askCustomer(ctx: TenantContext, id: string, question: string) {
  return change(ctx, id, "ask_customer", async (tx, inc, mail) => {
    if (!inc.incident.visibleToCustomer) throw new Invalid("Open the incident to the customer before asking them.");
    const check = canTransition(inc.incident.status, "waiting_on_customer", inc.incident.resumeStatus);
    if (!check.ok) throw new Invalid(check.reason);
    const resume = inc.incident.status === "waiting_on_customer" ? inc.incident.resumeStatus : inc.incident.status;
    await q.updateIncidentRow(tx, ctx.tenant, id, { status: "waiting_on_customer", resumeStatus: resume });
    await q.insertTimeline(tx, ctx.tenant, id, {
      ...timelineActor(ctx),
      kind: "question",
      visibility: "customer",
      body: question,
      data: { from: inc.incident.status, to: "waiting_on_customer" },
    });
    await tellCustomer(tx, ctx, inc, "question", question, mail, "waiting_on_customer");
    return { result: { status: "waiting_on_customer" as const } };
  });
}

export async function addTask(
  ctx: TenantContext,
  id: string,
  t: { title: string; ownerId?: string | null; dueAt?: Date | null },
) {
  if (t.ownerId) await assertStaffUser(ctx.db, t.ownerId, "ownerId", "Tasks");
  return change(ctx, id, "task.add", async (tx) => {
    const task = await q.insertTask(tx, ctx.tenant, {
      incidentId: id,
      title: t.title,
      ownerId: t.ownerId ?? null,
      dueAt: t.dueAt ?? null,
    });
    await q.insertTimeline(tx, ctx.tenant, id, {
      ...timelineActor(ctx),
      kind: "task",
      visibility: "internal",
      body: `Task added: ${t.title}`,
    });
    return { result: task, summary: { title: t.title } };
  });
}

export async function updateTask(
  ctx: TenantContext,
  id: string,
  taskId: string,
  patch: { title?: string; ownerId?: string | null; dueAt?: Date | null; status?: "open" | "done" },
) {
  if (patch.ownerId) await assertStaffUser(ctx.db, patch.ownerId, "ownerId", "Tasks");
  return change(ctx, id, "task.update", async (tx) => {
    const row = await q.updateTaskRow(tx, ctx.tenant, id, taskId, {
      ...patch,
      ...(patch.status ? { doneAt: patch.status === "done" ? clockOf(ctx) : null } : {}),
    });
    if (!row) throw new NotFound("No such task.");
    if (patch.status) {
      await q.insertTimeline(tx, ctx.tenant, id, {
        ...timelineActor(ctx),
        kind: "task",
        visibility: "internal",
        body: `Task ${patch.status === "done" ? "done" : "reopened"}: ${row.title}`,
      });
    }
    return { result: row, summary: { taskId, ...patch } };
  });
}

export async function addObservable(
  ctx: TenantContext,
  id: string,
  o: {
    kind: typeof import("@/db/schema/incidents").OBSERVABLE_KINDS[number];
    value: string;
    isIoc: boolean;
    note?: string;
  },
) {
  return change(ctx, id, "observable.add", async (tx) => {
    const row = await q.insertObservable(tx, ctx.tenant, {
      incidentId: id,
      ...o,
      note: o.note ?? null,
      source: "analyst",
    });
    await q.insertTimeline(tx, ctx.tenant, id, {
      ...timelineActor(ctx),
      kind: "observable",
      visibility: "internal",
      body: `${o.isIoc ? "IoC" : "Observable"} ${o.kind}: ${o.value}`,
    });
    return { result: row, summary: { kind: o.kind, value: o.value } };
  });
}

export async function setIoc(ctx: TenantContext, id: string, observableId: string, isIoc: boolean) {
  return change(ctx, id, "observable.ioc", async (tx) => {
    const row = await q.updateObservableRow(tx, ctx.tenant, id, observableId, { isIoc });
    if (!row) throw new NotFound("No such observable.");
    return { result: row, summary: { observableId, isIoc } };
  });
}

export async function addTechnique(ctx: TenantContext, id: string, techniqueId: string) {
  if (!isKnownTechnique(techniqueId))
    throw new Invalid(`${techniqueId} is not in ATT&CK Enterprise v18.1.`, "techniqueId");
  return change(ctx, id, "technique.add", async (tx) => {
    if (!(await q.addIncidentTechnique(tx, ctx.tenant, id, techniqueId)))
      throw new Conflict(`${techniqueId} is already listed.`);
    await q.insertTimeline(tx, ctx.tenant, id, {
      ...timelineActor(ctx),
      kind: "technique",
      visibility: "internal",
      body: `Technique ${techniqueId} added`,
    });
    return { result: { techniqueId }, summary: { techniqueId } };
  });
}

export async function removeTechnique(ctx: TenantContext, id: string, techniqueId: string) {
  return change(ctx, id, "technique.remove", async (tx) => {
    if (!(await q.removeIncidentTechnique(tx, ctx.tenant, id, techniqueId)))
      throw new NotFound(`${techniqueId} is not listed.`);
    await q.insertTimeline(tx, ctx.tenant, id, {
      ...timelineActor(ctx),
      kind: "technique",
      visibility: "internal",
      body: `Technique ${techniqueId} removed`,
    });
    return { result: { techniqueId }, summary: { techniqueId } };
  });
}

/** Asks the customer to approve a response action. */
export async function requestAction(
  ctx: TenantContext,
  id: string,
  a: { kind: keyof typeof ACTION_LABELS; target: string; reason: string },
) {
  return change(ctx, id, "action.request", async (tx, inc, mail) => {
    if (!inc.incident.visibleToCustomer)
      throw new Invalid("Open the incident to the customer before asking for approval.");
    await assertActionTarget(tx, ctx.tenant, id, a);
    const row = await q.insertAction(tx, ctx.tenant, {
      incidentId: id,
      ...a,
      requestedBy: personOf(ctx)?.id ?? null,
      requestedAt: clockOf(ctx),
    });
    const body = `${ACTION_LABELS[a.kind]} — ${a.target}: ${a.reason}`;
    await q.insertTimeline(tx, ctx.tenant, id, {
      ...timelineActor(ctx),
      kind: "action_requested",
      visibility: "customer",
      body,
      data: { actionId: row.id, kind: a.kind, target: a.target },
    });
    await tellCustomer(tx, ctx, inc, "action", body, mail);
    return { result: row, summary: { kind: a.kind, target: a.target } };
  });
}

export async function markActionExecuted(ctx: TenantContext, id: string, actionId: string) {
  return change(ctx, id, "action.execute", async (tx, inc, mail) => {
    const pending = (await q.listActions(tx, ctx.tenant, id)).find((x) => x.id === actionId);
    if (pending) await assertActionTarget(tx, ctx.tenant, id, pending);
    const row = await q.updateActionRow(tx, ctx.tenant, id, actionId, "approved", {
      status: "executed",
      executedAt: clockOf(ctx),
    });
    if (!row) throw new Conflict("Only an approved action can be marked as carried out.");
    const body = `${ACTION_LABELS[row.kind]} carried out — ${row.target}`;
    await q.insertTimeline(tx, ctx.tenant, id, {
      ...timelineActor(ctx),
      kind: "action_decided",
      visibility: "customer",
      body,
      data: { actionId, status: "executed" },
    });
    await tellCustomer(tx, ctx, inc, "update", body, mail);
    return { result: row, summary: { actionId } };
  });
}

export async function cancelAction(ctx: TenantContext, id: string, actionId: string) {
  return change(ctx, id, "action.cancel", async (tx) => {
    const row = await q.updateActionRow(tx, ctx.tenant, id, actionId, "requested", { status: "cancelled" });
    if (!row) throw new Conflict("Only a pending request can be withdrawn.");
    await q.insertTimeline(tx, ctx.tenant, id, {
      ...timelineActor(ctx),
      kind: "action_decided",
      visibility: "customer",
      body: `Request withdrawn: ${ACTION_LABELS[row.kind]} — ${row.target}`,
      data: { actionId, status: "cancelled" },
    });
    return { result: row, summary: { actionId } };
  });
}
