import { SENSOR_CLASSES, SOURCE_FORMATS } from "@/db/schema/sensors";
import type { SensorState as SensorHealth } from "@/server/coverage/health";
import { FORMAT_DEFAULTS, SENSOR_CLASS_LABELS, SOURCE_FORMAT_LABELS } from "@/server/sensors/schema";

export { FORMAT_DEFAULTS, SENSOR_CLASS_LABELS, SENSOR_CLASSES, SOURCE_FORMAT_LABELS, SOURCE_FORMATS };
export type SensorClass = (typeof SENSOR_CLASSES)[number];
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

/** Worst first: the order the health filter lists them in. */
export const HEALTH_STATES: readonly SensorHealth[] = ["silent", "degraded", "pending", "healthy", "retired"];

export const HEALTH_LABELS: Record<SensorHealth, string> = {
  healthy: "Healthy",
  degraded: "Degraded",
  silent: "Silent",
  pending: "Pending",
  retired: "Retired",
};

export const HEALTH_HINTS: Record<SensorHealth, string> = {
  healthy: "A heartbeat or event arrived within 3 × its expected interval.",
  degraded:
    "Reporting, but a health event (capture loss, a vendor's health flag) arrived in the last hour, or its agent version is unsupported.",
  silent: "No heartbeat and no event for more than 3 × its expected interval.",
  pending: "Created, but no heartbeat or event has arrived yet.",
  retired: "Retired: its keys are revoked and the intake refuses it.",
};

export const isSensorClass = (v: string): v is SensorClass => (SENSOR_CLASSES as readonly string[]).includes(v);
export const isSourceFormat = (v: string): v is SourceFormat => (SOURCE_FORMATS as readonly string[]).includes(v);
export const isHealth = (v: string): v is SensorHealth => (HEALTH_STATES as readonly string[]).includes(v);

/** "wk_Ab3dE_9k_…": the public part of a key; the secret is never stored. */
export const maskedKey = (prefix: string) => `wk_${prefix}_…`;

/** Events per second, readable: 0.4, 12, 1.2k. */
export function formatEps(eps: number | null): string {
  if (eps === null || Number.isNaN(eps)) return "—";
  if (eps >= 10_000) return `${(eps / 1000).toFixed(0)}k`;
  if (eps >= 1000) return `${(eps / 1000).toFixed(1)}k`;
  if (eps >= 10) return Math.round(eps).toLocaleString("en-GB");
  return eps.toLocaleString("en-GB", { maximumFractionDigits: 1 });
}

export const formatCount = (n: number | null) => (n === null ? "—" : n.toLocaleString("en-GB"));

/** "CrowdStrike Falcon Insight", but "Zeek" rather than "Zeek Zeek" and "Wazuh manager" rather than "Wazuh Wazuh manager". */
export function vendorProduct(vendor: string, product: string): string {
  return product.toLowerCase().startsWith(vendor.toLowerCase()) ? product : `${vendor} ${product}`;
}

/** A health note's name, readable: "CaptureLoss::Too_Much_Loss: The capture…" → "CaptureLoss · Too Much Loss". */
export function healthNoteTitle(note: string): string {
  const head = note.split(/:\s/, 1)[0] ?? note;
  return head.replaceAll("::", " · ").replaceAll("_", " ");
}
