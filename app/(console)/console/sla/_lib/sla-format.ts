import type { BadgeTone } from "@/app/_components/ui/badge";
import type { Metric, SlaSeverity } from "@/db/schema/contracts";
import { formatShare } from "@/lib/format";
import type { ClockState } from "@/server/sla/clock";

/** Words and numbers of the SLA views (client-safe; the server's own labels live with its pure code). */

export const METRICS: readonly Metric[] = ["acknowledge", "notify", "contain", "resolve"];
export const SLA_SEVERITIES: readonly SlaSeverity[] = ["critical", "high", "medium", "low"];

export const METRIC_LABELS: Record<Metric, string> = {
  acknowledge: "Acknowledge",
  notify: "Notify customer",
  contain: "Contain",
  resolve: "Resolve",
};

/** Mean-time-to names as SOC managers say them. */
export const METRIC_SHORT: Record<Metric, string> = {
  acknowledge: "MTTA",
  notify: "MTTN",
  contain: "MTTC",
  resolve: "MTTR",
};

export const STATE_LABELS: Record<ClockState, string> = {
  running: "Running",
  at_risk: "At risk",
  paused: "Paused",
  met: "Met",
  breached: "Breached",
};

export const STATE_TONES: Record<ClockState, BadgeTone> = {
  running: "info",
  at_risk: "warning",
  paused: "neutral",
  met: "success",
  breached: "danger",
};

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const pad = (n: number) => String(n).padStart(2, "0");

/** A contract target: "15 min", "4 h", "1 h 30 min", "3 d". */
export function formatTarget(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  if (minutes % 1440 === 0 && minutes >= 3 * 1440) return `${minutes / 1440} d`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m ? `${h} h ${m} min` : `${h} h`;
}

/** A span of time, to the minute: "< 1 min", "6 min", "1 h 05 min", "2 d 3 h". */
export function formatDuration(ms: number): string {
  const abs = Math.abs(ms);
  if (abs < MINUTE) return "< 1 min";
  if (abs < HOUR) return `${Math.floor(abs / MINUTE)} min`;
  if (abs < DAY) {
    const m = Math.floor((abs % HOUR) / MINUTE);
    return m ? `${Math.floor(abs / HOUR)} h ${pad(m)} min` : `${Math.floor(abs / HOUR)} h`;
  }
  const h = Math.floor((abs % DAY) / HOUR);
  return h ? `${Math.floor(abs / DAY)} d ${h} h` : `${Math.floor(abs / DAY)} d`;
}

/** A ticking countdown: "12:34" under an hour, "1 h 05 m" under a day, "2 d 03 h" beyond. */
export function formatCountdown(ms: number): string {
  const s = Math.floor(Math.abs(ms) / 1000);
  if (s < 3600) return `${pad(Math.floor(s / 60))}:${pad(s % 60)}`;
  if (s < 86_400) return `${Math.floor(s / 3600)} h ${pad(Math.floor((s % 3600) / 60))} m`;
  return `${Math.floor(s / 86_400)} d ${pad(Math.floor((s % 86_400) / 3600))} h`;
}

/** The countdown for screen readers: "12 minutes 34 seconds". */
export function spokenCountdown(ms: number): string {
  const s = Math.floor(Math.abs(ms) / 1000);
  const parts: [number, string][] = [
    [Math.floor(s / 86_400), "day"],
    [Math.floor((s % 86_400) / 3600), "hour"],
    [Math.floor((s % 3600) / 60), "minute"],
    [s < 3600 ? s % 60 : 0, "second"],
  ];
  const words = parts.filter(([n]) => n > 0).map(([n, w]) => `${n} ${w}${n === 1 ? "" : "s"}`);
  return words.length ? words.join(" ") : "0 seconds";
}

/**
 * Attainment as text, floored to one decimal so the number never reads better than its colour band: the one share
 * formatter, so the page reads what the monthly PDF reads for the same month.
 */
export const formatAttainment = (share: number | null): string => formatShare(share);

export type AttainmentBand = "good" | "watch" | "poor" | "none";

/** ≥ 95 % good, ≥ 85 % watch, else poor; none when nothing was decided. */
export function attainmentBand(share: number | null): AttainmentBand {
  if (share === null) return "none";
  return share >= 0.95 ? "good" : share >= 0.85 ? "watch" : "poor";
}

export const BAND_CLASSES: Record<AttainmentBand, string> = {
  good: "border-success/30 bg-success/10 text-success",
  watch: "border-warning/30 bg-warning/10 text-warning",
  poor: "border-destructive/30 bg-destructive/10 text-destructive",
  none: "border-border bg-muted/40 text-muted-foreground",
};

export const BAND_BAR: Record<AttainmentBand, string> = {
  good: "bg-success",
  watch: "bg-warning",
  poor: "bg-destructive",
  none: "bg-muted-foreground/40",
};

export const BAND_LABELS: Record<AttainmentBand, string> = {
  good: "on target",
  watch: "below 95 %",
  poor: "below 85 %",
  none: "nothing decided",
};

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

/** "2026-11" → "Nov 2026" (or "Nov" when short). */
export function monthLabel(month: string, short = false): string {
  const [y, m] = month.split("-");
  const name = MONTHS[Number(m) - 1] ?? month;
  return short ? name : `${name} ${y}`;
}

export const plural = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;
