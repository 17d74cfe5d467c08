/**
 * One incident's story from its alerts, played with the services' own pure code: escalated by an analyst a few
 * minutes after the first alert, later alerts joined by correlation (`attachFacts`), then either closed in triage as a
 * false alarm or taken through the lifecycle (`statusPatch`, `statusBody`: investigating, sometimes waiting on the
 * customer, contained, eradicated, recovered, closed), shared with the customer and their contacts e-mailed, an
 * isolation asked and approved. Whatever lies after `now` has not happened yet, so recent incidents are open in every
 * state. The SLA clocks are `computeClocks` + `clockSnapshot` over those facts, as the services store them.
 */
import type { IncidentStatus } from "@/db/schema/incidents";
import type { Rng } from "@/db/seed/generate";
import { statusBody, statusPatch } from "@/server/incidents/lifecycle";
import { attachFacts } from "@/server/incidents/queries";
import { isAllowedTarget } from "@/server/incidents/targets";
import { slaSeverity, type Terms, transitionsOf } from "@/server/sla/compute";
import type { MadeAlert } from "./alerts";
import { writeClocks } from "./clocks";

export { INCIDENT_COLUMNS } from "./columns";

import { json, NULL, num, ts, txt } from "./copy";
import { HOUR, MINUTE } from "./plan";
import { logNormal, uuid } from "./random";

export type Out = Record<
  "incidents" | "events" | "entities" | "techniques" | "observables" | "clocks" | "slaAlerts" | "actions",
  { row: (f: string[]) => Promise<void> | undefined }
>;

type Person = { id: string; name: string };
export type StoryInput = {
  r: Rng;
  now: number;
  customerId: string;
  number: number;
  /** The incident's alerts in arrival order: those before the escalation are escalated, the rest join later. */
  alerts: MadeAlert[];
  version: { id: string; terms: Terms; allowedActions: readonly string[] };
  analyst: Person;
  customerAdmin: Person;
  contacts: string[];
};

type Ev = {
  at: number;
  kind: string;
  vis: "internal" | "customer";
  who: Person | "system" | "customer";
  body: string | null;
  data: Record<string, unknown>;
};

const at = (x: number) => new Date(x);

/** Writes the incident and everything it left behind; returns the escalation instant (the alerts' triage time). */
export async function writeIncident(
  out: Out,
  s: StoryInput,
): Promise<{ id: string; escalatedAt: number; open: boolean }> {
  const { r, now } = s;
  const id = uuid(r);
  const first = s.alerts[0]!.attach;
  const firstReceived = first.receivedAt.getTime();
  const received = s.alerts.map((a) => a.attach.receivedAt.getTime());
  const lastReceived = received.at(-1)!;
  const escalatedAt = Math.min(now - 1000, firstReceived + 1000 + Math.floor(logNormal(r, 6 * MINUTE, 0.7)));
  const count = Math.max(1, received.filter((t) => t <= escalatedAt).length);
  const initial = attachFacts(s.alerts.slice(0, count).map((a) => a.attach));
  const all = attachFacts(s.alerts.map((a) => a.attach));
  const severity = all.maxSeverity;
  const sla = slaSeverity(severity);
  const target = (m: "acknowledge" | "notify" | "contain" | "resolve", fallback: number) =>
    (sla ? s.version.terms.slaTargets[sla][m] : null) ?? fallback;
  const falseAlarm = r() < (severity >= 4 ? 0.15 : 0.45);
  const visible = r() < (falseAlarm ? 0.1 : severity >= 4 ? 0.95 : severity === 3 ? 0.7 : 0.3);
  const ack = Math.max(
    escalatedAt + 30_000,
    firstReceived + Math.floor(logNormal(r, 0.35 * target("acknowledge", 60) * MINUTE, 0.9)),
  );

  const events: Ev[] = [
    {
      at: escalatedAt,
      kind: "opened",
      vis: "internal",
      who: s.analyst,
      body: `Escalated from ${count} alert${count === 1 ? "" : "s"}`,
      data: {},
    },
    { at: escalatedAt, kind: "alert_added", vis: "internal", who: s.analyst, body: initial.body, data: initial.data },
    {
      at: escalatedAt,
      kind: "assigned",
      vis: "internal",
      who: s.analyst,
      body: "Assigned",
      data: { from: null, to: s.analyst.id },
    },
  ];
  for (const a of s.alerts.slice(count)) {
    const f = attachFacts([a.attach]);
    events.push({
      at: a.attach.receivedAt.getTime(),
      kind: "alert_added",
      vis: "internal",
      who: "system",
      body: f.body,
      data: f.data,
    });
  }
  // The lifecycle: each step's instant; the contract's targets set the pace (most met, some not).
  const steps: { at: number; to: IncidentStatus; note?: string; kind?: "question" | "answer"; body?: string }[] = [];
  let notifyAt: number | null = null;
  let action: { requested: number; decided: number; executed: number } | null = null;
  if (falseAlarm)
    steps.push({ at: ack + Math.floor(logNormal(r, 40 * MINUTE, 1)), to: "closed", note: "False positive" });
  else {
    steps.push({ at: ack, to: "investigating" });
    if (visible) notifyAt = ack + Math.floor(logNormal(r, 0.3 * target("notify", 120) * MINUTE, 0.8));
    let t = ack + Math.floor(logNormal(r, 0.35 * target("contain", 240) * MINUTE, 0.8));
    if (visible && r() < 0.2) {
      const ask = Math.max(notifyAt! + MINUTE, ack + Math.floor(logNormal(r, 45 * MINUTE, 0.8)));
      const answer = ask + Math.floor(r() < 0.03 ? logNormal(r, 40 * 24 * HOUR, 0.5) : logNormal(r, 6 * HOUR, 1));
      steps.push({
        at: ask,
        to: "waiting_on_customer",
        kind: "question",
        body: "Is this host's activity expected? Please confirm who ran it.",
      });
      steps.push({
        at: answer,
        to: "investigating",
        kind: "answer",
        body: "Not expected: please go ahead and contain it.",
      });
      t = Math.max(t, answer + Math.floor(logNormal(r, 40 * MINUTE, 0.8)));
    }
    if (severity >= 4 && s.version.allowedActions.includes("isolate_host") && visible && r() < 0.4)
      action = {
        requested: t - 25 * MINUTE,
        decided: t - 25 * MINUTE + Math.floor(logNormal(r, 12 * MINUTE, 0.6)),
        executed: t,
      };
    steps.push({ at: t, to: "contained" });
    t += Math.floor(logNormal(r, 6 * HOUR, 0.8));
    steps.push({ at: t, to: "eradicated" });
    t += Math.floor(logNormal(r, 10 * HOUR, 0.8));
    steps.push({ at: t, to: "recovered" });
    t += Math.floor(r() < 0.01 ? logNormal(r, 60 * 24 * HOUR, 0.4) : logNormal(r, 20 * HOUR, 0.8));
    steps.push({ at: t, to: "closed", note: "Resolved" });
  }
  // Nothing closes before the incident's last alert arrived.
  let floor = lastReceived + MINUTE;
  for (const st of steps) st.at = floor = Math.max(st.at, floor);
  if (notifyAt !== null && notifyAt <= now) {
    events.push({
      at: notifyAt,
      kind: "visibility",
      vis: "customer",
      who: s.analyst,
      body: "We are investigating suspicious activity and will keep you posted.",
      data: {},
    });
    events.push({
      at: notifyAt,
      kind: "notified",
      vis: "internal",
      who: s.analyst,
      body: `E-mailed ${s.contacts.join(", ")}`,
      data: { kind: "opened", recipients: s.contacts },
    });
  }
  // Milestones through the services' own patch, in order; steps after now have not happened.
  const inc = {
    acknowledgedAt: null as Date | null,
    containedAt: null as Date | null,
    resolvedAt: null as Date | null,
    closedAt: null as Date | null,
    closeReason: null as string | null,
  };
  let status: IncidentStatus = "triage";
  let resume: IncidentStatus | null = null;
  let updatedAt = escalatedAt;
  for (const st of steps.filter((x) => x.at <= now)) {
    const from = status;
    const patch = statusPatch(inc, st.to, st.note, at(st.at));
    if (st.kind !== "question" && st.kind !== "answer") Object.assign(inc, patch);
    else if (!inc.acknowledgedAt) inc.acknowledgedAt = at(st.at);
    resume = st.to === "waiting_on_customer" ? from : null;
    status = st.to;
    updatedAt = st.at;
    const vis = visible && (notifyAt ?? Infinity) <= st.at ? "customer" : "internal";
    if (st.kind === "question")
      events.push({
        at: st.at,
        kind: "question",
        vis: "customer",
        who: s.analyst,
        body: st.body!,
        data: { from, to: st.to },
      });
    else if (st.kind === "answer")
      events.push({
        at: st.at,
        kind: "answer",
        vis: "customer",
        who: "customer",
        body: st.body!,
        data: { from, to: st.to },
      });
    else
      events.push({
        at: st.at,
        kind: "status",
        vis,
        who: s.analyst,
        body: statusBody(from, st.to, st.note),
        data: { from, to: st.to },
      });
  }
  const obs = dedupe(all.obs);
  const hostObs = obs.filter((o) => o.kind === "host");
  if (action && action.requested <= now && hostObs.length) {
    const target = hostObs[0]!.value;
    if (
      !isAllowedTarget(
        "isolate_host",
        target,
        hostObs.map((o) => ({ ...o, source: "alert" as const })),
      )
    )
      throw new Error("scale: isolation target not among the incident's hosts");
    const decided = action.decided <= now;
    const executed = decided && action.executed <= now;
    events.push({
      at: action.requested,
      kind: "action_requested",
      vis: "customer",
      who: s.analyst,
      body: `Isolate host ${target}`,
      data: {},
    });
    if (decided)
      events.push({
        at: action.decided,
        kind: "action_decided",
        vis: "customer",
        who: "customer",
        body: "Approved",
        data: { status: "approved" },
      });
    await out.actions.row([
      uuid(r),
      s.customerId,
      id,
      "isolate_host",
      txt(target),
      "Active compromise: stop lateral movement",
      executed ? "executed" : decided ? "approved" : "requested",
      s.analyst.id,
      ts(action.requested),
      decided ? s.customerAdmin.id : NULL,
      decided ? ts(action.decided) : NULL,
      NULL,
      executed ? ts(action.executed) : NULL,
    ]);
  }
  if (!falseAlarm && r() < 0.5 && ack + 20 * MINUTE <= now)
    events.push({
      at: ack + 20 * MINUTE,
      kind: "note",
      vis: "internal",
      who: s.analyst,
      body: "Process tree reviewed; no further hosts involved so far.",
      data: {},
    });
  events.sort((a, b) => a.at - b.at);

  const customerNotifiedAt = notifyAt !== null && notifyAt <= now ? notifyAt : null;
  const transitions = transitionsOf(events.map((e) => ({ at: at(e.at), data: e.data })));
  const facts = {
    severity,
    firstAlertReceivedAt: first.receivedAt,
    firstVendorCreatedAt: all.firstVendor,
    acknowledgedAt: inc.acknowledgedAt,
    customerNotifiedAt: customerNotifiedAt === null ? null : at(customerNotifiedAt),
    containedAt: inc.containedAt,
    resolvedAt: inc.resolvedAt,
    transitions,
  };
  await writeClocks(out, r, {
    facts,
    terms: s.version.terms,
    customerId: s.customerId,
    incidentId: id,
    versionId: s.version.id,
    assigneeId: s.analyst.id,
    now,
  });

  const title = s.alerts[0]!.attach.title;
  const closedAt = inc.closedAt?.getTime() ?? null;
  await out.incidents.row([
    id,
    s.customerId,
    String(s.number),
    txt(title),
    txt(
      closedAt && !falseAlarm
        ? `Contained and resolved: ${title.toLowerCase()} on ${hostObs[0]?.value ?? "one host"}.`
        : null,
    ),
    String(severity),
    status,
    resume ?? NULL,
    s.analyst.id,
    num(customerNotifiedAt !== null),
    ts(first.receivedAt),
    ts(all.firstVendor),
    ts(all.firstEvent),
    ts(all.latest),
    ts(inc.acknowledgedAt),
    ts(customerNotifiedAt),
    ts(inc.containedAt),
    ts(inc.resolvedAt),
    ts(inc.closedAt),
    txt(inc.closeReason),
    s.version.id,
    s.analyst.id,
    ts(escalatedAt),
    ts(updatedAt),
  ]);
  for (const e of events) {
    const person = e.who === "system" ? null : e.who === "customer" ? s.customerAdmin : e.who;
    await out.events.row([
      uuid(r),
      s.customerId,
      id,
      ts(e.at),
      e.kind,
      e.vis,
      person ? "user" : "system",
      person?.id ?? NULL,
      txt(person?.name ?? "Correlation"),
      e.who === "customer" ? "customer" : person ? "staff" : "system",
      txt(e.body),
      json(e.data),
    ]);
  }
  for (const k of all.keys) await out.entities.row([s.customerId, id, txt(k)]);
  for (const t of all.techniques) await out.techniques.row([s.customerId, id, t, "alert", ts(escalatedAt)]);
  for (const o of obs)
    await out.observables.row([uuid(r), s.customerId, id, o.kind, txt(o.value), "alert", "f", ts(escalatedAt)]);
  return { id, escalatedAt, open: status !== "closed" };
}

function dedupe<T extends { kind: string; value: string }>(xs: T[]): T[] {
  const seen = new Set<string>();
  return xs.filter((x) => {
    const k = `${x.kind}\u0000${x.value}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
