import { type Calendar, countedIntervals, countsAnything, type Interval } from "./calendar";

/**
 * One SLA clock (sla-rules.md, "A clock"). Elapsed is counted calendar time in [start, min(stop, now)) minus counted
 * time inside the (merged) pauses; due is when elapsed reaches the target given the closed pauses (none while a pause is
 * open; a stop never moves it). Pure: `now` is given.
 */
export type Pause = { from: Date; to: Date | null };
export type Clock = { start: Date; targetMinutes: number; pauses: Pause[]; stop: Date | null };
export type ClockState = "running" | "at_risk" | "paused" | "met" | "breached";
export type ClockStatus = {
  state: ClockState;
  elapsedMs: number;
  targetMs: number;
  remainingMs: number;
  due: Date | null;
};

const FAR = 400 * 24 * 3600_000;

/** Pauses sorted and merged; an open pause runs to +∞. */
export function mergePauses(pauses: Pause[]): Interval[] {
  const list = pauses
    .map((p) => [p.from.getTime(), p.to ? p.to.getTime() : Number.POSITIVE_INFINITY] as Interval)
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  const out: Interval[] = [];
  for (const [a, b] of list) {
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/** Counted time in [from, to) outside the merged pauses. */
function effective(cal: Calendar, pauses: Interval[], from: number, to: number): number {
  let sum = 0;
  for (const [a, b] of countedIntervals(cal, from, to)) sum += b - a - overlap(pauses, a, b);
  return sum;
}

function overlap(pauses: Interval[], a: number, b: number): number {
  let sum = 0;
  for (const [p, q] of pauses) {
    if (p >= b) break;
    const lo = Math.max(a, p);
    const hi = Math.min(b, q);
    if (hi > lo) sum += hi - lo;
  }
  return sum;
}

export function elapsedMs(cal: Calendar, clock: Clock, now: Date): number {
  const end = Math.min(clock.stop ? clock.stop.getTime() : Number.POSITIVE_INFINITY, now.getTime());
  return Math.max(0, effective(cal, mergePauses(clock.pauses), clock.start.getTime(), end));
}

/** The instant elapsed reaches the target, given the closed pauses; null while a pause is open or never reachable. */
export function dueAt(cal: Calendar, clock: Clock): Date | null {
  if (clock.pauses.some((p) => p.to === null)) return null;
  if (!countsAnything(cal)) return null;
  const target = clock.targetMinutes * 60_000;
  const pauses = mergePauses(clock.pauses);
  const start = clock.start.getTime();
  if (target <= 0) return new Date(start);
  let acc = 0;
  for (const [a, b] of countedIntervals(cal, start, start + FAR)) {
    // Walk this counted interval piece by piece around the pauses.
    let cursor = a;
    for (const [p, q] of pauses) {
      if (q <= cursor || p >= b) continue;
      if (p > cursor) {
        const piece = p - cursor;
        if (acc + piece >= target) return new Date(cursor + (target - acc));
        acc += piece;
      }
      cursor = Math.max(cursor, Math.min(q, b));
      if (cursor >= b) break;
    }
    if (cursor < b) {
      const piece = b - cursor;
      if (acc + piece >= target) return new Date(cursor + (target - acc));
      acc += piece;
    }
  }
  return null;
}

/** State at `now`; `atRiskShare` of the target left (inclusive) is at risk. */
export function clockStatus(cal: Calendar, clock: Clock, now: Date, atRiskShare = 0.25): ClockStatus {
  const targetMs = clock.targetMinutes * 60_000;
  const due = dueAt(cal, clock);
  const t = now.getTime();
  const openPause = clock.pauses.some((p) => p.to === null && p.from.getTime() <= t);
  if (openPause && !(clock.stop && clock.stop.getTime() <= t)) {
    const e = elapsedMs(cal, clock, now);
    return { state: "paused", elapsedMs: e, targetMs, remainingMs: targetMs - e, due };
  }
  if (clock.stop && clock.stop.getTime() <= t) {
    const e = elapsedMs(cal, clock, clock.stop);
    return { state: e <= targetMs ? "met" : "breached", elapsedMs: e, targetMs, remainingMs: targetMs - e, due };
  }
  const e = elapsedMs(cal, clock, now);
  const remaining = targetMs - e;
  const state: ClockState = e >= targetMs ? "breached" : remaining <= targetMs * atRiskShare ? "at_risk" : "running";
  return { state, elapsedMs: e, targetMs, remainingMs: remaining, due };
}
