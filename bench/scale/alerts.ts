/**
 * One alert as the intake stores it: a vendor payload rendered by the seed's generator (`db/seed/generate.ts`) in
 * the sensor's format, normalised and finalised by the intake's own code (`normalizers`, `finalizeAlert`), then the
 * row `upsertAlerts` would leave (dedup repeats as occurrences and last seen, the raw payload held or pruned by the
 * retention), with the triage that followed. Written as one COPY line.
 */
import type { Detection, Host, Rng } from "@/db/seed/generate";
import { detectionsFor, render, signalFrom } from "@/db/seed/generate";
import type { AttachableAlert } from "@/server/incidents/queries";
import { type AlertRecord, finalizeAlert } from "@/server/ingest/finalize";
import { normalizers } from "@/server/ingest/normalize";

export { ALERT_COLUMNS } from "./columns";

import { arr, json, jsonText, NULL, num, ts, txt } from "./copy";
import { DAY, HOUR, MINUTE, type Plan } from "./plan";
import { logNormal, uuid, weighted } from "./random";
import type { SensorPlan } from "./sensors";

/** Severity mix of the routine alert stream: informational … critical. */
export const ROUTINE_SEVERITY = [25, 40, 27, 7, 1];

const VERDICTS: [string, number, string[]][] = [
  ["false_positive", 55, ["Known admin tool", "Scanner allow-listed", "Test activity by IT", "Vendor signature noise"]],
  ["benign", 35, ["Expected software update", "User confirmed the action", "Backup job", "Patch deployment"]],
  ["duplicate", 10, ["Same activity already triaged", "Repeat of an earlier alert"]],
];

export type AlertSpec = {
  sensor: SensorPlan;
  host: Host;
  user: string;
  severity: 1 | 2 | 3 | 4 | 5;
  receivedAt: number;
  /** A detection of this kind (endpoint stories) instead of any of the format's. */
  detection?: Detection;
  repeatShare: number;
};

export type MadeAlert = { fields: string[]; attach: AttachableAlert; sensor: SensorPlan; lastSeenAt: number };

export type AlertContext = {
  plan: Plan;
  customerId: string;
  domain: string;
  upper: string;
  r: Rng;
  analysts: string[];
};

/** The format's detections nearest to a severity (the vendor's own severity is then set to it). */
export function detectionFor(r: Rng, sensor: SensorPlan, severity: number): Detection {
  const all = detectionsFor(sensor.format);
  const best = Math.min(...all.map((d) => Math.abs(d.severity - severity)));
  const near = all.filter((d) => Math.abs(d.severity - severity) === best);
  return near[Math.floor(r() * near.length)]!;
}

/** The columns of an alert that depend only on what was detected where (escaped once per template). */
export type Constant = Record<
  | "vendorStatus"
  | "product"
  | "title"
  | "description"
  | "severity"
  | "vendorSeverity"
  | "techniques"
  | "tactics"
  | "entities"
  | "truncated",
  string
>;
export const constantOf = (rec: AlertRecord): Constant => ({
  vendorStatus: txt(rec.vendorStatus),
  product: txt(rec.product),
  title: txt(rec.title),
  description: txt(rec.description),
  severity: String(rec.severity),
  vendorSeverity: txt(rec.vendorSeverity),
  techniques: arr(rec.techniques),
  tactics: arr(rec.tactics),
  entities: json(rec.entities),
  truncated: arr(rec.truncated),
});
/** The columns that differ between two alerts of one kind: the vendor's ids and times, and the payload. */
export type Variable = Pick<
  AlertRecord,
  "dedupKey" | "vendorAlertId" | "eventTime" | "originalEventTime" | "clockSkew" | "vendorCreatedAt"
> & { rawText: string };

/** A payload of the sensor's format rendered and normalised by the intake's own code. */
export function normalizeOne(ctx: AlertContext, spec: AlertSpec) {
  const { r } = ctx;
  const det = spec.detection ?? detectionFor(r, spec.sensor, spec.severity);
  const eventAt = spec.receivedAt - Math.floor(5_000 + r() * 85_000);
  const signal = {
    ...signalFrom(r, det, new Date(eventAt), spec.host, spec.user, ctx.domain),
    severity: spec.severity,
  };
  const payload = render(spec.sensor.format, signal, ctx.upper);
  const n = normalizers[spec.sensor.format](payload);
  if (n.kind !== "alert") throw new Error(`scale: a ${spec.sensor.format} payload made no alert (${n.kind})`);
  return { signal, payload, rec: finalizeAlert(n, new Date(spec.receivedAt)), rawText: JSON.stringify(payload) };
}

/** One alert, every step through the intake's code. */
export function makeAlert(ctx: AlertContext, spec: AlertSpec): MadeAlert {
  const { rec, rawText } = normalizeOne(ctx, spec);
  return alertOf(ctx, spec.sensor, spec.receivedAt, spec.repeatShare, rec, constantOf(rec), { ...rec, rawText });
}

/** The row the intake leaves: dedup repeats (occurrences, last seen) and the payload held or pruned by the retention. */
export function alertOf(
  ctx: AlertContext,
  sensor: SensorPlan,
  receivedAt: number,
  repeatShare: number,
  rec: Pick<AlertRecord, "title" | "severity" | "techniques" | "entities" | "keys">,
  c: Constant,
  v: Variable,
): MadeAlert {
  const { r, plan } = ctx;
  const repeats = r() < repeatShare ? 1 + Math.floor(logNormal(r, 2, 1)) : 0;
  const lastSeenAt = Math.min(plan.now.getTime() - 1000, receivedAt + repeats * Math.floor(MINUTE + r() * 30 * MINUTE));
  const held = lastSeenAt > plan.now.getTime() - plan.rawDays * DAY;
  const id = uuid(r);
  const attach: AttachableAlert = {
    id,
    dedupKey: v.dedupKey,
    title: rec.title,
    severity: rec.severity,
    eventTime: v.eventTime,
    receivedAt: new Date(receivedAt),
    vendorCreatedAt: v.vendorCreatedAt,
    techniques: rec.techniques,
    entities: rec.entities,
    keys: rec.keys,
  };
  // biome-ignore format: the columns of ALERT_COLUMNS in order, the triage columns follow
  const fields = [
    id, ctx.customerId, sensor.id, sensor.keyId, sensor.format, txt(v.dedupKey), txt(v.vendorAlertId), c.vendorStatus,
    c.product, c.title, c.description, c.severity, c.vendorSeverity, ts(v.eventTime), ts(v.originalEventTime),
    num(v.clockSkew), ts(v.vendorCreatedAt), ts(receivedAt), ts(lastSeenAt), String(1 + repeats), c.techniques,
    c.tactics, c.entities, c.truncated, held ? jsonText(v.rawText) : "{}",
    held ? NULL : ts(Math.min(plan.now.getTime(), lastSeenAt + plan.rawDays * DAY + 3 * HOUR)),
  ];
  return { fields, attach, sensor, lastSeenAt };
}

/** A routine alert's triage: recent ones still in the queue, the rest closed with a verdict. */
export function routineTriage(ctx: AlertContext, a: MadeAlert): string[] {
  const { r, plan } = ctx;
  const received = a.attach.receivedAt.getTime();
  const ageH = (plan.now.getTime() - received) / HOUR;
  const analyst = ctx.analysts[Math.floor(r() * ctx.analysts.length)]!;
  if (ageH < 48 && r() < Math.exp(-ageH / 6)) {
    if (r() < 0.7) return ["new", NULL, NULL, NULL, NULL, NULL, NULL, NULL];
    const at = Math.min(plan.now.getTime() - 1000, received + Math.floor(logNormal(r, 10 * MINUTE, 0.8)));
    return ["acknowledged", NULL, NULL, analyst, ts(at), analyst, NULL, NULL];
  }
  const [verdict, , reasons] =
    VERDICTS[
      weighted(
        r,
        VERDICTS.map((v) => v[1]),
      )
    ]!;
  const at = Math.min(plan.now.getTime() - 1000, received + Math.floor(logNormal(r, 40 * MINUTE, 1)));
  const who = r() < 0.3 ? analyst : NULL;
  return ["closed", verdict, txt(reasons[Math.floor(r() * reasons.length)]!), who, NULL, NULL, ts(at), NULL];
}

/** An alert put into an incident (escalated or joined by correlation). */
export const escalatedTriage = (incidentId: string, at: number, analyst: string | null): string[] => [
  "escalated",
  NULL,
  NULL,
  analyst ?? NULL,
  NULL,
  NULL,
  ts(at),
  incidentId,
];
