/**
 * Pure, locale-stable formatters (en-GB style). Month names are fixed here rather than taken from ICU so output does
 * not drift between Node/ICU versions (e.g. ICU 72+ renders September as "Sept" in en-GB).
 */

export type DateInput = Date | string | number;

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

const formatterCache = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string | undefined): Intl.DateTimeFormat {
  const key = timeZone ?? "";
  let fmt = formatterCache.get(key);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat("en-GB", {
      timeZone,
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    formatterCache.set(key, fmt);
  }
  return fmt;
}

export function toDate(value: DateInput): Date {
  return value instanceof Date ? value : new Date(value);
}

function isValid(d: Date): boolean {
  return !Number.isNaN(d.getTime());
}

interface DateParts {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
}

function getParts(d: Date, timeZone: string | undefined): DateParts {
  const out: DateParts = { year: 0, month: 1, day: 1, hour: 0, minute: 0 };
  for (const part of partsFormatter(timeZone).formatToParts(d)) {
    if (part.type === "year" || part.type === "month" || part.type === "day" || part.type === "minute") {
      out[part.type] = Number(part.value);
    } else if (part.type === "hour") {
      out.hour = Number(part.value) % 24;
    }
  }
  return out;
}

const pad2 = (n: number) => String(n).padStart(2, "0");

/** "28 Nov 2026". Invalid input yields "—". */
export function formatDate(date: DateInput, timeZone?: string): string {
  const d = toDate(date);
  if (!isValid(d)) return "—";
  const p = getParts(d, timeZone);
  return `${p.day} ${MONTHS[p.month - 1] ?? ""} ${p.year}`;
}

/** "14:05" (24-hour). Invalid input yields "—". */
export function formatTime(date: DateInput, timeZone?: string): string {
  const d = toDate(date);
  if (!isValid(d)) return "—";
  const p = getParts(d, timeZone);
  return `${pad2(p.hour)}:${pad2(p.minute)}`;
}

/** "28 Nov 2026, 14:05" (24-hour). `timeZone` is an IANA name; omitted = runtime zone. Invalid input yields "—". */
export function formatDateTime(date: DateInput, timeZone?: string): string {
  const d = toDate(date);
  if (!isValid(d)) return "—";
  const p = getParts(d, timeZone);
  return `${p.day} ${MONTHS[p.month - 1] ?? ""} ${p.year}, ${pad2(p.hour)}:${pad2(p.minute)}`;
}

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Compact relative time: "just now", "3 min ago", "in 2 h", "yesterday", "tomorrow", "5 days ago", "in 2 mo",
 * "1 yr ago". Based on elapsed time only (time-zone independent). Invalid input yields "—".
 */
export function formatRelative(date: DateInput, now: DateInput = new Date()): string {
  const d = toDate(date);
  const n = toDate(now);
  if (!isValid(d) || !isValid(n)) return "—";
  const diffSeconds = Math.round((d.getTime() - n.getTime()) / 1000);
  const future = diffSeconds > 0;
  const s = Math.abs(diffSeconds);
  const phrase = (text: string) => (future ? `in ${text}` : `${text} ago`);

  if (s < 45) return "just now";
  if (s < HOUR) return phrase(`${Math.max(1, Math.floor(s / MINUTE))} min`);
  if (s < DAY) return phrase(`${Math.floor(s / HOUR)} h`);
  if (s < 2 * DAY) return future ? "tomorrow" : "yesterday";
  const days = Math.floor(s / DAY);
  if (days < 30) return phrase(`${days} days`);
  if (days < 365) return phrase(`${Math.floor(days / 30)} mo`);
  return phrase(`${Math.floor(days / 365)} yr`);
}

/** "Ada Lovelace" → "AL", "ada" → "A", "ada.lovelace@example.com" → "AL". Empty input yields "". */
export function initials(name: string): string {
  const base = name.includes("@") ? (name.split("@")[0] ?? "") : name;
  const words = base
    .split(/[\s._-]+/u)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+/u, ""))
    .filter((w) => w.length > 0);
  const first = words[0];
  if (!first) return "";
  const last = words.length > 1 ? words[words.length - 1] : undefined;
  const firstChar = Array.from(first)[0] ?? "";
  const lastChar = last ? (Array.from(last)[0] ?? "") : "";
  return `${firstChar}${lastChar}`.toLocaleUpperCase("en-GB");
}

const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

/** "2026-10" → "October 2026" (or "Oct 2026" when short). Anything else is returned as given. */
export function formatMonth(month: string, style: "long" | "short" = "long"): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  const index = m ? Number(m[2]) - 1 : -1;
  if (!m || index < 0 || index > 11) return month;
  return `${style === "short" ? MONTHS[index] : MONTH_NAMES[index]} ${m[1]}`;
}

/** "812 B", "41.3 KB", "2.4 MB" (1 KB = 1024 bytes). Negative or invalid input yields "—". */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return "—";
  if (bytes < 1024) return `${Math.round(bytes)} B`;
  const units = ["KB", "MB", "GB"] as const;
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

/**
 * A count or an average as the pages write it: thousands grouped ("29,152"), whole from 100 up, one decimal below
 * ("33,118" a day; "4.5" a day). "—" for anything not a finite number.
 */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return "—";
  return n.toLocaleString("en-GB", { maximumFractionDigits: Math.abs(n) >= 100 ? 0 : 1 });
}

/** The no-break space: looks like a space, but a line never breaks at it. */
export const NBSP = "\u00a0";

/** A number and its unit ("84.8 %", "12 min") kept on one line wherever the text wraps (pages and the PDF alike). */
export const withUnit = (value: number | string, unit: string) => `${value}${NBSP}${unit}`;

/**
 * A share (0–1) as every page, e-mail, recommendation and the monthly PDF write it: floored to 0.1 so 99.96 % never
 * reads as 100 % ("71.5 %", number and sign joined by a no-break space); "—" when there is none. One formatter, so
 * one figure reads the same everywhere.
 */
export function formatShare(share: number | null | undefined): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return "—";
  return withUnit(Math.floor(share * 1000) / 10, "%");
}
