/**
 * Alert templates: most of a customer's routine alerts are the same few hundred detections on the same hosts, told
 * apart by the vendor's ids and times. A template is one alert rendered and normalised by the intake's code; another
 * alert of it is the same signal rendered with a new vendor id and instant (the payload, cheap), and its dedup key and
 * vendor id are the template's with every payload value that changed swapped in (the id, the times, a flow id derived
 * from the id). The normalised fields that depend only on what was seen (title, severity, entities, techniques) are
 * the template's. That this gives exactly what the intake would make is checked once per template against a second
 * alert normalised in full; a template that fails the check makes its alerts in full.
 */
import { render } from "@/db/seed/generate";
import { finalizeAlert } from "@/server/ingest/finalize";
import { normalizers } from "@/server/ingest/normalize";
import {
  type AlertContext,
  type AlertSpec,
  alertOf,
  type Constant,
  constantOf,
  type MadeAlert,
  normalizeOne,
  type Variable,
} from "./alerts";
import { hex } from "./random";
import type { SensorPlan } from "./sensors";

type Made = ReturnType<typeof normalizeOne>;
export type Template = {
  sensor: SensorPlan;
  made: Made;
  constant: Constant;
  /** Receipt minus event time, and the vendor's creation time minus the event time. */
  lag: number;
  created: number | null;
  exact: boolean;
  /** The template's values that change from one alert to the next, as one pattern (set by the check). */
  pattern: RegExp | null;
};

/** Every leaf of `a` that differs in `b` (same shape: one renderer), as text. */
function changes(a: unknown, b: unknown, into: Map<string, string>) {
  if (a === b) return into;
  if (a && b && typeof a === "object" && typeof b === "object") {
    for (const k of Object.keys(a)) changes((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], into);
  } else if (a !== undefined && a !== null) into.set(String(a), String(b));
  return into;
}

const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** A pattern of the template's changing values, longest first: one pass, so a swapped-in value is never swapped again. */
const patternOf = (map: Map<string, string>) =>
  new RegExp(
    [...map.keys()]
      .sort((x, y) => y.length - x.length)
      .map(literal)
      .join("|"),
    "g",
  );
const swap = (text: string | null, re: RegExp | null, map: Map<string, string>) =>
  text === null || re === null ? text : text.replace(re, (m) => map.get(m) ?? m);

function variable(ctx: AlertContext, t: Template, id: string, eventAt: number): Variable & { payload: unknown } {
  const { signal, payload: before, rec } = t.made;
  const payload = render(t.sensor.format, { ...signal, id, time: new Date(eventAt) }, ctx.upper);
  const map = changes(before, payload, new Map());
  t.pattern ??= map.size ? patternOf(map) : null;
  return {
    payload,
    dedupKey: swap(rec.dedupKey, t.pattern, map)!,
    vendorAlertId: swap(rec.vendorAlertId, t.pattern, map),
    eventTime: new Date(eventAt),
    originalEventTime: null,
    clockSkew: false,
    vendorCreatedAt: t.created === null ? null : new Date(eventAt + t.created),
    rawText: JSON.stringify(payload),
  };
}

export function makeTemplate(ctx: AlertContext, spec: AlertSpec): Template {
  const made = normalizeOne(ctx, spec);
  const e0 = made.signal.time.getTime();
  const t: Template = {
    sensor: spec.sensor,
    made,
    constant: constantOf(made.rec),
    lag: spec.receivedAt - e0,
    created: made.rec.vendorCreatedAt ? made.rec.vendorCreatedAt.getTime() - e0 : null,
    exact: false,
    pattern: null,
  };
  // The check: a second alert of the template, normalised in full, equals the one made by swapping.
  const id = hex(ctx.r, made.signal.id.length);
  const at = e0 + 3_600_123;
  const v = variable(ctx, t, id, at);
  const n = normalizers[spec.sensor.format](v.payload);
  if (n.kind === "alert") {
    const full = finalizeAlert(n, new Date(at + t.lag));
    t.exact =
      v.dedupKey === full.dedupKey &&
      v.vendorAlertId === full.vendorAlertId &&
      v.eventTime.getTime() === full.eventTime.getTime() &&
      (v.vendorCreatedAt?.getTime() ?? null) === (full.vendorCreatedAt?.getTime() ?? null) &&
      JSON.stringify(constantOf(full)) === JSON.stringify(t.constant);
  }
  // Kept for every alert of the template: the signal, its payload and the normalised record; not the text.
  made.rawText = "";
  return t;
}

/** Another alert of the template, received at `receivedAt`. */
export function fromTemplate(ctx: AlertContext, t: Template, receivedAt: number, repeatShare: number): MadeAlert {
  const id = hex(ctx.r, t.made.signal.id.length);
  const v = variable(ctx, t, id, receivedAt - t.lag);
  return alertOf(ctx, t.sensor, receivedAt, repeatShare, t.made.rec, t.constant, v);
}
