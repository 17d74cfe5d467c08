import type { Gap } from "./gaps";

/**
 * The gaps of `after` that `before` did not already have: a part of a later gap is new when no earlier gap covers it
 * with at least the same reasons. Pure.
 */
export function openedGaps(before: Pick<Gap, "start" | "end" | "reasons">[], after: Gap[]): Gap[] {
  return after.filter(
    (g) => !before.some((b) => b.start <= g.start && b.end >= g.end && g.reasons.every((r) => b.reasons.includes(r))),
  );
}
