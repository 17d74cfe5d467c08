import { instanceKey, type ShiftInstance } from "./expand";

/**
 * Changes to the plan (roster-rules.md, "Changes to the plan"): overrides on one instance, named by (team, local start
 * date, slot), applied in the order made; then time off, which beats any assignment. Pure.
 */
export type Override =
  | { kind: "replace"; teamId: string; date: string; slotId: string; userId: string; replacementId: string }
  | { kind: "add"; teamId: string; date: string; slotId: string; replacementId: string }
  | { kind: "remove"; teamId: string; date: string; slotId: string; userId: string };
export type TimeOff = { userId: string; from: number; to: number };

/** Instances with their members after the overrides, in the order given (the order they were made). */
export function applyOverrides(instances: ShiftInstance[], overrides: Override[]): ShiftInstance[] {
  const byKey = new Map<string, Override[]>();
  for (const o of overrides) {
    const k = instanceKey(o);
    const list = byKey.get(k);
    if (list) list.push(o);
    else byKey.set(k, [o]);
  }
  if (byKey.size === 0) return instances;
  return instances.map((inst) => {
    const list = byKey.get(instanceKey(inst));
    if (!list) return inst;
    let members = [...inst.members];
    for (const o of list) {
      if (o.kind === "remove") members = members.filter((m) => m !== o.userId);
      else if (o.kind === "add") members = members.includes(o.replacementId) ? members : [...members, o.replacementId];
      else if (members.includes(o.userId)) {
        members = members.filter((m) => m !== o.userId && m !== o.replacementId);
        members.push(o.replacementId);
      }
    }
    return { ...inst, members };
  });
}

export type DutySpan = { userId: string; start: number; end: number };

/** Subtract sorted, possibly overlapping intervals from [a, b). */
function subtract(a: number, b: number, holes: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  let cur = a;
  for (const [s, e] of holes) {
    if (e <= cur || s >= b) continue;
    if (s > cur) out.push([cur, Math.min(s, b)]);
    cur = Math.max(cur, e);
    if (cur >= b) break;
  }
  if (cur < b) out.push([cur, b]);
  return out;
}

/**
 * Each person's time on duty: the union of their instances (a handover overlap counts them once) minus their time off,
 * as disjoint spans per person, sorted by person then start.
 */
export function dutySpans(instances: ShiftInstance[], timeOff: TimeOff[]): DutySpan[] {
  const per = new Map<string, [number, number][]>();
  for (const i of instances)
    for (const m of i.members) {
      const list = per.get(m);
      if (list) list.push([i.start, i.end]);
      else per.set(m, [[i.start, i.end]]);
    }
  const off = new Map<string, [number, number][]>();
  for (const t of timeOff) {
    if (t.to <= t.from) continue;
    const list = off.get(t.userId);
    if (list) list.push([t.from, t.to]);
    else off.set(t.userId, [[t.from, t.to]]);
  }
  for (const list of off.values()) list.sort((x, y) => x[0] - y[0]);
  const out: DutySpan[] = [];
  for (const [userId, spans] of per) {
    spans.sort((x, y) => x[0] - y[0]);
    const merged: [number, number][] = [];
    for (const s of spans) {
      const last = merged[merged.length - 1];
      if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
      else merged.push([s[0], s[1]]);
    }
    const holes = off.get(userId) ?? [];
    for (const [a, b] of merged) for (const [s, e] of subtract(a, b, holes)) out.push({ userId, start: s, end: e });
  }
  return out;
}

/** Who is on duty at `t`: members of an instance containing t ([start, end)), after overrides, minus time off. */
export function onDutyAt(instances: ShiftInstance[], timeOff: TimeOff[], t: number): string[] {
  const people = new Set<string>();
  for (const i of instances) if (i.start <= t && t < i.end) for (const m of i.members) people.add(m);
  for (const o of timeOff) if (o.from <= t && t < o.to) people.delete(o.userId);
  return [...people].sort();
}

/** Whether a time-off entry covers `t` (from inclusive, to exclusive). */
const awayAt = (o: TimeOff, t: number) => o.from <= t && t < o.to;

/** The instances containing `t` with the members actually on duty (time off removed), e.g. for "on duty now". */
export function instancesAt(instances: ShiftInstance[], timeOff: TimeOff[], t: number): ShiftInstance[] {
  return instances
    .filter((i) => i.start <= t && t < i.end)
    .map((i) => ({
      ...i,
      members: i.members.filter((m) => !timeOff.some((o) => o.userId === m && awayAt(o, t))),
    }));
}

const HOUR = 3_600_000;

/**
 * `instancesAt` for many instants (breach attribution over a month): the instances bucketed by the UTC hours they
 * overlap, so an instant is checked against its hour's few shifts rather than every shift of the month, and time off
 * looked up per person. `containing(t)`: the same instances in the same order as `instancesAt` (members not yet
 * filtered); `onDuty(i, t)`: that instance's members `instancesAt` keeps at `t`.
 */
export function instantIndex(instances: ShiftInstance[], timeOff: TimeOff[]) {
  const buckets = new Map<number, ShiftInstance[]>();
  for (const i of instances) {
    for (let h = Math.floor(i.start / HOUR); h * HOUR < i.end; h++) {
      const list = buckets.get(h);
      if (list) list.push(i);
      else buckets.set(h, [i]);
    }
  }
  const offOf = new Map<string, TimeOff[]>();
  for (const o of timeOff) {
    const list = offOf.get(o.userId);
    if (list) list.push(o);
    else offOf.set(o.userId, [o]);
  }
  return {
    containing: (t: number) => (buckets.get(Math.floor(t / HOUR)) ?? []).filter((i) => i.start <= t && t < i.end),
    onDuty: (i: ShiftInstance, t: number) => i.members.filter((m) => !(offOf.get(m) ?? []).some((o) => awayAt(o, t))),
  };
}
