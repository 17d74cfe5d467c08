import { AGE_LABELS } from "@/server/alerts/schema";

/**
 * The SOC manager's home, in pure pieces: how long untriaged alerts have waited, and the intake trend. Pure; `now`
 * passed in.
 */
/** The queue's own age filter buckets (`?age=`), so each cell links to the alerts it counts. */
export const AGE_BUCKETS = [
  { key: "lt1h", label: AGE_LABELS.lt1h, maxMs: 3600_000 },
  { key: "1h-24h", label: AGE_LABELS["1h-24h"], maxMs: 24 * 3600_000 },
  { key: "1d-7d", label: AGE_LABELS["1d-7d"], maxMs: 7 * 24 * 3600_000 },
  { key: "gt7d", label: AGE_LABELS.gt7d, maxMs: Number.POSITIVE_INFINITY },
] as const;
export type AgeBucket = (typeof AGE_BUCKETS)[number]["key"];

/** Alert severities (1–5) as the console names them, most severe first. */
export const SEVERITY_ROWS = [
  { severity: 5, label: "Critical" },
  { severity: 4, label: "High" },
  { severity: 3, label: "Medium" },
  { severity: 2, label: "Low" },
  { severity: 1, label: "Informational" },
] as const;

/** The instants that separate the age buckets at `now`, newest first (an alert newer than edge i is in bucket i). */
export function ageEdges(now: Date): Date[] {
  return AGE_BUCKETS.filter((b) => Number.isFinite(b.maxMs)).map((b) => new Date(now.getTime() - b.maxMs));
}

/**
 * Untriaged alerts as a severity × age matrix (rows most severe first, every bucket present), from counts per severity
 * and age bucket index (`ageEdges`); severities outside 1–5 go to the nearest row.
 */
export function ageingMatrix(counts: { severity: number; age: number; count: number }[]) {
  const matrix = SEVERITY_ROWS.map((s) => ({
    ...s,
    buckets: Object.fromEntries(AGE_BUCKETS.map((b) => [b.key, 0])) as Record<AgeBucket, number>,
    total: 0,
  }));
  for (const c of counts) {
    const row = matrix.find((m) => m.severity === Math.min(5, Math.max(1, c.severity)))!;
    row.buckets[AGE_BUCKETS[Math.min(c.age, AGE_BUCKETS.length - 1)]!.key] += c.count;
    row.total += c.count;
  }
  return matrix;
}

/** Quarter-hour intake counts summed per calendar day (YYYY-MM-DD) in `timeZone`. */
export function intakeByDay(quarters: { at: number; received: number }[], timeZone: string) {
  const fmt = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
  const days = new Map<string, number>();
  for (const x of quarters) {
    const day = fmt.format(x.at);
    days.set(day, (days.get(day) ?? 0) + x.received);
  }
  return [...days].map(([day, count]) => ({ day, count }));
}

/** The last `days` calendar days (YYYY-MM-DD, oldest first) ending today in `timeZone`, each with its count. */
export function intakeTrend(counts: { day: string; count: number }[], now: Date, timeZone: string, days = 14) {
  const fmt = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
  const today = fmt.format(now);
  const [y, m, d] = today.split("-").map(Number) as [number, number, number];
  const list: { day: string; count: number }[] = [];
  for (let i = days - 1; i >= 0; i--) {
    const day = new Date(Date.UTC(y, m - 1, d - i)).toISOString().slice(0, 10);
    list.push({ day, count: counts.find((c) => c.day === day)?.count ?? 0 });
  }
  const prior = list.slice(0, -1);
  const average = prior.length ? prior.reduce((a, c) => a + c.count, 0) / prior.length : 0;
  return { days: list, today: list.at(-1)!.count, averageBefore: Math.round(average * 10) / 10 };
}

/** Customers on the home at most; the Customers page lists every one. */
export const HOME_CUSTOMERS = 10;

type CustomerHealth = {
  name: string;
  openCritical: number;
  breached: number;
  silentSensors: number;
  attainment: number | null;
};

/** Needing attention first: open criticals, breaches, silent sensors, the lowest attainment (none last), the name. */
function attentionOrder(a: CustomerHealth, b: CustomerHealth) {
  return (
    b.openCritical - a.openCritical ||
    b.breached - a.breached ||
    b.silentSensors - a.silentSensors ||
    (a.attainment ?? Number.POSITIVE_INFINITY) - (b.attainment ?? Number.POSITIVE_INFINITY) ||
    a.name.localeCompare(b.name)
  );
}

/**
 * The customers that need attention first: open critical incidents, then SLA breaches this month, then silent
 * sensors, then the lowest attainment (none yet last), then by name; the first `limit` of them, in that order. Picks
 * them in one pass instead of sorting all (a provider has 1,000 customers and the home shows ten): a row that does not
 * beat the tenth so far costs one comparison.
 */
export function needingAttention<T extends CustomerHealth>(rows: readonly T[], limit = HOME_CUSTOMERS): T[] {
  const top: T[] = [];
  if (limit <= 0) return top;
  for (const r of rows) {
    if (top.length === limit) {
      if (attentionOrder(r, top[limit - 1]!) >= 0) continue;
      top.pop();
    }
    // Insert after every row that comes before it or ties with it (a stable order, as a sort gives).
    let i = top.length;
    while (i > 0 && attentionOrder(r, top[i - 1]!) < 0) i--;
    top.splice(i, 0, r);
  }
  return top;
}

/** Assignees listed on the home's open-incident tile at most (unassigned first, then who holds most). */
export const HOME_ASSIGNEES = 12;

type OpenCount = {
  status: string;
  assigneeId: string | null;
  assigneeName: string | null;
  count: number;
  critical: number;
};

/**
 * Open incidents by state (with criticals) and by assignee — unassigned first, then most held, then by name — from
 * the status × assignee counts; the assignees beyond `limit` are summed into `others` (a provider has 150 analysts).
 */
export function openIncidentSummary(rows: readonly OpenCount[], limit = HOME_ASSIGNEES) {
  const byStatus = new Map<string, { status: string; count: number; critical: number }>();
  const byAssignee = new Map<string, { id: string | null; name: string; count: number }>();
  for (const r of rows) {
    const s = byStatus.get(r.status) ?? { status: r.status, count: 0, critical: 0 };
    s.count += r.count;
    s.critical += r.critical;
    byStatus.set(r.status, s);
    const key = r.assigneeId ?? "";
    const a = byAssignee.get(key) ?? { id: r.assigneeId, name: r.assigneeName ?? "Unassigned", count: 0 };
    a.count += r.count;
    byAssignee.set(key, a);
  }
  const assignees = [...byAssignee.values()].sort(
    (a, b) => Number(a.id !== null) - Number(b.id !== null) || b.count - a.count || a.name.localeCompare(b.name),
  );
  const rest = assignees.slice(limit);
  return {
    total: rows.reduce((a, r) => a + r.count, 0),
    byStatus: [...byStatus.values()],
    byAssignee: assignees.slice(0, limit),
    others: { people: rest.length, count: rest.reduce((a, r) => a + r.count, 0) },
  };
}
