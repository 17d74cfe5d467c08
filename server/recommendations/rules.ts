import { formatDateTime, formatShare } from "@/lib/format";
import { technique } from "@/server/attack/attack";
import type { CustomerFacts, IncidentFact, RecCategory, RecSeverity } from "./facts";
import { edrCoverage } from "./facts";

/** The recommendation rules of posture-rules.md, each a pure function of a customer's facts at `now`. */
export const RULE_IDS = [
  "class-missing",
  "sensor-silent",
  "edr-coverage",
  "crown-jewel-uncovered",
  "endpoints-over-licence",
  "action-waiting",
  "technique-repeated",
  "agent-unsupported",
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export const EVIDENCE_KINDS = ["sensor", "asset", "incident", "hunt", "alert", "action", "class"] as const;
export type EvidenceLink = { kind: (typeof EVIDENCE_KINDS)[number]; id: string; label: string };

export type Finding = {
  rule: RuleId;
  /** rule + subject: the same condition always maps to the same recommendation. */
  dedupKey: string;
  title: string;
  body: string;
  severity: RecSeverity;
  category: RecCategory;
  evidence: EvidenceLink[];
};

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** An instant as the customer reads it: "12 Nov 2026, 04:00 (Europe/Oslo time)". */
const when = (d: Date, f: CustomerFacts) => `${formatDateTime(d, f.timeZone)} (${f.timeZone} time)`;

type Rule = (f: CustomerFacts, now: Date) => Finding[];

const CLASS_NAMES: Record<string, string> = {
  edr: "EDR",
  ndr: "NDR",
  siem: "SIEM",
  cloud: "cloud",
  identity: "identity",
  email: "e-mail",
};

const classMissing: Rule = (f) =>
  f.contractedClasses
    .filter((c) => c.state === "missing")
    .map((c) => {
      const name = CLASS_NAMES[c.sensorClass] ?? c.sensorClass;
      return {
        rule: "class-missing",
        dedupKey: `class-missing:${c.sensorClass}`,
        title: `Connect a sensor for ${name} monitoring`,
        body: `Your contract includes ${name} monitoring but no ${name} sensor is connected, so we cannot see that part of your estate.`,
        severity: "high",
        category: "visibility",
        evidence: [{ kind: "class", id: c.sensorClass, label: name }],
      };
    });

const sensorSilent: Rule = (f, now) =>
  f.sensors
    .filter((s) => !s.retired && s.state === "silent" && s.silentSince)
    .filter((s) => now.getTime() - s.silentSince!.getTime() > DAY)
    .map((s) => ({
      rule: "sensor-silent",
      dedupKey: `sensor-silent:${s.id}`,
      title: `Restore the silent sensor ${s.name}`,
      body: `${s.name} has sent nothing since ${when(s.silentSince!, f)}. Until it reports again, what it watches is unmonitored.`,
      severity: "high",
      category: "sensor-health",
      evidence: [{ kind: "sensor", id: s.id, label: s.name }],
    }));

const edrCoverageRule: Rule = (f) => {
  const r = edrCoverage(f);
  if (r === null || r >= 0.95) return [];
  const names = f.edr.uncovered.map((a) => a.name);
  return [
    {
      rule: "edr-coverage",
      dedupKey: "edr-coverage",
      title: "Deploy EDR to the uncovered endpoints",
      body: `EDR covers ${formatShare(r)} of your ${f.edr.known} known assets (target ${formatShare(0.95)}). Uncovered: ${names.join(", ") || "none listed"}.`,
      severity: r < 0.8 ? "high" : "medium",
      category: "visibility",
      evidence: f.edr.uncovered.map((a) => ({ kind: "asset" as const, id: a.id, label: a.name })),
    },
  ];
};

const crownJewel: Rule = (f) =>
  f.edr.crownJewelsUncovered.map((a) => ({
    rule: "crown-jewel-uncovered",
    dedupKey: `crown-jewel-uncovered:${a.id}`,
    title: `Protect crown-jewel asset ${a.name} with EDR`,
    body: `${a.name} is one of your crown-jewel assets and no EDR sensor has reported it in the last 7 days.`,
    severity: "critical",
    category: "visibility",
    evidence: [{ kind: "asset", id: a.id, label: a.name }],
  }));

const overLicence: Rule = (f) => {
  const { deployed, licensed } = f.endpoints;
  if (licensed === null || deployed <= licensed) return [];
  return [
    {
      rule: "endpoints-over-licence",
      dedupKey: "endpoints-over-licence",
      title: "Align endpoint licences with deployment",
      body: `${deployed} endpoints are deployed against ${licensed} licensed. Extend the licence or retire agents.`,
      severity: "low",
      category: "licensing",
      evidence: [],
    },
  ];
};

const actionWaiting: Rule = (f, now) =>
  f.waitingActions
    .filter((a) => now.getTime() - a.since.getTime() > DAY)
    .map((a) => ({
      rule: "action-waiting",
      dedupKey: `action-waiting:${a.id}`,
      title: `Decide on the response action for ${a.reference}`,
      body: `${a.label} has waited for your decision since ${when(a.since, f)}.`,
      severity: "medium",
      category: "response",
      evidence: [
        { kind: "action", id: a.id, label: a.label },
        { kind: "incident", id: a.incidentId, label: a.reference },
      ],
    }));

/**
 * The body is read by the customer (portal, e-mail), so it names only incidents opened to them; the ones kept
 * internal still count towards the rule and are given as a number. The evidence keeps every incident for staff;
 * the customer's reads drop the hidden ones (`service.ts`).
 */
const techniqueRepeated: Rule = (f, now) => {
  const since = now.getTime() - 30 * DAY;
  const byTechnique = new Map<string, Map<string, IncidentFact>>();
  for (const i of f.incidents) {
    const t = i.openedAt.getTime();
    if (!i.truePositive || t < since || t > now.getTime()) continue;
    for (const id of new Set(i.techniques)) {
      const m = byTechnique.get(id) ?? new Map<string, IncidentFact>();
      m.set(i.id, i);
      byTechnique.set(id, m);
    }
  }
  return [...byTechnique]
    .filter(([, incs]) => incs.size >= 3)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, incs]) => {
      const name = technique(id)?.name ?? id;
      const all = [...incs.values()].sort((a, b) => a.reference.localeCompare(b.reference, "en", { numeric: true }));
      const shown = all.filter((i) => i.visibleToCustomer).map((i) => i.reference);
      const hidden = all.length - shown.length;
      const which = !hidden
        ? `: ${shown.join(", ")}`
        : shown.length
          ? `: ${shown.join(", ")} and ${hidden} more handled internally by our SOC`
          : ", all handled internally by our SOC";
      return {
        rule: "technique-repeated" as const,
        dedupKey: `technique-repeated:${id}`,
        title: `Harden against ${id} ${name}`,
        body: `${id} ${name} appeared in ${all.length} true-positive incidents in the last 30 days${which}.`,
        severity: "medium" as const,
        category: "hardening" as const,
        evidence: all.map((i) => ({ kind: "incident" as const, id: i.id, label: i.reference })),
      };
    });
};

const agentUnsupported: Rule = (f) =>
  f.sensors
    .filter((s) => !s.retired && s.unsupported)
    .map((s) => ({
      rule: "agent-unsupported",
      dedupKey: `agent-unsupported:${s.id}`,
      title: `Upgrade the agent on ${s.name}`,
      body: `${s.name} runs agent version ${s.agentVersion ?? "unknown"}, which is no longer supported.`,
      severity: "medium",
      category: "sensor-health",
      evidence: [{ kind: "sensor", id: s.id, label: s.name }],
    }));

const RULES: Rule[] = [
  classMissing,
  sensorSilent,
  edrCoverageRule,
  crownJewel,
  overLicence,
  actionWaiting,
  techniqueRepeated,
  agentUnsupported,
];

/** Every finding that holds for the customer at `now`, one per dedup key. */
export function evaluateRules(f: CustomerFacts, now: Date): Finding[] {
  return RULES.flatMap((r) => r(f, now));
}
