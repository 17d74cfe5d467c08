/** Viewer-zone helpers for the roster views (the browser's own zone; the roster's zone is shown beside it). */
export const DAY = 86_400_000;
export const HOUR = 3_600_000;

export function viewerZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** Local midnight (viewer zone) of the day containing t, and the following days' midnights. */
export function startOfLocalDay(t: number): number {
  const d = new Date(t);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

export function addLocalDays(t: number, n: number): number {
  const d = new Date(t);
  d.setDate(d.getDate() + n);
  return d.getTime();
}

export function startOfLocalWeek(t: number): number {
  const d = new Date(startOfLocalDay(t));
  d.setDate(d.getDate() - ((d.getDay() + 6) % 7));
  return d.getTime();
}

export const hm = (t: Date | number, timeZone?: string) =>
  new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone }).format(t);
export const dayLabel = (t: Date | number) =>
  new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short" }).format(t);
export const dayTime = (t: Date | number) =>
  new Intl.DateTimeFormat("en-GB", {
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
  }).format(t);

export function reasonLabel(r: string): string {
  if (r === "headcount") return "Too few on duty";
  if (r === "seniority") return "No senior analyst";
  if (r.startsWith("skill:")) return `No ${r.slice(6)} skill`;
  if (r.startsWith("language:")) return `No ${r.slice(9).toUpperCase()} speaker`;
  return r;
}
