/**
 * Three months of service history for every demo customer, made by the real code: alerts go through the intake
 * (normalise, dedup, correlate), analysts act through the services, the customer answers through the portal service.
 * A replay clock (`ctx.now`) dates each fact when it would have happened. Deterministic for a given `now`.
 */
import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { user } from "@/db/schema";
import {
  acknowledgeAlerts,
  attachToIncident,
  escalate,
  makeAlertPartitions,
  setVerdict,
} from "@/server/alerts/service";
import { env } from "@/server/env";
import * as portal from "@/server/incidents/portal/service";
import * as inc from "@/server/incidents/service";
import { authenticate, type IntakeAuth, ingestItems } from "@/server/ingest/service";
import { FORMAT_DEFAULTS } from "@/server/sensors/schema";
import { createSensor } from "@/server/sensors/service";
import {
  type ActorContext,
  mintTenantId,
  type StaffContext,
  systemContext,
  type TenantContext,
  type TenantId,
} from "@/server/tenancy/tenant";
import { type BulkBatch, writeBulkAlerts } from "./bulk";
import { writeBulkStories } from "./bulk-stories";
import * as data from "./data";
import { between, detectionsFor, makeHosts, makeUsers, pick, type Rng, render, rng, signalFrom } from "./generate";
import { lastBeatOf, seedHeartbeats } from "./heartbeats";
import { storyPlanner } from "./plan";
import { profileLines, timed } from "./profile";
import { isolationTarget, LATE_DUPLICATE, type Staff, type StoryStep } from "./story";

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
/**
 * How far back the story starts: the 1st of the month three months before `now` (so the last three whole months
 * each have a full month of history for their reports), 89 to 123 days.
 */
export function historyDays(now: number): number {
  const d = new Date(now);
  const start = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 3, 1);
  return Math.floor((now - start) / DAY);
}

/** Days of routine alerts sent through the intake and triaged through the alerts service, one call at a time. */
export const LIVE_DAYS = 4;
/** Days of incident stories replayed through the services one call at a time; older stories are written in bulk. */
export const RECENT_STORY_DAYS = 7;
/** Steps in time order; steps at the same instant keep the order they were planned in. */
const sortSteps = <T extends { at: number }>(xs: T[]) => xs.sort((x, y) => x.at - y.at);
const REASONS = {
  benign: "Expected admin activity, confirmed with the change calendar",
  false_positive: "Signature matched a known-good tool",
  duplicate: "Same activity as an earlier alert",
} as const;

type Step = { at: number; kind?: string; run: () => Promise<unknown> };

export async function seedHistory(
  db: Db,
  log: (s: string) => void,
  nowDate = new Date(),
  /** Only these customers' history (tests); all by default. */
  only?: string[],
  /** Stories of the last this many days go through the services, older ones in bulk (tests compare both ways). */
  recentStoryDays = RECENT_STORY_DAYS,
) {
  const now = nowDate.getTime();
  // The months the history spans get their alert partitions first (migration 0032 made only this month onwards).
  await makeAlertPartitions(db, new Date(now - historyDays(now) * DAY), nowDate);
  const staff = await loadStaff(db);
  const analysts = staff.filter((s) => s.role === "analyst");
  let totals = { alerts: 0, incidents: 0 };
  for (const c of data.customers.filter((x) => !only || only.includes(x.slug))) {
    const started = Date.now();
    const r = rng(c.slug);
    const row = await db.query.customers.findFirst({ where: (t, { eq: e }) => e(t.slug, c.slug) });
    if (!row) continue;
    const tenant = mintTenantId(row.id);
    const auths = await createSensors(db, tenant, c.sensors, now, r);
    const hosts = makeHosts(r, c.hostPrefix, c.dnsDomain, 24);
    const users = makeUsers(r, 18);
    const adminUser = await db.query.user.findFirst({
      where: (t, { eq: e }) => e(t.email, c.users.find((u) => u.role === "admin")!.email),
    });
    const steps: Step[] = [];
    const bulk: BulkBatch[] = [];
    // Routine alerts older than this go in bulk; everything after it, and every incident, through the services.
    const liveFrom = now - LIVE_DAYS * DAY;
    const counts = { alerts: 0, incidents: 0 };

    const bulkStories: StoryStep[] = [];
    // The stories draw from their own random source: the routine alerts' share does not move them.
    const rs = rng(`${c.slug}:stories`);
    const stories = storyPlanner(rs, c.threatLevel);
    const liveStories: StoryStep[] = [];
    const analystCtx = (at: number, who = pick(r, analysts)): TenantContext & StaffContext => ({
      db,
      tenant,
      actor: { side: "staff", role: who.role },
      user: { id: who.id, name: who.name, email: who.email },
      system: "demo seed",
      now: () => new Date(at),
    });
    const customerCtx = (at: number): TenantContext => ({
      db,
      tenant,
      actor: { side: "customer", role: "admin" },
      user: { id: adminUser!.id, name: adminUser!.name, email: adminUser!.email },
      system: "demo seed",
      now: () => new Date(at),
    });
    // One sensor goes quiet about three hours before now (a finding for the coverage views).
    const quietFrom = now - 3 * HOUR - 17 * MIN;
    const quiet = (a: IntakeAuth, at: number) => {
      const i = auths.indexOf(a);
      const silentFrom = i >= 0 ? lastBeatOf(c.sensors[i]!, now) : null;
      if (silentFrom !== null && at >= silentFrom) return true;
      return c.slug === "halvorsen" && a.sourceFormat === "zeek" && at >= quietFrom;
    };
    const ingest = async (a: IntakeAuth, payloads: Record<string, unknown>[], at: number) => {
      if (quiet(a, at)) return [];
      counts.alerts += payloads.length;
      return ingestItems(
        db,
        a,
        payloads.map((value) => ({ ok: true as const, value })),
        new Date(at),
      );
    };

    for (let day = historyDays(now); day >= 0; day--) {
      const dayStart = now - day * DAY - (now % DAY);
      // Noise: low and medium alerts, mostly closed as benign or false positive by an analyst. Each sensor's day is
      // sent in a few batches (as collectors do), and triaged in one sitting.
      for (const a of auths) {
        const dets = detectionsFor(a.sourceFormat).filter((d) => d.severity <= 3);
        const signals = Array.from({ length: between(r, 1, 4) }, () => {
          const at = dayStart + between(r, 6 * 60, 22 * 60) * MIN;
          return signalFrom(r, pick(r, dets), new Date(at), pick(r, hosts), pick(r, users), c.dnsDomain);
        })
          .filter((x) => x.time.getTime() < now - 5 * MIN)
          .sort((x, y) => x.time.getTime() - y.time.getTime());
        if (!signals.length) continue;
        const last = signals[signals.length - 1]!.time.getTime();
        const sendAt = Math.min(last + between(r, 5, 90) * 1000, now - MIN);
        const payloads = () => signals.map((x) => render(a.sourceFormat, x, c.adDomain));
        if (sendAt < liveFrom) {
          // The long tail: sent, and closed by an analyst within hours, written in bulk (see bulk.ts).
          const triageAt = sendAt + between(r, 10, 240) * MIN;
          const verdict = r() < 0.6 ? "benign" : r() < 0.8 ? "false_positive" : "duplicate";
          if (!quiet(a, sendAt)) {
            const who = pick(r, analysts);
            bulk.push({
              auth: a,
              sendAt,
              payloads: payloads(),
              triage: { at: triageAt, verdict, reason: REASONS[verdict], by: who },
            });
          }
          continue;
        }
        const ids: string[] = [];
        steps.push({
          at: sendAt,
          kind: "noise:ingest",
          run: async () => {
            const res = await ingest(a, payloads(), sendAt);
            for (const x of res) if ("alertId" in x && x.status === "created") ids.push(x.alertId);
          },
        });
        const ageDays = (now - sendAt) / DAY;
        if (ageDays >= 2 && (r() > 0.05 || ageDays >= 3)) {
          // Older alerts were triaged; the last two days (and a few stragglers of the day before) wait in the queue.
          // Nothing older than three days is left untriaged: a working SOC does not keep months-old "New" alerts.
          const triageAt = sendAt + between(r, 10, 240) * MIN;
          const verdict = r() < 0.6 ? "benign" : r() < 0.8 ? "false_positive" : "duplicate";
          const reason = REASONS[verdict];
          steps.push({
            at: triageAt,
            kind: "noise:verdict",
            run: async () => ids.length && setVerdict(analystCtx(triageAt), ids, verdict, reason),
          });
        } else if (r() < 0.35) {
          const ackAt = sendAt + 20 * MIN;
          steps.push({
            at: ackAt,
            kind: "noise:ack",
            run: async () => ids.length && acknowledgeAlerts(analystCtx(ackAt), ids),
          });
        }
      }
      // Stories: real attacks (and the odd false alarm) worked as incidents, as often and as serious as the customer's
      // threat level has them (plan.ts). Stories older than `recentStoryDays` are written in bulk (bulk-stories.ts),
      // the recent ones go through the services.
      const into = day > recentStoryDays ? bulkStories : liveStories;
      stories.day(into, { now, dayStart, auths, hosts, users, c, analyst: () => pick(rs, analysts) }, day);
    }
    counts.alerts += await timed("noise:bulk", () => writeBulkAlerts(db, tenant, bulk));
    const older = await timed("story:bulk", () =>
      writeBulkStories(db, tenant, {
        customer: { name: c.name, slug: c.slug },
        steps: sortSteps(bulkStories).filter((x) => x.at <= now),
        sends: (a, at) => !quiet(a, at),
        analystCtx,
        customerCtx,
      }),
    );
    counts.alerts += older.alerts;
    counts.incidents += older.incidents;
    const live: LiveEnv = { ingest, analystCtx, customerCtx, counts };
    for (const x of liveStories) steps.push({ at: x.at, kind: x.kind, run: () => runStoryStep(live, x) });
    steps.sort((x, y) => x.at - y.at);
    for (const s of steps) if (s.at <= now) await timed(s.kind ?? "other", s.run);
    await timed("heartbeats", () =>
      seedHeartbeats(db, c.sensors, auths, now, (a) =>
        c.slug === "halvorsen" && a.sourceFormat === "zeek" ? quietFrom - 20 * MIN : null,
      ),
    );
    if (c.slug === "mueller-energie") {
      const zeek = auths.find((a) => a.sourceFormat === "zeek");
      if (zeek) {
        const at = now - 25 * MIN;
        const loss = {
          ts: at / 1000,
          note: "CaptureLoss::Too_Much_Loss",
          msg: "The capture loss on the OT tap was 7.3% over the last 15 minutes.",
          peer_descr: "zeek-ot-1",
        };
        await ingestItems(db, zeek, [{ ok: true, value: loss }], new Date(at));
      }
    }
    totals = { alerts: totals.alerts + counts.alerts, incidents: totals.incidents + counts.incidents };
    log(
      `History: ${c.name}: ${counts.alerts} alerts, ${counts.incidents} incidents (${((Date.now() - started) / 1000).toFixed(1)} s)`,
    );
    if (env.SEED_PROFILE) for (const l of profileLines()) log(`profile so far ${l}`);
  }
  return totals;
}

type LiveEnv = {
  ingest: (a: IntakeAuth, p: Record<string, unknown>[], at: number) => Promise<Awaited<ReturnType<typeof ingestItems>>>;
  analystCtx: (at: number, who: Staff) => TenantContext & StaffContext;
  customerCtx: (at: number) => TenantContext;
  counts: { alerts: number; incidents: number };
};

/** One step of a story through the real services (the recent slice of the history). */
async function runStoryStep(e: LiveEnv, { at, story, op }: StoryStep) {
  if (op.op === "ingest") {
    const res = await e.ingest(op.auth, [op.payload], at);
    for (const x of res) if ("alertId" in x && !x.incidentId) story.ids.push(x.alertId);
    return;
  }
  if (op.op === "escalate") {
    if (!story.ids.length) return;
    const out = await escalate(e.analystCtx(at, op.who), story.ids.splice(0), op.title);
    story.incidentId = out.incidentId;
    e.counts.incidents++;
    return;
  }
  const id = story.incidentId;
  if (!id) return;
  switch (op.op) {
    case "attach": {
      if (!story.ids.length) return;
      const late = story.ids.splice(0);
      const ctx = e.analystCtx(at, op.who);
      const detail = await inc.getIncident(ctx, id);
      if (detail.incident.status !== "closed") await attachToIncident(ctx, late, id);
      else await setVerdict(ctx, late, "duplicate", LATE_DUPLICATE);
      return;
    }
    case "acknowledge":
      return inc.acknowledge(e.analystCtx(at, op.who), id);
    case "status":
      return inc.setStatus(e.analystCtx(at, op.who), id, op.to, op.note);
    case "verdict": {
      // Every alert of the incident as it stands (correlation may have joined others to the story's own).
      const ctx = e.analystCtx(at, op.who);
      const ids = (await inc.getIncident(ctx, id)).alerts.map((a) => a.id);
      if (ids.length) await setVerdict(ctx, ids, op.verdict, op.reason);
      return;
    }
    case "open":
      return inc.openToCustomer(e.analystCtx(at, op.who), id, op.message);
    case "note":
      return inc.addNote(e.analystCtx(at, op.who), id, op.body, "internal");
    case "ask":
      return inc.askCustomer(e.analystCtx(at, op.who), id, op.question);
    case "answer":
      return portal.answer(e.customerCtx(at), id, op.body);
    case "isolate": {
      // The isolation names a host of the incident's own alerts, as the console offers them (correlation may have put
      // the story's alerts under another name or another incident).
      const ctx = e.analystCtx(at, op.who);
      const detail = await inc.getIncident(ctx, id);
      const target = isolationTarget(detail.observables, op.host);
      if (!target) return;
      return inc.requestAction(ctx, id, { kind: "isolate_host", target, reason: op.reason });
    }
    case "approve": {
      const detail = await inc.getIncident(e.analystCtx(at, op.who), id);
      const pending = detail.actions.find((x) => x.status === "requested");
      if (pending) await portal.decideAction(e.customerCtx(at), id, pending.id, "approved", op.note);
      return;
    }
    case "execute": {
      const ctx = e.analystCtx(at, op.who);
      const detail = await inc.getIncident(ctx, id);
      const approved = detail.actions.find((x) => x.status === "approved");
      if (approved) await inc.markActionExecuted(ctx, id, approved.id);
      return;
    }
  }
}

async function loadStaff(db: Db): Promise<Staff[]> {
  const out: Staff[] = [];
  for (const s of data.staff) {
    const [u] = await db.select().from(user).where(eq(user.email, s.email));
    if (u) out.push({ id: u.id, name: u.name, email: u.email, role: s.role });
  }
  return out;
}

async function createSensors(
  db: Db,
  tenant: TenantId,
  sensors: (typeof data.customers)[number]["sensors"],
  now: number,
  r: Rng,
) {
  const ctx: TenantContext = {
    ...systemContext(db, "demo seed"),
    tenant,
    now: () => new Date(now - (historyDays(now) + 1) * DAY),
  };
  const auths: IntakeAuth[] = [];
  for (const s of sensors) {
    const d = FORMAT_DEFAULTS[s.format];
    const { apiKey } = await createSensor(ctx, {
      name: s.name,
      site: s.site,
      sourceFormat: s.format,
      ...d,
      sensorClass: s.sensorClass ?? d.sensorClass,
      providesClasses: s.provides ?? [],
    });
    auths.push(await authenticate(db, `Bearer ${apiKey}`, s.format));
  }
  void r;
  return auths;
}

export type { ActorContext };
