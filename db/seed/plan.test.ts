import { describe, expect, it } from "vitest";
import { severityName } from "@/server/incidents/severity";
import type { IntakeAuth } from "@/server/ingest/auth";
import { normalizers } from "@/server/ingest/normalize";
import type { SourceFormat } from "@/server/ingest/types";
import { THREAT_POINTS } from "@/server/posture/score";
import { customers } from "./data";
import { detectionsFor, ENDPOINT_DETECTIONS, makeHosts, makeUsers, NETWORK_DETECTIONS, rng } from "./generate";
import { historyDays } from "./history";
import { KNOWN_GOOD, PEN_TEST, spread, storyDetections, storyPlanner, THREAT_PROFILES, type ThreatLevel } from "./plan";
import type { StoryStep } from "./story";

const DAY = 86_400_000;
const analyst = { id: "u1", name: "Lukas Brandt", email: "lukas@example", role: "analyst" as const };

/** A customer's whole history of stories as planned, one summary per story. */
function planned(level: ThreatLevel, formats: SourceFormat[], now: number, slug = "test") {
  const r = rng(slug);
  const auths = formats.map((f) => ({ sourceFormat: f }) as IntakeAuth);
  const env = { now, auths, hosts: makeHosts(r, "TST", "test.example", 24), users: makeUsers(r, 18) };
  const c = { adDomain: "TEST", dnsDomain: "test.example" };
  const planner = storyPlanner(rng(`${slug}:stories`), level);
  const steps: StoryStep[] = [];
  for (let day = historyDays(now); day >= 0; day--)
    planner.day(steps, { ...env, c, dayStart: now - day * DAY - (now % DAY), analyst: () => analyst }, day);
  const byStory = new Map<object, StoryStep[]>();
  for (const s of steps) byStory.set(s.story, [...(byStory.get(s.story) ?? []), s]);
  return [...byStory.values()].map((list) => {
    let severity = 0;
    for (const s of list)
      if (s.op.op === "ingest") {
        const n = normalizers[s.op.auth.sourceFormat](s.op.payload);
        if ("severity" in n) severity = Math.max(severity, n.severity);
      }
    return {
      steps: list,
      openedAt: list.find((s) => s.op.op === "escalate")!.at,
      falseAlarm: list.some((s) => s.op.op === "verdict"),
      severity,
    };
  });
}

/** The threats driver the plan leads to over the last 30 days (before correlation merges any two). */
function threatsDriver(stories: ReturnType<typeof planned>, now: number) {
  const points = stories
    .filter((s) => !s.falseAlarm && s.openedAt >= now - 30 * DAY && s.openedAt <= now)
    .reduce((n, s) => n + (THREAT_POINTS[severityName(s.severity)] ?? 0), 0);
  return 100 - Math.min(100, points);
}

// Twenty seeding instants, a few days and hours apart.
const NOWS = Array.from({ length: 20 }, (_, k) => Date.UTC(2026, 11, 6, 18, 30) - k * 4 * DAY - k * 5 * 3_600_000);

describe("spread", () => {
  it("is true the given share of the calls, evenly", () => {
    const next = spread(rng("s"), 0.2);
    const calls = Array.from({ length: 100 }, () => next());
    expect(calls.filter(Boolean).length).toBeGreaterThanOrEqual(19);
    expect(calls.filter(Boolean).length).toBeLessThanOrEqual(21);
    // Never two in a row, never more than five calls apart.
    const at = calls.flatMap((x, i) => (x ? [i] : []));
    for (let i = 1; i < at.length; i++) expect(at[i]! - at[i - 1]!).toBe(5);
  });

  it("with jitter, keeps the share on average and varies the gaps", () => {
    const next = spread(rng("j"), 0.1, true);
    const calls = Array.from({ length: 1000 }, () => next());
    expect(calls.filter(Boolean).length).toBeGreaterThan(85);
    expect(calls.filter(Boolean).length).toBeLessThan(115);
    const at = calls.flatMap((x, i) => (x ? [i] : []));
    expect(new Set(at.slice(1).map((x, i) => x - at[i]!)).size).toBeGreaterThan(3);
  });
});

describe("storyDetections", () => {
  it("leads a minor story with a medium or low detection, and nothing worse follows", () => {
    for (const dets of [ENDPOINT_DETECTIONS, NETWORK_DETECTIONS, detectionsFor("wazuh")]) {
      const { leads, follows } = storyDetections(dets, "minor");
      expect(leads.length).toBeGreaterThan(0);
      for (const lead of leads) {
        expect([2, 3]).toContain(lead.severity);
        for (const f of follows(lead)) expect(f.severity).toBeLessThanOrEqual(lead.severity);
      }
    }
  });

  it("leads a high story with a high detection, a critical one with a critical, nearest when the sensor has none", () => {
    expect(storyDetections(ENDPOINT_DETECTIONS, "high").leads.every((d) => d.severity === 4)).toBe(true);
    expect(storyDetections(ENDPOINT_DETECTIONS, "critical").leads.every((d) => d.severity === 5)).toBe(true);
    // Network sensors have no critical detection: the story leads with a high one.
    expect(storyDetections(NETWORK_DETECTIONS, "critical").leads.map((d) => d.severity)).toEqual([4, 4]);
    const serious = storyDetections(ENDPOINT_DETECTIONS, "serious").leads.map((d) => d.severity);
    expect(new Set(serious)).toEqual(new Set([4, 5]));
  });
});

describe("storyPlanner", () => {
  it("judges a false alarm's alerts, after every alert is in the incident and before it is closed, and never tells the customer", () => {
    const all = NOWS.flatMap((now) => planned("targeted", ["crowdstrike"], now));
    const alarms = all.filter((s) => s.falseAlarm);
    expect(alarms.length).toBeGreaterThan(10);
    const reasons = new Set<string>();
    for (const s of alarms) {
      const ops = s.steps.map((x) => x.op.op);
      expect(ops).not.toContain("open");
      const verdict = s.steps.find((x) => x.op.op === "verdict")!;
      const close = s.steps.find((x) => x.op.op === "status" && x.op.to === "closed");
      const attach = s.steps.find((x) => x.op.op === "attach")!;
      expect(verdict.at).toBeGreaterThan(attach.at);
      if (close) expect(close.at).toBeGreaterThan(verdict.at);
      if (verdict.op.op === "verdict") {
        reasons.add(verdict.op.reason);
        expect(verdict.op.verdict).toBe(verdict.op.reason === PEN_TEST ? "benign" : "false_positive");
      }
      // A penetration test or a known-good tool looks serious: that is why it was escalated.
      expect(s.severity).toBeGreaterThanOrEqual(4);
    }
    expect(reasons).toEqual(new Set([PEN_TEST, KNOWN_GOOD]));
  });

  it("keeps one story in every ongoing state today (investigating, waiting, contained) unless the customer is quiet", () => {
    for (const level of ["steady", "elevated", "targeted"] as const) {
      const now = NOWS[0]!;
      const stories = planned(level, ["crowdstrike"], now);
      const open = stories.filter(
        (s) => !s.steps.some((x) => x.op.op === "status" && x.op.to === "closed" && x.at <= now),
      );
      const last = open.map((s) => s.steps.filter((x) => x.at <= now).at(-1)!.op);
      expect(
        last.some((op) => op.op === "ask"),
        level,
      ).toBe(true);
      expect(
        last.some((op) => op.op === "status" && op.to === "contained"),
        level,
      ).toBe(true);
      expect(THREAT_PROFILES[level].ongoing).toEqual(["investigating", "waiting", "contained"]);
    }
    expect(THREAT_PROFILES.quiet.ongoing).toEqual(["contained"]);
  });

  it("gives each threat level its own band of the threats driver, whatever the day the demo is seeded", () => {
    const band = (level: ThreatLevel) => {
      const xs = NOWS.map((now) => threatsDriver(planned(level, ["crowdstrike", "suricata"], now), now));
      return { min: Math.min(...xs), mean: xs.reduce((a, b) => a + b, 0) / xs.length, max: Math.max(...xs) };
    };
    const quiet = band("quiet");
    const steady = band("steady");
    const elevated = band("elevated");
    const targeted = band("targeted");
    expect(quiet.min).toBeGreaterThanOrEqual(70);
    expect(steady.mean).toBeGreaterThan(elevated.mean + 10);
    expect(elevated.mean).toBeGreaterThan(targeted.mean + 10);
    expect(quiet.mean).toBeGreaterThan(steady.mean + 15);
    expect(targeted.max).toBeLessThanOrEqual(20);
  });

  it("spreads the demo's customers over the threats driver: the quiet one high, the targeted one low, the rest between", () => {
    for (const now of NOWS.slice(0, 5)) {
      const driver = Object.fromEntries(
        customers.map((c) => [
          c.slug,
          threatsDriver(
            planned(
              c.threatLevel,
              c.sensors.map((s) => s.format),
              now,
              c.slug,
            ),
            now,
          ),
        ]),
      );
      const of = (level: ThreatLevel) => customers.filter((c) => c.threatLevel === level).map((c) => driver[c.slug]!);
      expect(Math.min(...of("quiet"))).toBeGreaterThanOrEqual(75);
      expect(Math.max(...of("targeted"))).toBeLessThanOrEqual(20);
      const between = [...of("steady"), ...of("elevated")];
      expect(between.length).toBeGreaterThanOrEqual(4);
      for (const d of between) {
        expect(d).toBeGreaterThan(0);
        expect(d).toBeLessThan(90);
      }
    }
  });
});
