import { Temporal } from "temporal-polyfill";
import type { Metric, SlaSeverity } from "@/db/schema/contracts";
import { METRIC_ORDER } from "./compute";

/** Period and aggregation helpers shared by the SLA views, the portal and the monthly report. Pure. */
export const SEVERITY_ORDER: SlaSeverity[] = ["critical", "high", "medium", "low"];

/** [from, to) of a calendar month in a time zone, as instants. */
export function monthRange(month: string, timeZone: string): { from: Date; to: Date } {
  const start = Temporal.PlainYearMonth.from(month).toPlainDate({ day: 1 });
  const at = (d: Temporal.PlainDate) => new Date(d.toZonedDateTime({ timeZone }).epochMilliseconds);
  return { from: at(start), to: at(start.add({ months: 1 })) };
}

/** The month containing `now` in the zone, and the `n - 1` before it, oldest first (YYYY-MM). */
export function lastMonths(now: Date, timeZone: string, n: number): string[] {
  const ym = Temporal.Instant.fromEpochMilliseconds(now.getTime())
    .toZonedDateTimeISO(timeZone)
    .toPlainDate()
    .toPlainYearMonth();
  return Array.from({ length: n }, (_, i) => ym.subtract({ months: n - 1 - i }).toString());
}

export type AttainmentRow = { severity: SlaSeverity; metric: Metric; met: number; breached: number; open: number };
export type Tally = { met: number; breached: number; open: number; attainment: number | null };

/** THE attainment: met ÷ decided (met + breached), null when nothing was decided. */
export const attainmentShare = (met: number, breached: number) => (met + breached ? met / (met + breached) : null);

/**
 * Adds counts up once: every attainment figure (a matrix cell, a metric, a customer month's overall, a grid cell) is
 * the tally of the rows it covers, so the grid's overall and the month's detail cannot disagree.
 */
export function tally(rows: readonly { met: number; breached: number; open: number }[]): Tally {
  let met = 0;
  let breached = 0;
  let open = 0;
  for (const r of rows) {
    met += r.met;
    breached += r.breached;
    open += r.open;
  }
  return { met, breached, open, attainment: attainmentShare(met, breached) };
}

/** A severity × metric matrix of the rows, with each metric's and the overall tally. */
export function attainmentMatrix(rows: readonly AttainmentRow[]) {
  const bySeverity = SEVERITY_ORDER.map((severity) => ({
    severity,
    metrics: METRIC_ORDER.map((metric) => ({
      metric,
      ...tally(rows.filter((x) => x.severity === severity && x.metric === metric)),
    })),
  }));
  const byMetric = METRIC_ORDER.map((metric) => ({ metric, ...tally(rows.filter((x) => x.metric === metric)) }));
  return { bySeverity, byMetric, overall: tally(rows) };
}
export type AttainmentMatrix = ReturnType<typeof attainmentMatrix>;
