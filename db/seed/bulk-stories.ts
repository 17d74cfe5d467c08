/**
 * The seed's bulk path for older incident stories. The stories are the same plans the services replay (history.ts);
 * here one customer's older stories are played forward in memory, step by step in time order, and what the services
 * would have left behind is written set-based at the end: alert rows (the intake's preparation and upsert), incidents,
 * timeline entries, entity keys, techniques, observables, response actions, SLA clock snapshots with their one-time
 * at-risk/breach alerts, the customer and staff e-mails in the outbox, and the audit entries, chained and signed.
 *
 * Everything that decides a value is the services' own code: the intake's correlation (`chooseIncident`), attaching
 * (`attachFacts`), the lifecycle (`canTransition`, `statusPatch`, `statusBody`), action targets (`isAllowedTarget`),
 * the clocks (`computeClocks`, `incidentFacts`, `transitionsOf`, `clockSnapshot`), the e-mails (`incidentUpdateEmails`,
 * `slaAlertEmails`, `outboxRow`), the contract in force (`versionInForce`), auto-assignment (`pickAutoAssignee`), the
 * contacts of the escalation matrix (`contactsToNotify`), and the timeline and audit actors (`timelineActor`,
 * `actorOf`). What is left here is the order of the writes: the state each service reads and writes, kept in memory.
 * `bulk-stories.int.test.ts` holds a customer's history written this way against the same history through the services.
 */
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db";
import {
  type contractVersions,
  emailOutbox,
  incidentEntities,
  incidentEvents,
  incidents,
  incidentTechniques,
  memberships,
  observables,
  responseActions,
  slaAlerts,
  slaClocks,
  user,
} from "@/db/schema";
import type { Metric } from "@/db/schema/contracts";
import type { IncidentStatus } from "@/db/schema/incidents";
import { actorOf } from "@/server/audit/service";
import { versionInForce } from "@/server/contracts/queries";
import { type OutgoingEmail, outboxRow, renderEmail } from "@/server/email/send";
import { canTransition, statusBody, statusPatch } from "@/server/incidents/lifecycle";
import { incidentUpdateEmails } from "@/server/incidents/notify";
import type { Observable } from "@/server/incidents/observables";
import { type AttachableAlert, attachFacts, contactsToNotify, type TimelineActor } from "@/server/incidents/queries";
import { timelineActor } from "@/server/incidents/service";
import { ACTION_LABELS, incidentReference, severityName } from "@/server/incidents/severity";
import { isAllowedTarget } from "@/server/incidents/targets";
import type { IntakeAuth } from "@/server/ingest/auth";
import { chooseIncident, type OpenIncident } from "@/server/ingest/correlate";
import { intakeActor } from "@/server/ingest/service";
import { getBranding } from "@/server/provider/queries";
import { markFactsChanged } from "@/server/recommendations/dirty";
import { pickAutoAssignee } from "@/server/roster/plan";
import { clockSnapshot, computeClocks, incidentFacts, type StoredClock, transitionsOf } from "@/server/sla/compute";
import { markMonthsDirty } from "@/server/sla/queries/monthly";
import { slaAlertEmails } from "@/server/sla/service";
import type { StaffContext, TenantContext, TenantId } from "@/server/tenancy/tenant";
import { appendAuditEntries, learnPreparedHosts, type PreparedBatch, prepareBatch, upsertPrepared } from "./bulk";
import { timed } from "./profile";
import { isolationTarget, LATE_DUPLICATE, type Staff, type StoryStep } from "./story";

const CHUNK = 400;

type IncidentRow = typeof incidents.$inferSelect;
type EventRow = typeof incidentEvents.$inferInsert & { at: Date };
type ActionRow = typeof responseActions.$inferInsert & { id: string };
type ClockRow = { id: string; values: ReturnType<typeof clockSnapshot>["values"] } & {
  atRiskNotifiedAt: Date | null;
  breachNotifiedAt: Date | null;
};
type Version = typeof contractVersions.$inferSelect;

type SimAlert = AttachableAlert & {
  probes: string[];
  incidentId: string | null;
  status: "new" | "escalated" | "closed";
  verdict: string | null;
  verdictReason: string | null;
  /** Set by a verdict at replay time; `wall` where the services write the database's now(). */
  triagedAt: Date | "wall" | null;
};

type SimIncident = {
  row: IncidentRow;
  /** False when the row's `updated_at` was last touched by an update that keeps the database's now(). */
  updatedAtReplayed: boolean;
  events: EventRow[];
  keys: Set<string>;
  techniques: Set<string>;
  observables: (Observable & { source: "alert" })[];
  actions: ActionRow[];
  clocks: Map<Metric, ClockRow>;
  slaAlerts: { clockId: string; kind: "at_risk" | "breached"; metric: Metric; dueAt: Date | null }[];
};

export type BulkStoriesInput = {
  customer: { name: string; slug: string };
  /** The older stories' steps, in time order, none after now. */
  steps: StoryStep[];
  /** Whether the sensor's alert at this instant reaches the intake (a silent sensor sends nothing). */
  sends: (a: IntakeAuth, at: number) => boolean;
  analystCtx: (at: number, who: Staff) => TenantContext & StaffContext;
  customerCtx: (at: number) => TenantContext;
};

/** Plays one customer's older stories forward and writes what they leave behind; returns alerts sent, incidents opened. */
export async function writeBulkStories(db: Db, tenant: TenantId, input: BulkStoriesInput) {
  const { steps, customer } = input;
  if (!steps.length) return { alerts: 0, incidents: 0 };

  // The story alerts, prepared by the intake's own code and written by its own upsert (each its own request).
  const sent = steps.filter((s) => s.op.op === "ingest" && input.sends(s.op.auth, s.at));
  const batches = new Map<StoryStep, PreparedBatch>();
  for (const s of sent) if (s.op.op === "ingest") batches.set(s, prepareBatch(s.op.auth, [s.op.payload], s.at));

  // What the services read: contacts, branding, SOC managers, staff names, the contract versions.
  const branding = await getBranding(db);
  const managers = (
    await db
      .select({ email: user.email })
      .from(memberships)
      .innerJoin(user, eq(user.id, memberships.userId))
      .where(and(isNull(memberships.customerId), eq(memberships.role, "soc_manager")))
  ).map((r) => r.email);
  const people = new Map(
    (await db.select({ id: user.id, name: user.name, email: user.email }).from(user)).map((u) => [u.id, u]),
  );
  const contacts = new Map<string, { email: string }[]>();
  const contactsFor = async (severity: number) => {
    const name = severityName(severity);
    if (!contacts.has(name)) contacts.set(name, await contactsToNotify(db, tenant, name));
    return contacts.get(name)!;
  };
  const versions = new Map<string, Version>();
  const [{ n: numbered } = { n: 0 }] = await db
    .select({ n: sql<number>`coalesce(max(${incidents.number}), 0)::int` })
    .from(incidents)
    .where(eq(incidents.customerId, tenant));
  let nextNumber = numbered;

  const alerts = new Map<string, SimAlert>();
  const byId = new Map<string, SimIncident>();
  const all: SimIncident[] = [];
  const emails: OutgoingEmail[] = [];
  const audit: Parameters<typeof appendAuditEntries>[1] = [];
  let opened = 0;

  const idOf = await timed("story:bulk:alerts", () =>
    db.transaction(async (tx) => {
      const ids = await upsertPrepared(tx, tenant, [...batches.values()]);
      await learnPreparedHosts(tx, tenant, [...batches.values()]);
      return ids;
    }),
  );

  const reference = (i: SimIncident) => incidentReference(customer.slug, i.row.number);
  const effective = (i: SimIncident) => i.row.severityOverride ?? i.row.severity;
  const event = (
    i: SimIncident,
    actor: TimelineActor,
    e: Omit<EventRow, "customerId" | "incidentId" | "at" | keyof TimelineActor>,
  ) =>
    i.events.push({
      ...actor,
      ...e,
      customerId: tenant,
      incidentId: i.row.id,
      body: e.body ?? null,
      data: e.data ?? {},
      at: actor.at ?? new Date(),
    });

  /** `attachAlerts`: links the alerts, indexes their keys, techniques and observables, raises severity and times. */
  const attach = (i: SimIncident, list: SimAlert[], actor: TimelineActor) => {
    if (!list.length) return;
    const f = attachFacts(list);
    for (const a of list) {
      a.incidentId = i.row.id;
      a.status = "escalated";
      a.triagedAt ??= "wall";
    }
    for (const k of f.keys) i.keys.add(k);
    for (const t of f.techniques) i.techniques.add(t);
    for (const o of f.obs)
      if (!i.observables.some((x) => x.kind === o.kind && x.value === o.value))
        i.observables.push({ ...o, source: "alert" });
    const r = i.row;
    r.severity = Math.max(r.severity, f.maxSeverity);
    if (f.latest > r.latestEventTime) r.latestEventTime = f.latest;
    if (f.firstEvent < r.firstEventTime) r.firstEventTime = f.firstEvent;
    if (f.firstReceived < r.firstAlertReceivedAt) r.firstAlertReceivedAt = f.firstReceived;
    if (f.firstVendor && (!r.firstVendorCreatedAt || f.firstVendor < r.firstVendorCreatedAt))
      r.firstVendorCreatedAt = f.firstVendor;
    i.updatedAtReplayed = false;
    event(i, actor, { kind: "alert_added", visibility: "internal", body: f.body, data: f.data });
  };

  /** `recomputeIncidentClocks`: the snapshot of each clock and the one announcement of each transition. */
  const recompute = async (i: SimIncident, now: Date) => {
    const versionId = i.row.contractVersionId;
    if (!versionId) return;
    const version = versions.get(versionId);
    if (!version) return;
    const transitions = transitionsOf(
      i.events
        .filter((e) => e.kind === "status" || e.kind === "question" || e.kind === "answer")
        .sort((a, b) => a.at.getTime() - b.at.getTime())
        .map((e) => ({ at: e.at, data: e.data as Record<string, unknown> })),
    );
    const computed = computeClocks(incidentFacts(i.row, transitions), version, now);
    for (const c of computed) {
      const prev = i.clocks.get(c.metric);
      const stored: StoredClock | undefined = prev && {
        atRiskAt: prev.values.atRiskAt,
        breachedAt: prev.values.breachedAt,
        breachedAssigneeId: prev.values.breachedAssigneeId,
      };
      const { values, transition } = clockSnapshot(c, stored, {
        customerId: tenant,
        incidentId: i.row.id,
        versionId,
        assigneeId: i.row.assigneeId,
        now,
      });
      const clock: ClockRow = {
        id: prev?.id ?? crypto.randomUUID(),
        values,
        atRiskNotifiedAt: prev?.atRiskNotifiedAt ?? null,
        breachNotifiedAt: prev?.breachNotifiedAt ?? null,
      };
      i.clocks.set(c.metric, clock);
      if (!transition) continue;
      // `announce`: claimed once, one alert row, one e-mail to each SOC manager and the assignee.
      const claimed = transition === "breached" ? "breachNotifiedAt" : "atRiskNotifiedAt";
      if (clock[claimed]) continue;
      clock[claimed] = now;
      i.slaAlerts.push({ clockId: clock.id, kind: transition, metric: c.metric, dueAt: c.status.due });
      const assignee = i.row.assigneeId ? people.get(i.row.assigneeId) : undefined;
      const recipients = new Set(managers);
      if (assignee) recipients.add(assignee.email);
      emails.push(
        ...slaAlertEmails({ metric: c.metric, kind: transition, dueAt: c.status.due }, now, [...recipients], branding, {
          id: i.row.id,
          number: i.row.number,
          title: i.row.title,
          severity: effective(i),
          assigneeName: assignee?.name ?? null,
          customerName: customer.name,
          customerSlug: customer.slug,
        }),
      );
    }
    const keep = new Set(computed.map((c) => c.metric));
    for (const [metric, c] of i.clocks)
      if (!keep.has(metric)) {
        i.clocks.delete(metric);
        i.slaAlerts = i.slaAlerts.filter((a) => a.clockId !== c.id);
      }
  };

  /** `tellCustomer`: the contacts for the incident's severity are e-mailed, and the timeline says who was told. */
  const tellCustomer = async (
    ctx: TenantContext,
    before: IncidentRow,
    kind: "opened" | "update" | "question" | "action",
    message: string | null,
    statusNow?: IncidentStatus,
  ) => {
    if (!before.visibleToCustomer && kind !== "opened") return;
    const severity = before.severityOverride ?? before.severity;
    const to = await contactsFor(severity);
    const i = byId.get(before.id)!;
    emails.push(
      ...incidentUpdateEmails(
        tenant,
        customer,
        { ...before, severity, status: statusNow ?? before.status },
        kind,
        message,
        ctx.now!(),
        to,
        branding,
      ),
    );
    const recipients = to.map((c) => c.email);
    if (recipients.length)
      event(i, timelineActor(ctx), {
        kind: "notified",
        visibility: "internal",
        body: `E-mailed ${recipients.join(", ")}`,
        data: { kind, recipients },
      });
  };

  /** `change()` of the incidents service (and the portal's `customerChange`): the change, activity, clocks, audit. */
  const change = async (
    ctx: TenantContext,
    i: SimIncident,
    action: string,
    fn: (before: IncidentRow) => Promise<Record<string, unknown> | undefined>,
  ) => {
    const before = { ...i.row };
    const summary = await fn(before);
    const now = ctx.now!();
    i.row.updatedAt = now;
    i.updatedAtReplayed = true;
    await recompute(i, now);
    audit.push({
      ...actorOf(ctx),
      customerId: tenant,
      action: `incident.${action}`,
      targetType: "incident",
      targetId: i.row.id,
      summary: { reference: reference(i), ...summary },
    });
  };
  const patch = (i: SimIncident, p: Partial<IncidentRow>) => {
    Object.assign(i.row, p);
    i.updatedAtReplayed = false;
  };
  const fail = (i: SimIncident, why: string): never => {
    throw new Error(`demo seed (bulk stories): ${reference(i)}: ${why}`);
  };

  for (const step of steps) {
    const { at, story, op } = step;
    const when = new Date(at);
    if (op.op === "ingest") {
      const b = batches.get(step);
      if (!b) continue;
      // The intake: the new alert joins an open incident sharing an entity within the window (`chooseIncident`).
      const u = b.unique[0]!;
      const id = idOf.get(u.record.dedupKey)!;
      if (alerts.has(id)) throw new Error("demo seed (bulk stories): a story alert was sent twice");
      const a: SimAlert = {
        id,
        dedupKey: u.record.dedupKey,
        title: u.record.title,
        severity: u.record.severity,
        eventTime: u.record.eventTime,
        receivedAt: b.receivedAt,
        vendorCreatedAt: u.record.vendorCreatedAt,
        techniques: u.record.techniques,
        entities: u.record.entities,
        keys: u.record.keys,
        probes: u.record.probes,
        incidentId: null,
        status: "new",
        verdict: null,
        verdictReason: null,
        triagedAt: null,
      };
      alerts.set(id, a);
      const lookup = new Set([...a.keys, ...a.probes]);
      const candidates: OpenIncident[] = [];
      if (lookup.size)
        for (const i of byId.values()) {
          if (i.row.status === "closed") continue;
          const keys = [...i.keys].filter((k) => lookup.has(k));
          if (keys.length) candidates.push({ id: i.row.id, latestEventTime: i.row.latestEventTime, keys });
        }
      const target = candidates.length
        ? chooseIncident({ eventTime: a.eventTime, keys: [...lookup] }, candidates)
        : null;
      if (target) {
        const i = byId.get(target)!;
        attach(i, [a], { ...intakeActor, at: when });
        await recompute(i, when);
      } else story.ids.push(id);
      continue;
    }
    if (op.op === "escalate") {
      if (!story.ids.length) continue;
      const ctx = input.analystCtx(at, op.who);
      const ids = story.ids.splice(0);
      const rows = ids.map((x) => alerts.get(x)!);
      const top = [...rows].sort(
        (x, y) => y.severity - x.severity || x.eventTime.getTime() - y.eventTime.getTime(),
      )[0]!;
      const version = await versionInForce(db, tenant, when);
      if (version) versions.set(version.id, version);
      const auto = version ? await timed("story:bulk:auto-assign", () => pickAutoAssignee(db, version, at)) : null;
      const row: IncidentRow = {
        id: crypto.randomUUID(),
        customerId: tenant,
        number: ++nextNumber,
        title: op.title,
        summary: null,
        severity: top.severity,
        severityOverride: null,
        severityReason: null,
        status: "triage",
        resumeStatus: null,
        assigneeId: auto ?? ctx.user.id,
        visibleToCustomer: false,
        firstAlertReceivedAt: top.receivedAt,
        firstVendorCreatedAt: null,
        firstEventTime: top.eventTime,
        latestEventTime: top.eventTime,
        acknowledgedAt: null,
        customerNotifiedAt: null,
        containedAt: null,
        resolvedAt: null,
        closedAt: null,
        closeReason: null,
        contractVersionId: version?.id ?? null,
        createdBy: ctx.user.id,
        // Kept by the trigger on incident_events when the timeline is written (migration 0035).
        lastWordSide: null,
        lastWordAt: null,
        createdAt: when,
        updatedAt: when,
      };
      const i: SimIncident = {
        row,
        updatedAtReplayed: false,
        events: [],
        keys: new Set(),
        techniques: new Set(),
        observables: [],
        actions: [],
        clocks: new Map(),
        slaAlerts: [],
      };
      byId.set(row.id, i);
      all.push(i);
      const actor = timelineActor(ctx);
      event(i, actor, {
        kind: "opened",
        visibility: "internal",
        body: `Escalated from ${rows.length} alert${rows.length === 1 ? "" : "s"}`,
      });
      attach(i, rows, actor);
      await recompute(i, when);
      audit.push({
        ...actorOf(ctx),
        customerId: tenant,
        action: "incident.create",
        targetType: "incident",
        targetId: row.id,
        summary: { alertIds: ids, reference: reference(i) },
      });
      story.incidentId = row.id;
      opened++;
      continue;
    }
    const i = story.incidentId ? byId.get(story.incidentId) : undefined;
    if (!i) continue;
    switch (op.op) {
      case "attach": {
        if (!story.ids.length) break;
        const late = story.ids.splice(0).map((x) => alerts.get(x)!);
        const ctx = input.analystCtx(at, op.who);
        if (late.some((a) => a.incidentId)) fail(i, "an alert to attach is already in an incident");
        if (i.row.status !== "closed") {
          attach(i, late, timelineActor(ctx));
          audit.push({
            ...actorOf(ctx),
            customerId: tenant,
            action: "incident.attach",
            targetType: "incident",
            targetId: i.row.id,
            summary: { alertIds: late.map((a) => a.id) },
          });
        } else {
          for (const a of late)
            Object.assign(a, {
              verdict: "duplicate",
              verdictReason: LATE_DUPLICATE,
              triagedAt: when,
              status: "closed",
            });
          audit.push({
            ...actorOf(ctx),
            customerId: tenant,
            action: "alert.verdict",
            targetType: "alert",
            targetId: late.length === 1 ? late[0]!.id : null,
            summary: { verdict: "duplicate", reason: LATE_DUPLICATE, alertIds: late.map((a) => a.id) },
          });
        }
        break;
      }
      case "verdict": {
        // `setVerdict` on every alert of the incident: recorded on each, and they stay in their incident.
        const list = [...alerts.values()]
          .filter((a) => a.incidentId === i.row.id)
          .sort((x, y) => x.eventTime.getTime() - y.eventTime.getTime());
        if (!list.length) break;
        const ctx = input.analystCtx(at, op.who);
        for (const a of list) Object.assign(a, { verdict: op.verdict, verdictReason: op.reason, triagedAt: when });
        audit.push({
          ...actorOf(ctx),
          customerId: tenant,
          action: "alert.verdict",
          targetType: "alert",
          targetId: list.length === 1 ? list[0]!.id : null,
          summary: { verdict: op.verdict, reason: op.reason, alertIds: list.map((a) => a.id) },
        });
        break;
      }
      case "acknowledge": {
        const ctx = input.analystCtx(at, op.who);
        await change(ctx, i, "acknowledge", async (before) => {
          if (before.acknowledgedAt) fail(i, "already acknowledged");
          patch(i, { acknowledgedAt: when, ...(before.assigneeId ? {} : { assigneeId: ctx.user.id }) });
          event(i, timelineActor(ctx), { kind: "status", visibility: "internal", body: "Acknowledged" });
          return undefined;
        });
        break;
      }
      case "status": {
        const ctx = input.analystCtx(at, op.who);
        await change(ctx, i, "status", async (before) => {
          const from = before.status;
          const check = canTransition(from, op.to, before.resumeStatus);
          if (!check.ok) fail(i, check.reason);
          patch(i, statusPatch(before, op.to, op.note, when));
          const body = statusBody(from, op.to, op.note);
          event(i, timelineActor(ctx), {
            kind: "status",
            visibility: before.visibleToCustomer ? "customer" : "internal",
            body,
            data: { from, to: op.to },
          });
          await tellCustomer(ctx, before, "update", body, op.to);
          return { from, to: op.to };
        });
        break;
      }
      case "open": {
        const ctx = input.analystCtx(at, op.who);
        await change(ctx, i, "open_to_customer", async (before) => {
          if (before.visibleToCustomer) fail(i, "already open to the customer");
          patch(i, {
            visibleToCustomer: true,
            customerNotifiedAt: before.customerNotifiedAt ?? when,
            ...(!before.acknowledgedAt ? { acknowledgedAt: when } : {}),
          });
          event(i, timelineActor(ctx), { kind: "visibility", visibility: "customer", body: op.message });
          await tellCustomer(ctx, { ...before, visibleToCustomer: true }, "opened", op.message);
          return undefined;
        });
        break;
      }
      case "note": {
        const ctx = input.analystCtx(at, op.who);
        await change(ctx, i, "note", async () => {
          event(i, timelineActor(ctx), { kind: "note", visibility: "internal", body: op.body });
          return { visibility: "internal" };
        });
        break;
      }
      case "ask": {
        const ctx = input.analystCtx(at, op.who);
        await change(ctx, i, "ask_customer", async (before) => {
          if (!before.visibleToCustomer) fail(i, "asked before it was open to the customer");
          const check = canTransition(before.status, "waiting_on_customer", before.resumeStatus);
          if (!check.ok) fail(i, check.reason);
          const resume = before.status === "waiting_on_customer" ? before.resumeStatus : before.status;
          patch(i, { status: "waiting_on_customer", resumeStatus: resume });
          event(i, timelineActor(ctx), {
            kind: "question",
            visibility: "customer",
            body: op.question,
            data: { from: before.status, to: "waiting_on_customer" },
          });
          await tellCustomer(ctx, before, "question", op.question, "waiting_on_customer");
          return undefined;
        });
        break;
      }
      case "answer": {
        const ctx = input.customerCtx(at);
        await change(ctx, i, "answer", async (before) => {
          if (!before.visibleToCustomer || before.status !== "waiting_on_customer")
            fail(i, "answered with no open question");
          const back = before.resumeStatus ?? "investigating";
          patch(i, { status: back, resumeStatus: null });
          event(i, timelineActor(ctx), {
            kind: "answer",
            visibility: "customer",
            body: op.body,
            data: { from: "waiting_on_customer", to: back },
          });
          return undefined;
        });
        break;
      }
      case "isolate": {
        const ctx = input.analystCtx(at, op.who);
        const sorted = observablesOf(i);
        const target = isolationTarget(sorted, op.host);
        if (!target) break;
        await change(ctx, i, "action.request", async (before) => {
          if (!before.visibleToCustomer) fail(i, "an action requested before it was open to the customer");
          if (!isAllowedTarget("isolate_host", target, sorted)) fail(i, "isolation target not in the incident");
          const action: ActionRow = {
            id: crypto.randomUUID(),
            customerId: tenant,
            incidentId: i.row.id,
            kind: "isolate_host",
            target,
            reason: op.reason,
            status: "requested",
            requestedBy: ctx.user.id,
            requestedAt: when,
          };
          i.actions.push(action);
          const body = `${ACTION_LABELS.isolate_host} — ${target}: ${op.reason}`;
          event(i, timelineActor(ctx), {
            kind: "action_requested",
            visibility: "customer",
            body,
            data: { actionId: action.id, kind: "isolate_host", target },
          });
          await tellCustomer(ctx, before, "action", body);
          return { kind: "isolate_host", target };
        });
        break;
      }
      case "approve": {
        const pending = i.actions.find((x) => x.status === "requested");
        if (!pending) break;
        const ctx = input.customerCtx(at);
        await change(ctx, i, "action.approve", async (before) => {
          if (!before.visibleToCustomer) fail(i, "approved while not open to the customer");
          if (!isAllowedTarget(pending.kind, pending.target, observablesOf(i))) fail(i, "approved a foreign target");
          Object.assign(pending, {
            status: "approved",
            decidedAt: when,
            decidedBy: ctx.user.id,
            decisionNote: op.note,
          });
          event(i, timelineActor(ctx), {
            kind: "action_decided",
            visibility: "customer",
            body: `Approved: ${pending.target}${op.note ? ` — ${op.note}` : ""}`,
            data: { actionId: pending.id, status: "approved" },
          });
          return undefined;
        });
        break;
      }
      case "execute": {
        const approved = i.actions.find((x) => x.status === "approved");
        if (!approved) break;
        const ctx = input.analystCtx(at, op.who);
        await change(ctx, i, "action.execute", async (before) => {
          if (!isAllowedTarget(approved.kind, approved.target, observablesOf(i))) fail(i, "executed a foreign target");
          Object.assign(approved, { status: "executed", executedAt: when });
          const body = `${ACTION_LABELS[approved.kind]} carried out — ${approved.target}`;
          event(i, timelineActor(ctx), {
            kind: "action_decided",
            visibility: "customer",
            body,
            data: { actionId: approved.id, status: "executed" },
          });
          await tellCustomer(ctx, before, "update", body);
          return { actionId: approved.id };
        });
        break;
      }
    }
  }

  // The writes, set-based, in one transaction.
  // A message's text does not name its recipient: each update and announcement is rendered once for all of them.
  const renders = new Map<string, ReturnType<typeof renderEmail>>();
  const rendered = await timed("story:bulk:render-emails", async () => {
    const rows: Awaited<ReturnType<typeof outboxRow>>[] = [];
    for (const e of emails) {
      const key = `${e.template}\u0000${JSON.stringify(e.element.props)}`;
      if (!renders.has(key)) renders.set(key, renderEmail(e.element));
      rows.push(await outboxRow(e, renders.get(key)));
    }
    return rows;
  });
  await timed("story:bulk:write", () => writeAll());
  return { alerts: sent.length, incidents: opened };

  async function writeAll() {
    await db.transaction(async (tx) => {
      await insertChunks(
        tx,
        incidents,
        all.map((i) => {
          const { updatedAt, ...row } = i.row;
          return i.updatedAtReplayed ? { ...row, updatedAt } : row;
        }),
      );
      const touched = [...alerts.values()].filter((a) => a.status !== "new");
      for (let k = 0; k < touched.length; k += CHUNK) {
        const part = touched.slice(k, k + CHUNK).map((a) => ({
          id: a.id,
          incident_id: a.incidentId,
          status: a.status,
          verdict: a.verdict,
          reason: a.verdictReason,
          at: a.triagedAt === "wall" ? null : a.triagedAt,
          wall: a.triagedAt === "wall",
        }));
        await tx.execute(sql`
        update alerts a set incident_id = x.incident_id, status = x.status, verdict = x.verdict,
          verdict_reason = x.reason, triaged_at = case when x.wall then now() else x.at end
        from jsonb_to_recordset(${JSON.stringify(part)}::text::jsonb)
          as x(id uuid, incident_id uuid, status text, verdict text, reason text, at timestamptz, wall boolean)
        where a.customer_id = ${tenant}::uuid and a.id = x.id`);
      }
      await insertChunks(
        tx,
        incidentEvents,
        all.flatMap((i) => i.events),
      );
      await insertChunks(
        tx,
        incidentEntities,
        all.flatMap((i) => [...i.keys].map((key) => ({ customerId: tenant, incidentId: i.row.id, key }))),
      );
      await insertChunks(
        tx,
        incidentTechniques,
        all.flatMap((i) =>
          [...i.techniques].map((techniqueId) => ({
            customerId: tenant,
            incidentId: i.row.id,
            techniqueId,
            source: "alert" as const,
          })),
        ),
      );
      await insertChunks(
        tx,
        observables,
        all.flatMap((i) => i.observables.map((o) => ({ ...o, customerId: tenant, incidentId: i.row.id }))),
      );
      await insertChunks(
        tx,
        responseActions,
        all.flatMap((i) => i.actions),
      );
      const clocks = all.flatMap((i) =>
        [...i.clocks.values()].map((c) => ({
          id: c.id,
          ...c.values,
          atRiskNotifiedAt: c.atRiskNotifiedAt,
          breachNotifiedAt: c.breachNotifiedAt,
        })),
      );
      await insertChunks(tx, slaClocks, clocks);
      await insertChunks(
        tx,
        slaAlerts,
        all.flatMap((i) => i.slaAlerts.map((a) => ({ ...a, customerId: tenant, incidentId: i.row.id }))),
      );
      for (let k = 0; k < rendered.length; k += 50) await tx.insert(emailOutbox).values(rendered.slice(k, k + 50));
      for (let k = 0; k < clocks.length; k += CHUNK)
        await markMonthsDirty(
          tx,
          clocks.slice(k, k + CHUNK).map((c) => c.id),
        );
      await appendAuditEntries(tx, audit);
      await markFactsChanged(tx, tenant);
    });
  }
}

/** An incident's observables as `listObservables` reads them (by kind, then value). */
const observablesOf = (i: SimIncident) =>
  [...i.observables].sort((a, b) =>
    a.kind === b.kind ? (a.value < b.value ? -1 : a.value > b.value ? 1 : 0) : a.kind < b.kind ? -1 : 1,
  );

async function insertChunks<T extends Parameters<DbOrTx["insert"]>[0]>(
  tx: DbOrTx,
  table: T,
  rows: T["$inferInsert"][],
) {
  for (let k = 0; k < rows.length; k += CHUNK) await tx.insert(table).values(rows.slice(k, k + CHUNK));
}
