import { WEEKDAYS } from "@/app/_lib/contract-terms";
import { METRICS, SLA_SEVERITIES } from "@/db/schema/contracts";
import { type Terms, termsSchema } from "@/server/contracts/schema";
import { type TermErrors, type TermsDraft, UNIT_MINUTES } from "./terms-draft";

/** A whole number within bounds, or a message for the field. */
function wholeNumber(text: string, min: number, max: number, errors: TermErrors, path: string): number {
  const n = Number(text.trim());
  if (text.trim() === "" || !Number.isFinite(n)) errors[path] ??= "Enter a number";
  else if (!Number.isInteger(n)) errors[path] ??= "Use a whole number";
  else if (n < min || n > max)
    errors[path] ??= `Between ${min.toLocaleString("en-GB")} and ${max.toLocaleString("en-GB")}`;
  return n;
}

const WEEKDAY_WORDS = ["", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
/** The calendar check says "day 1: …"; people read "Monday: …". */
export const readableCalendarMessage = (m: string) =>
  m.replace(/^day ([1-7]):/, (_, d: string) => `${WEEKDAY_WORDS[Number(d)]}:`);

/** Where a schema issue shows: the calendar's "day 3: …" messages go to that weekday's row. */
export function termIssueKey(path: string, message: string): string {
  const day = path === "coverage.weekdays" ? /^day ([1-7]):/.exec(message)?.[1] : undefined;
  return day ? `coverage.weekdays.${day}` : path;
}

/** "de, FR; it" → ["de", "fr", "it"]: codes as typed, lower-cased; the schema says which are not codes. */
export const languageCodes = (text: string) =>
  text
    .split(/[\s,;]+/)
    .map((l) => l.trim().toLowerCase())
    .filter(Boolean);

/** Editor state → terms, checked with the server's own schema (plus friendlier messages for typed numbers). */
export function validateDraft(d: TermsDraft): { ok: true; terms: Terms } | { ok: false; errors: TermErrors } {
  const errors: TermErrors = {};
  const slaTargets = Object.fromEntries(
    SLA_SEVERITIES.map((s) => [
      s,
      Object.fromEntries(
        METRICS.map((m) => {
          const t = d.slaTargets[s][m];
          if (t.unit === "none") return [m, null];
          const n = wholeNumber(t.amount, 1, 100_000, errors, `slaTargets.${s}.${m}`);
          return [m, n * UNIT_MINUTES[t.unit]];
        }),
      ),
    ]),
  );
  const percent = Number(d.atRiskPercent.trim());
  if (d.atRiskPercent.trim() === "" || !Number.isFinite(percent) || percent < 5 || percent > 90) {
    errors.atRiskShare = "Between 5 % and 90 %";
  }
  // The server accepts overlapping windows but then counts the shared time twice; refuse them here.
  if (d.coverageKind === "business") {
    for (const day of WEEKDAYS) {
      const ws = [...d.weekdays[day]].sort((a, b) => a.start.localeCompare(b.start));
      ws.forEach((w, i) => {
        const prev = ws[i - 1];
        if (prev && w.start < prev.end) {
          errors[`coverage.weekdays.${day}`] ??=
            `${WEEKDAY_WORDS[Number(day)]}: ${prev.start}–${prev.end} and ${w.start}–${w.end} overlap`;
        }
      });
    }
  }
  d.holidays.forEach((h, i) => {
    if (!h) errors[`coverage.holidays.${i}`] = "Pick a date or remove the row";
  });
  const candidate = {
    tier: d.tier,
    startDate: d.startDate,
    endDate: d.endDate,
    autoRenew: d.autoRenew,
    noticeDays: wholeNumber(d.noticeDays, 0, 730, errors, "noticeDays"),
    licensedEndpoints: wholeNumber(d.licensedEndpoints, 0, 10_000_000, errors, "licensedEndpoints"),
    licensedSensors: wholeNumber(d.licensedSensors, 0, 100_000, errors, "licensedSensors"),
    monitoredClasses: d.monitoredClasses,
    coverage:
      d.coverageKind === "24x7"
        ? { kind: "24x7" }
        : {
            kind: "business",
            timeZone: d.timeZone,
            weekdays: Object.fromEntries(WEEKDAYS.filter((w) => d.weekdays[w].length).map((w) => [w, d.weekdays[w]])),
            holidays: [...new Set(d.holidays.filter(Boolean))].sort(),
          },
    slaTargets,
    pauseOnCustomer: d.pauseOnCustomer,
    clockStart: d.clockStart,
    atRiskShare: Math.round(percent * 10) / 1000,
    allowedActions: d.allowedActions,
    extraSkills: d.extraSkills,
    languages: languageCodes(d.languages),
  };
  const parsed = termsSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = termIssueKey(issue.path.map(String).join("."), issue.message);
      errors[key] ??= readableCalendarMessage(issue.message);
    }
  }
  if (Object.keys(errors).length || !parsed.success) return { ok: false, errors };
  return { ok: true, terms: parsed.data };
}

/** The first message at `path` or under it ("coverage.weekdays" finds "coverage.weekdays.1.0.start"). */
export function errorAt(errors: TermErrors, path: string): string | undefined {
  if (errors[path]) return errors[path];
  const key = Object.keys(errors).find((k) => k.startsWith(`${path}.`));
  return key ? errors[key] : undefined;
}
