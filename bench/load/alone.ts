/**
 * Service time: each distinct procedure call (or page batch) sent alone, one request at a time (no other load from the run), by a user
 * whose pages ask for it. What a request costs without queueing; the load phases add the queueing.
 */
import type { LabelStats } from "./drive";

/** A request sent alone: one procedure, or one of a page's batches. */
export type Alone = { label: string; path: string; cookie: string };

export async function serviceTimes(base: string, list: Alone[], reps: number): Promise<Map<string, LabelStats>> {
  const out = new Map<string, LabelStats>();
  for (const a of list) {
    const s: LabelStats = { times: [], non200: 0, statuses: {} };
    const path = a.path;
    for (let i = 0; i <= reps; i++) {
      const t = performance.now();
      const res = await fetch(`${base}${path}`, { headers: { cookie: a.cookie } });
      await res.arrayBuffer();
      if (i === 0) continue; // the first one warms caches
      s.times.push(performance.now() - t);
      s.statuses[res.status] = (s.statuses[res.status] ?? 0) + 1;
      if (res.status !== 200) s.non200++;
    }
    out.set(a.label, s);
  }
  return out;
}
