/**
 * Availability over [from, to) from a sensor's heartbeat history (coverage-rules.md). Pure.
 *
 * The history is given compactly as the first heartbeat and the pairs of consecutive heartbeats (`after`, `before`)
 * that may hold silence; `before` null is the open gap after the latest heartbeat. A pair silences
 * [after + 3 × interval, before); pairs closer than that silence nothing, so callers may pass any superset.
 */
export type Gap = { after: Date; before: Date | null };
export type History = { intervalSeconds: number; firstAt: Date | null; gaps: readonly Gap[] };
export type Period = { start: Date; end: Date };

/** The silent stretches of the history inside [from, to), in order; `end` is `to` for one still running at `to`. */
export function silentPeriods(h: History, from: Date, to: Date): Period[] {
  const start = countedStart(h, from);
  if (start === null || start >= to.getTime()) return [];
  const after = 3 * h.intervalSeconds * 1000;
  const out: Period[] = [];
  for (const g of h.gaps) {
    const s = Math.max(g.after.getTime() + after, start);
    const e = Math.min(g.before?.getTime() ?? Number.POSITIVE_INFINITY, to.getTime());
    if (e > s) out.push({ start: new Date(s), end: new Date(e) });
  }
  return out.sort((a, b) => a.start.getTime() - b.start.getTime());
}

/** Counted time starts at max(from, first heartbeat); null when there is no heartbeat at all. */
function countedStart(h: History, from: Date): number | null {
  return h.firstAt ? Math.max(from.getTime(), h.firstAt.getTime()) : null;
}

export type Availability = { countedMs: number; silentMs: number; ratio: number | null };

/** 1 − silent ÷ counted; `ratio` null (no data) when there is no counted time in the period. */
export function availability(h: History, from: Date, to: Date): Availability {
  const start = countedStart(h, from);
  const countedMs = start === null ? 0 : Math.max(0, to.getTime() - start);
  if (countedMs === 0) return { countedMs: 0, silentMs: 0, ratio: null };
  const silentMs = silentPeriods(h, from, to).reduce((n, p) => n + p.end.getTime() - p.start.getTime(), 0);
  return { countedMs, silentMs, ratio: 1 - silentMs / countedMs };
}

/** A sensor that never sent a heartbeat: no counted time, so no availability. */
export const noHistory = (intervalSeconds: number): History => ({ intervalSeconds, firstAt: null, gaps: [] });

/** One stored hour of heartbeats (see `sensor_heartbeat_hours`). */
export type HourRow = { firstAt: Date; lastAt: Date; gaps: readonly (readonly [number, number])[] };

/**
 * The history from hourly rows in time order: the gaps stored inside each hour, each hour's last heartbeat to the
 * next hour's first, and the open gap after the last. Load the rows of the period plus the last row before it, so a
 * silence that started before `from` is seen and counted time starts at `from`.
 */
export function historyFromHours(rows: readonly HourRow[], intervalSeconds: number): History {
  const gaps: Gap[] = [];
  rows.forEach((r, i) => {
    for (const [a, b] of r.gaps) gaps.push({ after: new Date(a), before: new Date(b) });
    const next = rows[i + 1];
    gaps.push({ after: r.lastAt, before: next ? next.firstAt : null });
  });
  return { intervalSeconds, firstAt: rows[0]?.firstAt ?? null, gaps };
}
