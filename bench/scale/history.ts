/**
 * A year of alerts and incidents for every customer, generated day by day in time order (so the tables' physical
 * order is arrival order across customers, as the intake leaves it) and streamed into the tables by COPY. Per
 * customer, per day: routine alerts at business-hour-weighted times in the customer's zone (most closed with a
 * verdict, the last hours' still in the queue), bursts (one sensor repeating one detection for an hour), and incidents
 * of one to eight alerts on one host, escalated and played through (`incidents.ts`). Volume grows over the year and
 * dips at weekends. Tallies per customer-month feed the stored reports' figures.
 */
import type postgres from "postgres";
import { Temporal } from "temporal-polyfill";
import type { Rng } from "@/db/seed/generate";
import { makeUsers } from "@/db/seed/generate";
import { lastMonths, monthRange } from "@/server/sla/report";
import {
  ALERT_COLUMNS,
  type AlertContext,
  type AlertSpec,
  escalatedTriage,
  type MadeAlert,
  makeAlert,
  ROUTINE_SEVERITY,
  routineTriage,
} from "./alerts";
import type { AssetPlan } from "./assets";
import { type CopyWriter, copyInto } from "./copy";
import { INCIDENT_COLUMNS, type Out, writeIncident } from "./incidents";
import type { People } from "./people";
import { type CustomerPlan, DAY, HISTORY_DAYS, HOUR, MINUTE, type Plan, versionAt } from "./plan";
import { allocate, stream, weighted } from "./random";
import type { SensorPlan } from "./sensors";
import { fromTemplate, makeTemplate, type Template } from "./templates";
import { clockTerms, termsOf } from "./tenants";

/** Per customer, per month of the last 13 in its zone (oldest first): what the stored reports print. */
export type Tally = {
  months: string[];
  bounds: number[];
  alerts: number[];
  escalated: number[];
  incidents: number[];
  highOrCritical: number[];
};

type State = {
  c: CustomerPlan;
  r: Rng;
  ctx: AlertContext;
  sensors: SensorPlan[];
  hosts: AssetPlan[];
  users: string[];
  routine: number[];
  incidents: number[];
  sizes: number[];
  /** The customer's routine alert kinds, made on first use (`templates.ts`). */
  templates: (Template | undefined)[];
  bursts: { day: number; size: number }[];
  offsetMs: number;
  number: number;
  tally: Tally;
  versions: Map<string, { id: string; terms: ReturnType<typeof clockTerms>; allowedActions: readonly string[] }>;
  admin: { id: string; name: string };
  contacts: string[];
};

const INCIDENT_SEVERITY = [5, 25, 46, 20, 4]; // critical, high, medium, low, informational

export async function writeHistory(
  sql: postgres.Sql,
  plan: Plan,
  people: People,
  sensorsOf: SensorPlan[][],
  hostsOf: AssetPlan[][],
  log: (s: string) => void,
) {
  const now = plan.now.getTime();
  const from = plan.from.getTime();
  const dayWeight = Array.from({ length: HISTORY_DAYS }, (_, d) => {
    const wd = new Date(from + d * DAY + DAY / 2).getUTCDay();
    return (0.8 + (0.4 * d) / HISTORY_DAYS) * (wd === 0 || wd === 6 ? 0.65 : 1);
  });
  const analysts = people.analysts.map((a) => a.id);
  const states: State[] = plan.customers.map((c, i) => {
    const r = stream(plan.seed, "history", c.index);
    const sizes = Array.from({ length: c.incidents }, () => {
      const u = r();
      return u < 0.45 ? 1 : u < 0.7 ? 2 : u < 0.83 ? 3 : u < 0.91 ? 4 : 5 + Math.floor(r() * 4);
    });
    let inIncidents = sizes.reduce((a, b) => a + b, 0);
    for (let k = 0; inIncidents > c.alerts / 2 && k < sizes.length; k++) {
      inIncidents -= sizes[k]! - 1;
      sizes[k] = 1;
    }
    const bursts: { day: number; size: number }[] = [];
    let inBursts = 0;
    while (inBursts < (c.alerts - inIncidents) * 0.08) {
      const size = 50 + Math.floor(r() * 350);
      bursts.push({ day: weighted(r, dayWeight), size });
      inBursts += size;
    }
    if (inBursts > c.alerts - inIncidents) bursts.length = 0;
    const routineTotal = c.alerts - inIncidents - bursts.reduce((a, b) => a + b.size, 0);
    const months = lastMonths(plan.now, c.timezone, 13);
    const zero = () => months.map(() => 0);
    const versions = new Map(
      c.versions.map((v) => {
        const t = termsOf(c, v);
        return [v.id, { id: v.id, terms: clockTerms(t), allowedActions: t.allowedActions }];
      }),
    );
    const u = people.customerUsers[i]![0]!;
    return {
      c,
      r,
      ctx: {
        plan,
        customerId: c.id,
        domain: `corp.${c.slug}.example`,
        upper: c.slug.split("-")[0]!.toUpperCase(),
        r,
        analysts,
      },
      sensors: sensorsOf[i]!.filter((s) => s.to > s.from),
      hosts: hostsOf[i]!,
      users: makeUsers(stream(plan.seed, "alert-users", c.index), Math.max(5, Math.ceil(c.assets / 2))),
      routine: allocate(routineTotal, dayWeight),
      incidents: allocate(c.incidents, dayWeight),
      sizes,
      templates: new Array(Math.max(20, Math.min(300, Math.round(routineTotal / 60)))).fill(undefined),
      bursts,
      offsetMs: Temporal.Instant.fromEpochMilliseconds(now).toZonedDateTimeISO(c.timezone).offsetNanoseconds / 1e6,
      number: 0,
      tally: {
        months,
        bounds: [
          ...months.map((m) => monthRange(m, c.timezone).from.getTime()),
          monthRange(months.at(-1)!, c.timezone).to.getTime(),
        ],
        alerts: zero(),
        escalated: zero(),
        incidents: zero(),
        highOrCritical: zero(),
      },
      versions,
      admin: { id: u.id, name: u.name },
      contacts: [`contact1@${c.slug}.example`, `contact2@${c.slug}.example`],
    };
  });

  const alerts = await copyInto(sql, "alerts", ALERT_COLUMNS);
  const out = Object.fromEntries(
    await Promise.all(
      Object.entries(INCIDENT_COLUMNS).map(async ([k, cols]) => [k, await copyInto(sql, TABLES[k as keyof Out], cols)]),
    ),
  ) as Record<keyof Out, CopyWriter>;

  let written = 0;
  const t0 = performance.now();
  for (let d = 0; d < HISTORY_DAYS; d++) {
    const dayStart = from + d * DAY;
    const day: { t: number; fields: string[] }[] = [];
    for (const s of states) {
      if (!s.sensors.length) continue;
      const timeOf = () => businessTime(s, dayStart, Math.min(now - 2 * MINUTE, dayStart + DAY));
      for (let k = 0; k < s.routine[d]!; k++) {
        const a = routineAlert(s, timeOf(), 0.2);
        day.push({ t: a.attach.receivedAt.getTime(), fields: [...a.fields, ...routineTriage(s.ctx, a)] });
        count(s.tally, s.tally.alerts, a.attach.receivedAt.getTime());
      }
      for (const b of s.bursts.filter((x) => x.day === d)) {
        // One sensor repeating one detection on one host for an hour.
        const start = timeOf();
        const spec = routineSpec(s, start, 0.5);
        const tpl = makeTemplate(s.ctx, spec);
        for (let k = 0; k < b.size; k++) {
          const t = Math.min(now - 1000, start + Math.floor((k * HOUR) / b.size));
          const a = tpl.exact ? fromTemplate(s.ctx, tpl, t, 0.5) : makeAlert(s.ctx, { ...spec, receivedAt: t });
          day.push({ t, fields: [...a.fields, ...routineTriage(s.ctx, a)] });
          count(s.tally, s.tally.alerts, t);
        }
      }
      const opened = Array.from({ length: s.incidents[d]! }, () => timeOf()).sort((a, b) => a - b);
      for (const t of opened) {
        const made = incidentAlerts(s, t, s.sizes[s.number]!, now);
        s.number++;
        const v = s.versions.get(versionAt(s.c, t).id)!;
        const analystIdx = Math.floor(s.r() * people.analysts.length);
        const { id, escalatedAt } = await writeIncident(out, {
          r: s.r,
          now,
          customerId: s.c.id,
          number: s.number,
          alerts: made,
          version: v,
          analyst: people.analysts[analystIdx]!,
          customerAdmin: s.admin,
          contacts: s.contacts,
        });
        count(s.tally, s.tally.incidents, escalatedAt);
        if (Math.max(...made.map((a) => a.attach.severity)) >= 4) count(s.tally, s.tally.highOrCritical, escalatedAt);
        for (const a of made) {
          const rt = a.attach.receivedAt.getTime();
          day.push({
            t: rt,
            fields: [...a.fields, ...escalatedTriage(id, Math.max(rt, escalatedAt), people.analysts[analystIdx]!.id)],
          });
          count(s.tally, s.tally.alerts, rt);
          count(s.tally, s.tally.escalated, rt);
        }
      }
    }
    day.sort((a, b) => a.t - b.t);
    for (const x of day) await alerts.row(x.fields);
    written += day.length;
    if (d % 30 === 29 || d === HISTORY_DAYS - 1)
      log(
        `  day ${d + 1}/${HISTORY_DAYS}: ${written.toLocaleString("en-GB")} alerts (${Math.round(written / ((performance.now() - t0) / 1000))}/s)`,
      );
  }
  const counts: Record<string, number> = { alerts: await alerts.end() };
  for (const [k, w] of Object.entries(out)) counts[k] = await w.end();
  return { counts, tallies: states.map((s) => s.tally) };
}

const TABLES: Record<keyof Out, string> = {
  incidents: "incidents",
  events: "incident_events",
  entities: "incident_entities",
  techniques: "incident_techniques",
  observables: "observables",
  clocks: "sla_clocks",
  slaAlerts: "sla_alerts",
  actions: "response_actions",
};

function count(t: Tally, into: number[], at: number) {
  for (let m = t.months.length - 1; m >= 0; m--)
    if (at >= t.bounds[m]!) {
      if (at < t.bounds[m + 1]!) into[m]!++;
      return;
    }
}

/** An instant of the day, twice as likely in the customer's office hours (08–18 local, weekdays) as at night. */
function businessTime(s: State, from: number, to: number): number {
  for (;;) {
    const t = from + Math.floor(s.r() * (to - from));
    const local = new Date(t + s.offsetMs);
    const h = local.getUTCHours();
    const wd = local.getUTCDay();
    const w = wd > 0 && wd < 6 && h >= 8 && h < 18 ? 1 : 0.45;
    if (s.r() < w) return t;
  }
}

function pickSensor(s: State, at: number): SensorPlan {
  const live = s.sensors.filter((x) => x.from <= at && at < x.to);
  const list = live.length ? live : s.sensors;
  return list[
    weighted(
      s.r,
      list.map((x) => x.volume),
    )
  ]!;
}

function routineSpec(s: State, t: number, repeatShare: number): AlertSpec {
  return {
    sensor: pickSensor(s, t),
    host: s.hosts[Math.floor(s.r() * s.hosts.length)]!,
    user: s.users[Math.floor(s.r() * s.users.length)]!,
    severity: (1 + weighted(s.r, ROUTINE_SEVERITY)) as 1,
    receivedAt: t,
    repeatShare,
  };
}

/** A routine alert: another of one of the customer's alert kinds while its sensor sends, else one made in full. */
function routineAlert(s: State, t: number, repeatShare: number): MadeAlert {
  const k = Math.floor(s.r() * s.templates.length);
  if (!s.templates[k]) s.templates[k] = makeTemplate(s.ctx, routineSpec(s, t, repeatShare));
  const tpl = s.templates[k]!;
  if (tpl.exact && tpl.sensor.from <= t && t < tpl.sensor.to) return fromTemplate(s.ctx, tpl, t, repeatShare);
  return makeAlert(s.ctx, routineSpec(s, t, repeatShare));
}

/** The alerts of one incident: one host and user, arriving within minutes of each other. */
function incidentAlerts(s: State, first: number, size: number, now: number): MadeAlert[] {
  const sev = (5 - weighted(s.r, INCIDENT_SEVERITY)) as 1;
  const host = s.hosts[Math.floor(s.r() * s.hosts.length)]!;
  const user = s.users[Math.floor(s.r() * s.users.length)]!;
  const sensor = pickSensor(s, first);
  const out: MadeAlert[] = [];
  let t = first;
  for (let k = 0; k < size; k++) {
    const severity = (k === 0 ? sev : Math.max(1, sev - Math.floor(s.r() * 2))) as 1;
    out.push(makeAlert(s.ctx, { sensor, host, user, severity, receivedAt: Math.min(now - 1000, t), repeatShare: 0.3 }));
    t += Math.floor(s.r() * 5 * MINUTE);
  }
  return out;
}
