import { agentsNeeded, headcount } from "./erlang";

/**
 * The alert forecast (roster-rules.md, "Forecast"): per UTC hour of the week, λ = mean arrivals in that hour over the
 * last 8 weeks of alerts needing triage, then Erlang C and shrinkage give the headcount to roster. Pure.
 */
export const HOURS_OF_WEEK = 168;
export const FORECAST_WEEKS = 8;
const HOUR = 3_600_000;
const WEEK = 7 * 24 * HOUR;

export type Policy = {
  minOnDuty: number;
  handlingMinutes: number;
  /** 0..1 */
  serviceGoal: number;
  /** 0..1 */
  maxOccupancy: number;
  /** basis points, 3000 = 30 % */
  shrinkageBp: number;
};
export const DEFAULT_POLICY: Policy = {
  minOnDuty: 2,
  handlingMinutes: 10,
  serviceGoal: 0.9,
  maxOccupancy: 0.85,
  shrinkageBp: 3000,
};

/** Hour of the week in UTC, Monday 00:00 = 0 … Sunday 23:00 = 167. */
export function hourOfWeek(t: number): number {
  // Arithmetic, no Date (it runs for every quarter hour of the forecast's weeks): 1970-01-01 was a Thursday, hour 72.
  return (((Math.floor(t / 3_600_000) + 72) % 168) + 168) % 168;
}

/** Mean arrivals per UTC hour of the week over [now − 8 weeks, now); an arrival is an instant or (instant, count). */
export function arrivalRates(arrivals: Iterable<number | { at: number; count: number }>, now: number): number[] {
  const counts = new Array<number>(HOURS_OF_WEEK).fill(0);
  const from = now - FORECAST_WEEKS * WEEK;
  for (const a of arrivals) {
    const [t, n] = typeof a === "number" ? [a, 1] : [a.at, a.count];
    if (t >= from && t < now) counts[hourOfWeek(t)]! += n;
  }
  return counts.map((c) => c / FORECAST_WEEKS);
}

export type HourForecast = { hour: number; lambda: number; agents: number; headcount: number };

/** Per hour of the week: the agents Erlang C needs and the headcount to roster, against a target wait in minutes. */
export function forecastHeadcount(rates: number[], policy: Policy, targetMinutes: number): HourForecast[] {
  const cache = new Map<number, number>();
  return rates.map((lambda, hour) => {
    let agents = cache.get(lambda);
    if (agents === undefined) {
      agents = agentsNeeded({
        lambda,
        handlingHours: policy.handlingMinutes / 60,
        targetHours: targetMinutes / 60,
        goal: policy.serviceGoal,
        maxOccupancy: policy.maxOccupancy,
      });
      cache.set(lambda, agents);
    }
    return { hour, lambda, agents, headcount: headcount(agents, policy.shrinkageBp) };
  });
}
