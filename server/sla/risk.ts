/**
 * How a clock on the "at risk and breached now" list is counted: the SLA page and the console's SLA banner both count
 * with these, so they always agree. Pure; `now` in epoch milliseconds (null before the browser knows it).
 */
export type RiskClock = { state: string; dueAt: Date | null };
export type RiskKind = "overdue" | "at_risk" | "paused";

export const isPausedClock = (r: RiskClock) => r.state === "paused" || !r.dueAt;

/** Past due by the clock, or already marked breached by the minute sweep. */
export const isOverdueClock = (r: RiskClock, now: number | null) =>
  !isPausedClock(r) && (r.state === "breached" || (now !== null && r.dueAt !== null && r.dueAt.getTime() <= now));

export function riskKind(r: RiskClock, now: number | null): RiskKind {
  if (isPausedClock(r)) return "paused";
  return isOverdueClock(r, now) ? "overdue" : "at_risk";
}

export function riskCounts(rows: RiskClock[], now: number | null): Record<RiskKind, number> {
  const out: Record<RiskKind, number> = { overdue: 0, at_risk: 0, paused: 0 };
  for (const r of rows) out[riskKind(r, now)]++;
  return out;
}
