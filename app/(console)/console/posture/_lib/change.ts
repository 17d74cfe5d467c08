import { formatMonth } from "@/lib/format";

/** U+2212: a minus that reads as one (a hyphen is too short beside digits, and screen readers may skip it). */
const MINUS = "\u2212";

export type ChangeText = {
  /** What the cell shows: signed points, or "—" when there is nothing to compare. */
  text: string;
  /** The comparison, under the figure: "vs Oct 2026". */
  against: string;
  /** The whole sentence for a screen reader (and the tooltip). */
  label: string;
};

/**
 * The console's month-over-month change of a customer's stored posture score: the last closed month against the one
 * before it, in signed points. Pure.
 */
export function changeText(change: number | null, lastMonth: string, previousMonth: string): ChangeText {
  const last = formatMonth(lastMonth);
  const prev = formatMonth(previousMonth);
  const against = `vs ${formatMonth(previousMonth, "short")}`;
  if (change === null)
    return { text: "—", against, label: `No change to show: ${last} or ${prev} has no stored score` };
  const n = Math.abs(change);
  const points = `${n} ${n === 1 ? "point" : "points"}`;
  const pts = `${n}\u00a0${n === 1 ? "pt" : "pts"}`;
  if (change === 0) return { text: "±0\u00a0pts", against, label: `No change from ${prev} to ${last}` };
  return change > 0
    ? { text: `+${pts}`, against, label: `Up ${points} from ${prev} to ${last}` }
    : { text: `${MINUS}${pts}`, against, label: `Down ${points} from ${prev} to ${last}` };
}
