import { WEEKDAYS, type Weekday } from "@/app/_lib/contract-terms";
import { METRICS, type Metric, SLA_SEVERITIES, type SlaSeverity } from "@/db/schema/contracts";
import type { Terms } from "@/server/contracts/schema";
import type { TermsLike } from "./terms-diff";

/**
 * The terms editor's state: numbers as the text typed, targets as amount + unit, the business calendar kept while
 * 24/7 is chosen (so switching back does not lose it). `toDraft` and `validateDraft` convert both ways.
 */
export type Unit = "min" | "h" | "d" | "none";
export type TargetDraft = { amount: string; unit: Unit };
export type WindowDraft = { start: string; end: string };
export type TermsDraft = {
  tier: Terms["tier"];
  startDate: string;
  endDate: string;
  autoRenew: boolean;
  noticeDays: string;
  licensedEndpoints: string;
  licensedSensors: string;
  monitoredClasses: Terms["monitoredClasses"];
  coverageKind: "24x7" | "business";
  timeZone: string;
  weekdays: Record<Weekday, WindowDraft[]>;
  holidays: string[];
  slaTargets: Record<SlaSeverity, Record<Metric, TargetDraft>>;
  pauseOnCustomer: boolean;
  clockStart: Terms["clockStart"];
  atRiskPercent: string;
  allowedActions: Terms["allowedActions"];
  extraSkills: Terms["extraSkills"];
  /** Language codes as typed ("de, fr"). */
  languages: string;
};
/** Messages keyed by the field's dotted path inside the terms ("slaTargets.critical.notify", "coverage.weekdays"). */
export type TermErrors = Record<string, string>;

export const UNIT_MINUTES: Record<Exclude<Unit, "none">, number> = { min: 1, h: 60, d: 1440 };

export function targetDraft(minutes: number | null): TargetDraft {
  if (minutes === null) return { amount: "", unit: "none" };
  if (minutes % 1440 === 0) return { amount: String(minutes / 1440), unit: "d" };
  if (minutes % 60 === 0) return { amount: String(minutes / 60), unit: "h" };
  return { amount: String(minutes), unit: "min" };
}

/** Terms as stored (or a version row, which carries them) → editor state. */
export function toDraft(t: TermsLike, defaultTimeZone: string): TermsDraft {
  const business = t.coverage.kind === "business" ? t.coverage : null;
  const weekdays = Object.fromEntries(
    WEEKDAYS.map((d) => [
      d,
      business
        ? (business.weekdays[d] ?? []).map((w) => ({ ...w }))
        : Number(d) <= 5
          ? [{ start: "08:00", end: "18:00" }]
          : [],
    ]),
  ) as Record<Weekday, WindowDraft[]>;
  return {
    tier: t.tier,
    startDate: t.startDate,
    endDate: t.endDate,
    autoRenew: t.autoRenew,
    noticeDays: String(t.noticeDays),
    licensedEndpoints: String(t.licensedEndpoints),
    licensedSensors: String(t.licensedSensors),
    monitoredClasses: [...t.monitoredClasses],
    coverageKind: t.coverage.kind,
    timeZone: business?.timeZone ?? defaultTimeZone,
    weekdays,
    holidays: business ? [...business.holidays].sort() : [],
    slaTargets: Object.fromEntries(
      SLA_SEVERITIES.map((s) => [s, Object.fromEntries(METRICS.map((m) => [m, targetDraft(t.slaTargets[s][m])]))]),
    ) as TermsDraft["slaTargets"],
    pauseOnCustomer: t.pauseOnCustomer,
    clockStart: t.clockStart,
    atRiskPercent: String(Math.round(t.atRiskShare * 1000) / 10),
    allowedActions: [...t.allowedActions],
    extraSkills: [...(t.extraSkills ?? [])],
    languages: (t.languages ?? []).join(", "),
  };
}
