import type { DutySpan } from "./changes";
import { type CustomerDemand, coverageIntervals, isSenior, type Staff, skillsNeeded } from "./demand";
import { hourOfWeek, type Policy } from "./forecast";

/**
 * Gaps (roster-rules.md, "Gaps" and the decisions below it): maximal spans in [from, to) in which on-duty headcount is
 * below the required headcount, or a required skill, seniority or language is missing; touching spans are one gap with
 * every reason; each lists every customer in coverage at some instant of it. Requirements are provider-wide. Pure.
 */
export type Gap = { start: number; end: number; reasons: string[]; customers: { id: string; name: string }[] };
export type HourCover = { start: number; onDuty: number; required: number; gap: boolean };
export type GapInput = {
  from: number;
  to: number;
  duty: DutySpan[];
  staff: Map<string, Staff>;
  demands: CustomerDemand[];
  /** Forecast headcount per UTC hour of the week (168 values). */
  forecast: number[];
  policy: Pick<Policy, "minOnDuty">;
};

const HOUR = 3_600_000;
type Ev = { t: number; delta: 1 | -1; person?: Staff; demand?: number };
type Need = { list: [number, number][]; count: number; skills: string[]; languages: string[]; critical: boolean };

export function computeGaps(x: GapInput): { gaps: Gap[]; hours: HourCover[] } {
  const { from, to } = x;
  if (to <= from) return { gaps: [], hours: [] };
  const evs: Ev[] = [];
  for (const d of x.duty) {
    const a = Math.max(d.start, from);
    const b = Math.min(d.end, to);
    if (b <= a) continue;
    const person = x.staff.get(d.userId) ?? { userId: d.userId, level: 1, skills: [], languages: [] };
    evs.push({ t: a, delta: 1, person }, { t: b, delta: -1, person });
  }
  const cover = coverageIntervals(x.demands, from, to);
  // Contracts with the same coverage intervals and the same needs move together: one event per group and interval,
  // weighted by the group's size (1,000 contracts fall into a few dozen groups).
  const lists = new Map<[number, number][], number>();
  const groups = new Map<string, Need>();
  x.demands.forEach((d, i) => {
    const list = cover[i]!;
    if (list.length === 0) return;
    let id = lists.get(list);
    if (id === undefined) {
      id = lists.size;
      lists.set(list, id);
    }
    const skills = skillsNeeded(d);
    const key = `${id}|${skills.join()}|${d.languages.join()}|${d.critical}`;
    const g = groups.get(key);
    if (g) g.count++;
    else groups.set(key, { list, count: 1, skills, languages: d.languages, critical: d.critical });
  });
  const needs = [...groups.values()];
  needs.forEach((g, i) => {
    for (const [a, b] of g.list) evs.push({ t: a, delta: 1, demand: i }, { t: b, delta: -1, demand: i });
  });
  // Hour boundaries, for the forecast and the hourly series.
  const firstHour = Math.floor(from / HOUR) * HOUR;
  for (let h = firstHour + HOUR; h < to; h += HOUR) evs.push({ t: h, delta: 1 });
  // Ends before starts at the same instant: [start, end) spans that touch do not overlap.
  evs.sort((a, b) => a.t - b.t || a.delta - b.delta);

  let onDuty = 0;
  let senior = 0;
  let active = 0;
  let critical = 0;
  const skillHeld = new Map<string, number>();
  const langHeld = new Map<string, number>();
  const skillWanted = new Map<string, number>();
  const langWanted = new Map<string, number>();
  const bump = (m: Map<string, number>, k: string, d: number) => m.set(k, (m.get(k) ?? 0) + d);

  const hours: HourCover[] = [];
  for (let h = firstHour; h < to; h += HOUR) hours.push({ start: h, onDuty: Infinity, required: 0, gap: false });
  const gaps: Gap[] = [];
  let open: { start: number; reasons: Set<string> } | null = null;

  const evaluate = (a: number) => {
    const forecast = x.forecast[hourOfWeek(a)] ?? 0;
    const required = Math.max(active > 0 ? x.policy.minOnDuty : 0, forecast);
    const reasons: string[] = [];
    if (onDuty < required) reasons.push("headcount");
    if (critical > 0 && senior === 0) reasons.push("seniority");
    for (const [k, n] of skillWanted) if (n > 0 && !(skillHeld.get(k)! > 0)) reasons.push(`skill:${k}`);
    for (const [k, n] of langWanted) if (n > 0 && !(langHeld.get(k)! > 0)) reasons.push(`language:${k}`);
    const hour = hours[Math.floor((a - firstHour) / HOUR)];
    if (hour) {
      hour.onDuty = Math.min(hour.onDuty, onDuty);
      hour.required = Math.max(hour.required, required);
      if (reasons.length) hour.gap = true;
    }
    if (reasons.length) {
      if (!open) open = { start: a, reasons: new Set() };
      for (const r of reasons) open.reasons.add(r);
    } else if (open) {
      gaps.push({ start: open.start, end: a, reasons: sortReasons(open.reasons), customers: [] });
      open = null;
    }
  };

  let t = from;
  let i = 0;
  while (t < to) {
    while (i < evs.length && evs[i]!.t <= t) apply(evs[i++]!);
    const next = i < evs.length ? Math.min(evs[i]!.t, to) : to;
    evaluate(t);
    t = next;
  }
  if (open)
    gaps.push({
      start: (open as { start: number }).start,
      end: to,
      reasons: sortReasons((open as { reasons: Set<string> }).reasons),
      customers: [],
    });

  function apply(e: Ev) {
    if (e.person) {
      const p = e.person;
      onDuty += e.delta;
      if (isSenior(p)) senior += e.delta;
      for (const s of p.skills) bump(skillHeld, s, e.delta);
      for (const l of p.languages) bump(langHeld, l, e.delta);
    } else if (e.demand !== undefined) {
      const n = needs[e.demand]!;
      const k = e.delta * n.count;
      active += k;
      if (n.critical) critical += k;
      for (const s of n.skills) bump(skillWanted, s, k);
      for (const l of n.languages) bump(langWanted, l, k);
    }
  }

  for (const g of gaps) {
    const seen = new Map<string, string>();
    cover.forEach((list, k) => {
      const d = x.demands[k]!;
      if (!seen.has(d.customerId) && overlaps(list, g.start, g.end)) seen.set(d.customerId, d.customerName);
    });
    g.customers = [...seen].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
  }
  for (const h of hours) if (h.onDuty === Infinity) h.onDuty = 0;
  return { gaps, hours };
}

const ORDER = (r: string) => (r === "headcount" ? 0 : r === "seniority" ? 1 : r.startsWith("skill:") ? 2 : 3);
function sortReasons(s: Set<string>): string[] {
  return [...s].sort((a, b) => ORDER(a) - ORDER(b) || a.localeCompare(b));
}

/** Any interval of a sorted list overlapping [a, b). */
function overlaps(list: [number, number][], a: number, b: number): boolean {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]![1] <= a) lo = mid + 1;
    else hi = mid;
  }
  return lo < list.length && list[lo]![0] < b;
}
