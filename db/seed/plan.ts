/**
 * The demo's incident stories, planned: on which days an attack starts, how serious it is, and what the analysts and
 * the customer do about it, step by step. Pure (a random source and the customer in, steps out): history.ts replays the
 * recent steps through the services and bulk-stories.ts writes the older ones in bulk.
 */
import type { IntakeAuth } from "@/server/ingest/auth";
import { between, type Detection, detectionsFor, type Host, pick, type Rng, render, signalFrom } from "./generate";
import type { FalseAlarmVerdict, Staff, Story, StoryOp, StoryStep } from "./story";

const MIN = 60_000;
const HOUR = 60 * MIN;

/** How much attackers go after a customer: what its stories are made of (its posture score's threats driver follows). */
export type ThreatLevel = "quiet" | "steady" | "elevated" | "targeted";
/** A story stopped early in a state the demo shows: started today, yesterday, two days ago. */
export type Variant = "investigating" | "waiting" | "contained";

export type ThreatProfile = {
  /** Share of days an attack starts on (besides the 9th and 21st of each month, which always have one). */
  perDay: number;
  /** Days before today that always have one, so the recent slice shows closed work. */
  recentDays: number[];
  /** The stories still being worked today. */
  ongoing: Variant[];
  /**
   * Share of real attacks that lead with a high or critical detection; the rest are medium or low (a scan, adware, a
   * persistence attempt caught early).
   */
  serious: number;
  /** Share of the serious ones that lead with a critical detection. */
  critical: number;
  /** The one under investigation leads with a critical detection. */
  criticalUnderInvestigation: boolean;
};

/** The ongoing stories by the day they started (days before today). */
const ALL_ONGOING: Variant[] = ["investigating", "waiting", "contained"];

export const THREAT_PROFILES: Record<ThreatLevel, ThreatProfile> = {
  // Few attackers look: three or four incidents a month, mostly commodity, and only the latest still open.
  quiet: {
    perDay: 0.03,
    recentDays: [],
    ongoing: ["contained"],
    serious: 0.1,
    critical: 0,
    criticalUnderInvestigation: false,
  },
  // About two incidents a week, one in five of them serious.
  steady: {
    perDay: 0.07,
    recentDays: [3, 12],
    ongoing: ALL_ONGOING,
    serious: 0.2,
    critical: 0.2,
    criticalUnderInvestigation: false,
  },
  // Attacked most weeks, half of it in earnest.
  elevated: {
    perDay: 0.1,
    recentDays: [3, 6, 12],
    ongoing: ALL_ONGOING,
    serious: 0.45,
    critical: 0.2,
    criticalUnderInvestigation: false,
  },
  // Sought out: several incidents a week, most of them serious.
  targeted: {
    perDay: 0.18,
    recentDays: [1, 3, 6, 12],
    ongoing: ALL_ONGOING,
    serious: 0.8,
    critical: 0.5,
    criticalUnderInvestigation: true,
  },
};

/**
 * True `share` of the calls, spread evenly from a random phase (with `jitter`, each gap varies by up to ±50 %): a
 * month's mix is then the customer's rather than the luck of the draw.
 */
export function spread(r: Rng, share: number, jitter = false) {
  let owed = r();
  return () => {
    owed += share * (jitter ? 0.5 + r() : 1);
    if (owed < 1) return false;
    owed -= 1;
    return true;
  };
}

/** Share of stories that turn out to be no attack: an authorised penetration test, or a known-good tool. */
export const FALSE_ALARM = 0.15;
export const PEN_TEST = "Authorised penetration test; confirmed with the customer's IT lead.";
export const KNOWN_GOOD = "False positive: a known-good tool the customer runs; confirmed with their IT team.";

export type StoryEnv = {
  now: number;
  dayStart: number;
  auths: IntakeAuth[];
  hosts: Host[];
  users: string[];
  c: { adDomain: string; dnsDomain: string };
  /** The analyst who takes a step (picked when the story is planned, so a story is the same however it is written). */
  analyst: () => Staff;
  /** Only escalated so far: nobody has acknowledged it yet. */
  fresh?: boolean;
  /** Stop the story early in a given state (the demo needs every state). */
  variant?: Variant;
};

/**
 * A customer's story planner: `day` plans the stories that start on one day of the history, `days` before today.
 * One planner per customer and history, called from the oldest day to today.
 */
export function storyPlanner(r: Rng, level: ThreatLevel) {
  const p = THREAT_PROFILES[level];
  const mix: Mix = {
    profile: p,
    attackDay: spread(r, p.perDay, true),
    serious: spread(r, p.serious),
    critical: spread(r, p.critical),
  };
  const story = (into: StoryStep[], e: StoryEnv) => storySteps(r, into, e, mix);
  return {
    day(into: StoryStep[], e: Omit<StoryEnv, "fresh" | "variant">, days: number) {
      // Every calendar month gets at least two (the 9th and the 21st), so each monthly report has a story to tell.
      const date = new Date(e.dayStart).getUTCDate();
      if (mix.attackDay() || p.recentDays.includes(days) || date === 9 || date === 21) story(into, e);
      const variant = ALL_ONGOING[days];
      if (variant && p.ongoing.includes(variant)) story(into, { ...e, variant });
      // And one fresh in the last hours, still in triage.
      if (days === 0) story(into, { ...e, dayStart: e.now - 4 * HOUR, fresh: true });
    },
  };
}

/** How bad a story is meant to be: its lead detection's severity (a false alarm looks serious, high or critical). */
export type Tier = "minor" | "high" | "critical" | "serious";
const TIERS: Record<Tier, [number, number]> = { minor: [2, 3], high: [4, 4], critical: [5, 5], serious: [4, 5] };

/**
 * What a story may lead with, and what may follow the lead: nothing worse than it, so the incident is as severe as its
 * lead (and titled after it). A sensor with no detection of the tier leads with the nearest it has.
 */
export function storyDetections(dets: Detection[], tier: Tier) {
  const [lo, hi] = TIERS[tier];
  const exact = dets.filter((d) => d.severity >= lo && d.severity <= hi);
  const near = dets.filter((d) => (tier === "minor" ? d.severity <= 3 : d.severity >= 4));
  return {
    leads: exact.length ? exact : near.length ? near : dets,
    follows: (lead: Detection) => dets.filter((d) => d.severity <= lead.severity),
  };
}

type Mix = { profile: ThreatProfile; attackDay: () => boolean; serious: () => boolean; critical: () => boolean };

/** One attack: 2–4 alerts on one host within half an hour, escalated, worked through the lifecycle as far as time allows. */
function storySteps(r: Rng, steps: StoryStep[], e: StoryEnv, mix: Mix) {
  const a = pick(r, e.auths);
  const host = pick(r, e.hosts);
  const victim = pick(r, e.users);
  const t0 = e.fresh
    ? e.now - between(r, 40, 150) * MIN
    : e.variant === "investigating"
      ? e.now - between(r, 190, 230) * MIN
      : e.dayStart + between(r, 0, 23 * 60) * MIN;
  if (t0 > e.now - 30 * MIN) return;
  // A penetration test or a known-good tool looks like a serious attack (that is why it was escalated).
  const falseAlarm = !e.variant && !e.fresh && r() < FALSE_ALARM;
  const tier: Tier = falseAlarm
    ? "serious"
    : e.variant === "investigating" && mix.profile.criticalUnderInvestigation
      ? "critical"
      : !mix.serious()
        ? "minor"
        : mix.critical()
          ? "critical"
          : "high";
  const serious = tier !== "minor";
  const pool = storyDetections(detectionsFor(a.sourceFormat), tier);
  const lead = pick(r, pool.leads);
  const follow = Array.from({ length: between(r, 1, 3) }, () => pick(r, pool.follows(lead)));
  const signals = [lead, ...follow].map((d, i) =>
    signalFrom(r, d, new Date(t0 + (i === 0 ? 0 : between(r, 2, 28)) * MIN), host, victim, e.c.dnsDomain),
  );
  const story: Story = { ids: [], incidentId: null };
  const step = (at: number, kind: string, op: StoryOp) => steps.push({ at, kind, story, op });
  // Most work is on time; some is late, as in any real SOC (the demo needs breaches to show).
  const slow = () => r() < 0.12;
  const escalateAt = t0 + between(r, 2, 9) * MIN;
  for (const s of signals)
    step(s.time.getTime() + 30_000, "story:ingest", {
      op: "ingest",
      auth: a,
      payload: render(a.sourceFormat, s, e.c.adDomain),
    });
  step(escalateAt, "story:escalate", { op: "escalate", who: e.analyst(), title: `${lead.title} on ${host.name}` });
  // Alerts of the attack that arrived after the escalation and did not join it by correlation: the analyst attaches
  // them (or, once the incident is closed, closes them as duplicates), so no story leaves "New" alerts behind.
  const lastAt = Math.max(...signals.map((s) => s.time.getTime() + 30_000));
  const attachAt = Math.max(lastAt, escalateAt) + between(r, 3, 10) * MIN;
  if (!e.fresh) step(attachAt, "story:attach", { op: "attach", who: e.analyst() });
  if (e.fresh) return;
  const plan: [number, StoryOp][] = [];
  const ack = escalateAt + (slow() ? between(r, 12, 40) : between(r, 0, 3)) * MIN;
  plan.push([ack, { op: "acknowledge", who: e.analyst() }]);
  if (falseAlarm) {
    // Judged once every alert of the attack is in the incident, then closed in the same sitting.
    const judged = Math.max(ack + between(r, 20, 120) * MIN, attachAt + between(r, 2, 10) * MIN);
    const [verdict, reason]: [FalseAlarmVerdict, string] =
      r() < 0.7 ? ["benign", PEN_TEST] : ["false_positive", KNOWN_GOOD];
    const who = e.analyst();
    plan.push([judged, { op: "verdict", who, verdict, reason }]);
    plan.push([judged + between(r, 1, 5) * MIN, { op: "status", who, to: "closed", note: reason }]);
  } else plan.push(...worked(r, e, { lead, host: host.name, victim, serious, ack, slow, signals }));
  for (const [at, op] of plan) step(at, "story:lifecycle", op);
}

/** A real attack's lifecycle: the customer told, investigated, perhaps a question and an isolation, then closed. */
function worked(
  r: Rng,
  e: StoryEnv,
  s: {
    lead: Detection;
    host: string;
    victim: string;
    serious: boolean;
    ack: number;
    slow: () => boolean;
    signals: ReturnType<typeof signalFrom>[];
  },
): [number, StoryOp][] {
  const { lead, host, victim, slow } = s;
  const plan: [number, StoryOp][] = [];
  // Some notifications come late enough to breach a 30-minute notify target.
  const notify = s.ack + (slow() ? between(r, 35, 90) : between(r, 3, 15)) * MIN;
  plan.push([
    notify,
    {
      op: "open",
      who: e.analyst(),
      message: `We are investigating "${lead.title}" on ${host}. We will update you as we learn more.`,
    },
  ]);
  plan.push([notify + 2 * MIN, { op: "status", who: e.analyst(), to: "investigating" }]);
  plan.push([
    notify + 10 * MIN,
    {
      op: "note",
      who: e.analyst(),
      body: `Process tree reviewed; parent ${s.signals[0]!.process?.parent ?? "n/a"}. Checking other hosts for the same hash.`,
    },
  ]);
  const waits = e.variant === "waiting" || (!e.variant && r() < 0.3);
  let t = notify + between(r, 20, 90) * MIN;
  if (waits) {
    plan.push([
      t,
      {
        op: "ask",
        who: e.analyst(),
        question: `Did ${victim} expect activity on ${host} at this time? Please confirm whether this was planned.`,
      },
    ]);
    t += between(r, 60, 20 * 60) * MIN;
    if (e.variant !== "waiting") plan.push([t, { op: "answer", body: "No, this was not planned. Please go ahead." }]);
  }
  const ongoing = e.variant === "investigating" || e.variant === "waiting";
  // A serious attack on an endpoint has its host cut off (with the customer's approval); a minor one is cleaned up in
  // place.
  if (!ongoing && s.serious && lead.process) {
    t += between(r, 5, 40) * MIN;
    plan.push([t, { op: "isolate", who: e.analyst(), host, reason: "Contain the host while we investigate." }]);
    t += between(r, 10, 60) * MIN;
    plan.push([t, { op: "approve", who: e.analyst(), note: "Approved by IT lead." }]);
    plan.push([t + 5 * MIN, { op: "execute", who: e.analyst() }]);
  }
  if (ongoing) t = Number.POSITIVE_INFINITY;
  const [contained, eradicated, recovered] = s.serious
    ? [
        `${host} isolated; attacker access cut.`,
        "Persistence removed and credentials reset.",
        `${host} restored from a clean image and back in service.`,
      ]
    : [
        `The activity on ${host} is stopped and was seen on no other host.`,
        "The unwanted software and its persistence removed.",
        `${host} checked clean and back in normal use.`,
      ];
  t += (slow() ? between(r, 3 * 60, 8 * 60) : between(r, 10, 60)) * MIN;
  plan.push([t, { op: "status", who: e.analyst(), to: "contained", note: contained }]);
  if (e.variant === "contained") t = Number.POSITIVE_INFINITY;
  t += between(r, 60, 4 * 60) * MIN;
  plan.push([t, { op: "status", who: e.analyst(), to: "eradicated", note: eradicated }]);
  t += (slow() ? between(r, 14 * 60, 30 * 60) : between(r, 2 * 60, 6 * 60)) * MIN;
  plan.push([t, { op: "status", who: e.analyst(), to: "recovered", note: recovered }]);
  t += between(r, 24 * 60, 72 * 60) * MIN;
  plan.push([t, { op: "status", who: e.analyst(), to: "closed", note: "Root cause documented." }]);
  return plan;
}
