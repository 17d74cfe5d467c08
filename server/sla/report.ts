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
export type AttainmentCell = { met: number; breached: number; open: number; attainment: number | null };

/** Sums rows into a severity × metric matrix; attainment = met / decided (null when nothing was decided). */
export function attainmentMatrix(rows: AttainmentRow[]) {
  const cell = (s: SlaSeverity, m: Metric): AttainmentCell => {
    const r = rows.filter((x) => x.severity === s && x.metric === m);
    const met = r.reduce((a, x) => a + x.met, 0);
    const breached = r.reduce((a, x) => a + x.breached, 0);
    const open = r.reduce((a, x) => a + x.open, 0);
    return { met, breached, open, attainment: met + breached ? met / (met + breached) : null };
  };
  const bySeverity = SEVERITY_ORDER.map((severity) => ({
    severity,
    metrics: METRIC_ORDER.map((metric) => ({ metric, ...cell(severity, metric) })),
  }));
  const byMetric = METRIC_ORDER.map((metric) => {
    const r = rows.filter((x) => x.metric === metric);
    const met = r.reduce((a, x) => a + x.met, 0);
    const breached = r.reduce((a, x) => a + x.breached, 0);
    return { metric, met, breached, attainment: met + breached ? met / (met + breached) : null };
  });
  const met = rows.reduce((a, x) => a + x.met, 0);
  const breached = rows.reduce((a, x) => a + x.breached, 0);
  return {
    bySeverity,
    byMetric,
    overall: { met, breached, attainment: met + breached ? met / (met + breached) : null },
  };
}
