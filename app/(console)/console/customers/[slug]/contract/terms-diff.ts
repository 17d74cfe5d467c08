import { METRIC_SHORT } from "@/app/_components/contract/sla-targets-table";
import {
  ACTION_LABELS,
  type AllowedAction,
  CLOCK_START_LABELS,
  type CoverageLike,
  coverageSummary,
  formatMinutes,
  formatPlainDate,
  percent,
  WEEKDAY_LONG,
  WEEKDAYS,
  zoneLabel,
} from "@/app/_lib/contract-terms";
import { METRICS, SLA_SEVERITIES, type SlaTargets, type Tier } from "@/db/schema/contracts";
import type { STAFF_SKILLS } from "@/db/schema/roster";
import type { SensorClass } from "@/db/schema/sensors";
import { TIER_SHORT } from "@/server/contracts/templates";
import { SENSOR_CLASS_LABELS } from "@/server/sensors/schema";

type Window = { start: string; end: string };
type Coverage = CoverageLike;
/** The terms of a version row or of a validated draft. */
export type TermsLike = {
  tier: Tier;
  startDate: string;
  endDate: string;
  autoRenew: boolean;
  noticeDays: number;
  licensedEndpoints: number;
  licensedSensors: number;
  monitoredClasses: readonly SensorClass[];
  coverage: Coverage;
  slaTargets: SlaTargets;
  pauseOnCustomer: boolean;
  clockStart: "received" | "vendor_created";
  atRiskShare: number;
  allowedActions: readonly AllowedAction[];
  /** Absent on rows written before contracts carried roster needs. */
  extraSkills?: readonly (typeof STAFF_SKILLS)[number][];
  languages?: readonly string[];
};

/** One changed term: "Acknowledge (critical): 15 min → 10 min", or a sentence for set changes. */
export type Change = { label: string; from: string; to: string } | { label: string; text: string };

const yesNo = (b: boolean) => (b ? "yes" : "no");
const windows = (w: Window[] | undefined) =>
  w?.length
    ? [...w]
        .sort((a, b) => a.start.localeCompare(b.start))
        .map((x) => `${x.start}–${x.end}`)
        .join(", ")
    : "not covered";
const target = (m: number | null) => (m === null ? "none" : formatMinutes(m));

function setChange<T extends string>(
  label: string,
  a: readonly T[],
  b: readonly T[],
  name: (v: T) => string,
  noun = "entries",
) {
  const added = b.filter((x) => !a.includes(x));
  const removed = a.filter((x) => !b.includes(x));
  if (!added.length && !removed.length) return null;
  const list = (xs: T[]) => (xs.length > 6 ? `${xs.length} ${noun}` : xs.map(name).join(", "));
  const parts = [added.length ? `added ${list(added)}` : null, removed.length ? `removed ${list(removed)}` : null];
  return { label, text: parts.filter(Boolean).join("; ") };
}

function coverageChanges(a: Coverage, b: Coverage): Change[] {
  if (a.kind === "24x7" || b.kind === "24x7") {
    return a.kind === b.kind ? [] : [{ label: "Coverage", from: coverageSummary(a), to: coverageSummary(b) }];
  }
  const out: Change[] = [];
  if (a.timeZone !== b.timeZone)
    out.push({ label: "Time zone", from: zoneLabel(a.timeZone), to: zoneLabel(b.timeZone) });
  for (const d of WEEKDAYS) {
    const from = windows(a.weekdays[d]);
    const to = windows(b.weekdays[d]);
    if (from !== to) out.push({ label: `Hours on ${WEEKDAY_LONG[d]}`, from, to });
  }
  const h = setChange("Holidays", [...a.holidays].sort(), [...b.holidays].sort(), formatPlainDate, "dates");
  if (h) out.push(h);
  return out;
}

/** What differs from `a` to `b`, field by field, in the order the terms are shown. */
export function diffTerms(a: TermsLike, b: TermsLike): Change[] {
  const out: (Change | null)[] = [];
  const scalar = (label: string, x: string, y: string) => out.push(x === y ? null : { label, from: x, to: y });
  scalar("Tier", TIER_SHORT[a.tier], TIER_SHORT[b.tier]);
  scalar("Start date", formatPlainDate(a.startDate), formatPlainDate(b.startDate));
  scalar("End date", formatPlainDate(a.endDate), formatPlainDate(b.endDate));
  scalar("Renews automatically", yesNo(a.autoRenew), yesNo(b.autoRenew));
  scalar("Notice", `${a.noticeDays} days`, `${b.noticeDays} days`);
  scalar("Licensed endpoints", String(a.licensedEndpoints), String(b.licensedEndpoints));
  scalar("Licensed sensors", String(a.licensedSensors), String(b.licensedSensors));
  out.push(setChange("Monitored classes", a.monitoredClasses, b.monitoredClasses, (c) => SENSOR_CLASS_LABELS[c]));
  out.push(...coverageChanges(a.coverage, b.coverage));
  for (const s of SLA_SEVERITIES) {
    for (const m of METRICS) {
      scalar(`${METRIC_SHORT[m]} (${s})`, target(a.slaTargets[s][m]), target(b.slaTargets[s][m]));
    }
  }
  scalar("Pause while waiting on customer", yesNo(a.pauseOnCustomer), yesNo(b.pauseOnCustomer));
  scalar("Clocks start", CLOCK_START_LABELS[a.clockStart], CLOCK_START_LABELS[b.clockStart]);
  scalar("At risk with", percent(a.atRiskShare), percent(b.atRiskShare));
  out.push(setChange("Allowed without asking", a.allowedActions, b.allowedActions, (x) => ACTION_LABELS[x]));
  out.push(setChange("Roster skills", a.extraSkills ?? [], b.extraSkills ?? [], (x) => x));
  out.push(setChange("Roster languages", a.languages ?? [], b.languages ?? [], (x) => x.toUpperCase()));
  return out.filter((c): c is Change => c !== null);
}
