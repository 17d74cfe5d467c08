import type { Staff } from "./demand";

/**
 * Round-robin auto-assignment of a new incident (issue 10, item 6): among the people on duty who hold every skill the
 * customer's tier needs, ordered by user id, the one at `cursor` (modulo their number). Null when nobody qualifies, so
 * the caller keeps its own default. Pure.
 */
export function chooseAssignee(onDuty: Staff[], needed: readonly string[], cursor: number): string | null {
  const eligible = onDuty
    .filter((s) => needed.every((k) => s.skills.includes(k)))
    .map((s) => s.userId)
    .sort();
  if (eligible.length === 0) return null;
  const i = ((Math.trunc(cursor) % eligible.length) + eligible.length) % eligible.length;
  return eligible[i]!;
}
