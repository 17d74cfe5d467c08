import type { Band, Driver } from "./score";

/**
 * The console's posture overview, pure: every active customer's kept live score beside its last two closed months,
 * sorted and paged. Scores come from `posture_live` (the posture job's, with the instant each was computed for) and
 * `posture_scores` (closed months), so the page reads three small tables instead of computing 1,000 live scores.
 */
export const OVERVIEW_SORTS = ["score", "drop", "name"] as const;
export type OverviewSort = (typeof OVERVIEW_SORTS)[number];

/** A drop of this many points or more from one closed month to the next is flagged. */
export const DROP_FLAG = 10;

export type KeptScore = {
  customerId: string;
  score: number;
  band: Band;
  drivers: Record<string, number>;
  computedAt: Date;
};
export type StoredMonth = { customerId: string; month: string; score: number };
export type OverviewCustomer = { id: string; name: string; lastMonth: string; previousMonth: string };

export type OverviewRow = {
  customerId: string;
  name: string;
  /** Null until the posture job has scored the customer (a customer onboarded in the last minutes). */
  live: number | null;
  band: Band | null;
  drivers: Record<Driver, number> | null;
  computedAt: Date | null;
  lastMonth: string;
  previousMonth: string;
  lastMonthScore: number | null;
  previousMonthScore: number | null;
  change: number | null;
  dropped: boolean;
};

export function overviewRows(customers: OverviewCustomer[], kept: KeptScore[], stored: StoredMonth[]): OverviewRow[] {
  const keptOf = new Map(kept.map((k) => [k.customerId, k]));
  const storedOf = new Map(stored.map((s) => [`${s.customerId}:${s.month}`, s.score]));
  return customers.map((c) => {
    const k = keptOf.get(c.id);
    const last = storedOf.get(`${c.id}:${c.lastMonth}`) ?? null;
    const prev = storedOf.get(`${c.id}:${c.previousMonth}`) ?? null;
    const change = last !== null && prev !== null ? last - prev : null;
    return {
      customerId: c.id,
      name: c.name,
      live: k?.score ?? null,
      band: k?.band ?? null,
      drivers: (k?.drivers as Record<Driver, number> | undefined) ?? null,
      computedAt: k?.computedAt ?? null,
      lastMonth: c.lastMonth,
      previousMonth: c.previousMonth,
      lastMonthScore: last,
      previousMonthScore: prev,
      change,
      dropped: change !== null && change <= -DROP_FLAG,
    };
  });
}

// One collator for every comparison: `localeCompare` with options builds one per call (a 1,000-row sort took 30 ms).
const collator = new Intl.Collator("en", { sensitivity: "base" });
const byName = (a: OverviewRow, b: OverviewRow) =>
  collator.compare(a.name, b.name) || (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0);
/** Nulls (not scored yet, no change known) after every number, whatever the order. */
const nullsLast = (a: number | null, b: number | null) => (a === null ? (b === null ? 0 : 1) : b === null ? -1 : a - b);

const ORDERS: Record<OverviewSort, (a: OverviewRow, b: OverviewRow) => number> = {
  score: (a, b) => nullsLast(a.live, b.live) || byName(a, b),
  drop: (a, b) => nullsLast(a.change, b.change) || nullsLast(a.live, b.live) || byName(a, b),
  name: byName,
};

export type OverviewQuery = { search?: string; sort: OverviewSort; page: number; pageSize: number };

/**
 * One page of the rows, searched by name (case-insensitive), in the chosen order: lowest live score first, the largest
 * drop first, or by name. Counts are over every customer, so the header does not change with the page.
 */
export function overviewPage(rows: OverviewRow[], query: OverviewQuery) {
  const term = query.search?.trim().toLocaleLowerCase("en") ?? "";
  const found = term ? rows.filter((r) => r.name.toLocaleLowerCase("en").includes(term)) : rows;
  const sorted = [...found].sort(ORDERS[query.sort]);
  const start = (query.page - 1) * query.pageSize;
  const times = rows.flatMap((r) => (r.computedAt ? [r.computedAt.getTime()] : []));
  return {
    rows: sorted.slice(start, start + query.pageSize),
    total: found.length,
    page: query.page,
    pageSize: query.pageSize,
    customers: rows.length,
    flagged: rows.filter((r) => r.dropped).length,
    unscored: rows.filter((r) => r.live === null).length,
    /** The oldest and newest of the kept scores: the page says how fresh they are. */
    scoredFrom: times.length ? new Date(Math.min(...times)) : null,
    scoredTo: times.length ? new Date(Math.max(...times)) : null,
  };
}
