import type { RecSeverity } from "@/server/recommendations/facts";
import type { RecStatus } from "@/server/recommendations/lifecycle";

export type HistoryRow = { id: string; at: Date; to: RecStatus | null; severity: RecSeverity | null };

/**
 * The severities of the recommendations that were open or accepted just before `at`, replayed from their history
 * (ordered by time): status rows move the status, severity rows the severity. Pure.
 */
export function outstandingAt(history: HistoryRow[], at: Date): RecSeverity[] {
  return outstandingEntriesAt(history, at).map((e) => e.severity);
}

/** The same, with each recommendation's id. */
export function outstandingEntriesAt(history: HistoryRow[], at: Date): { id: string; severity: RecSeverity }[] {
  const state = new Map<string, { status: RecStatus | null; severity: RecSeverity | null }>();
  for (const h of history) {
    if (h.at.getTime() >= at.getTime()) break;
    const s = state.get(h.id) ?? { status: null, severity: null };
    if (h.to) s.status = h.to;
    if (h.severity) s.severity = h.severity;
    state.set(h.id, s);
  }
  return [...state]
    .filter(([, s]) => (s.status === "open" || s.status === "accepted") && s.severity)
    .map(([id, s]) => ({ id, severity: s.severity! }));
}
