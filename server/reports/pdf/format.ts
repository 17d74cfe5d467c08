import { formatDate, formatDateTime, formatShare, withUnit } from "@/lib/format";

/** Formatting for the report template. Pure; the same date formatters as the portal, in the customer's zone. */
export { formatDate, formatDateTime };

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** Attainment and shares as the executive summary words them: the one formatter of `lib/format.ts`. */
export const percent = formatShare;

/** A share of a whole, rounded ("7 %", never split across lines); "—" when the whole is empty. */
export function shareOf(part: number, whole: number): string {
  if (!whole) return "—";
  const p = (part / whole) * 100;
  return p > 0 && p < 1 ? withUnit("<1", "%") : withUnit(Math.round(p), "%");
}

/** "—", "<1 min", "12 min", "3 h 12 min", "2 d 4 h" (each number joined to its unit by a no-break space). */
export function duration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms) || ms < 0) return "—";
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return withUnit("<1", "min");
  if (minutes < 60) return withUnit(minutes, "min");
  const h = Math.floor(minutes / 60);
  if (h < 24) return minutes % 60 ? `${withUnit(h, "h")} ${withUnit(minutes % 60, "min")}` : withUnit(h, "h");
  const d = Math.floor(h / 24);
  return h % 24 ? `${withUnit(d, "d")} ${withUnit(h % 24, "h")}` : withUnit(d, "d");
}

/** A target in minutes: "15 min", "4 h", "1 d". */
export const targetMinutes = (minutes: number) => duration(minutes * 60_000);

/** "1 Nov 2026 – 30 Nov 2026" for the half-open [from, to) in the zone. */
export function periodLabel(from: Date, to: Date, timeZone: string): string {
  return `${formatDate(from, timeZone)} – ${formatDate(new Date(to.getTime() - 1), timeZone)}`;
}

/** "2026-05" → "May" (or "May 2026" with the year). */
export function monthShort(month: string, withYear = false): string {
  const [y, m] = month.split("-").map(Number);
  const name = MONTHS[(m ?? 0) - 1] ?? month;
  return withYear ? `${name} ${y}` : name;
}

/** A round axis maximum and step for values up to `max` (at least 1, `ticks` steps). */
export function niceScale(max: number, ticks = 4): { max: number; step: number } {
  if (!Number.isFinite(max) || max <= 0) return { max: ticks, step: 1 };
  const raw = max / ticks;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((f) => f * mag).find((s) => s >= raw) ?? 10 * mag;
  return { max: step * Math.ceil(max / step - 1e-9), step };
}

/** A usable #rrggbb colour, or the fallback. */
export function safeColor(value: string | null | undefined, fallback: string): string {
  const v = value?.trim() ?? "";
  if (/^#[0-9a-f]{6}$/i.test(v)) return v;
  if (/^#[0-9a-f]{3}$/i.test(v)) return `#${[...v.slice(1)].map((c) => c + c).join("")}`;
  return fallback;
}

export { luminance, monogram, textOn } from "@/server/provider/colors";
