import { knownTechniques, tacticsOf } from "@/server/attack/attack";
import { entityKeys, probeKeys } from "./correlate";
import { cleanText } from "./parse";
import type { Entities, NormalizedAlert } from "./types";

export const TITLE_MAX = 512;
export const TEXT_MAX = 64 * 1024;
const SKEW_MS = 24 * 3600_000;

/** What the intake stores for one alert, beyond the tenant and the raw payload. */
export type AlertRecord = {
  dedupKey: string;
  vendorAlertId: string | null;
  vendorStatus: string | null;
  product: string | null;
  title: string;
  description: string | null;
  severity: number;
  vendorSeverity: string | null;
  eventTime: Date;
  originalEventTime: Date | null;
  clockSkew: boolean;
  vendorCreatedAt: Date | null;
  techniques: string[];
  tactics: string[];
  entities: Entities;
  truncated: string[];
  /** Correlation keys the alert gives an incident it joins. */
  keys: string[];
  /** Keys it also looks incidents up by (see `probeKeys`). */
  probes: string[];
};

function cut(value: string, max: number, field: string, truncated: string[]): string {
  const clean = cleanText(value);
  if (clean.length <= max) return clean;
  truncated.push(field);
  // Never split a surrogate pair.
  let end = max;
  const code = clean.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return clean.slice(0, end);
}

/**
 * Applies the contract's rules that hold for every vendor: ATT&CK ids kept only when in the shipped dataset, tactics
 * derived, text hygiene and length caps (flagged `truncated`), and the clock-skew rule. Pure: `receivedAt` is given.
 */
export function finalizeAlert(a: NormalizedAlert, receivedAt: Date): AlertRecord {
  const truncated: string[] = [];
  const techniques = knownTechniques(a.techniques);
  const tactics = [...new Set(techniques.flatMap((t) => tacticsOf(t).map((x) => x.id)))];
  const skewed = a.eventTime.getTime() > receivedAt.getTime() + SKEW_MS;
  const entities: Entities = {
    ...a.entities,
    processes: a.entities.processes.map((p, i) =>
      p.commandLine === undefined
        ? p
        : { ...p, commandLine: cut(p.commandLine, TEXT_MAX, `processes.${i}.commandLine`, truncated) },
    ),
  };
  const keys = entityKeys(entities);
  return {
    dedupKey: cleanText(a.dedupKey),
    vendorAlertId: a.vendorAlertId === null ? null : cleanText(a.vendorAlertId),
    vendorStatus: a.vendorStatus === null ? null : cut(a.vendorStatus, 200, "vendorStatus", truncated),
    product: a.product === null ? null : cut(a.product, 200, "product", truncated),
    title: cut(a.title || "(untitled alert)", TITLE_MAX, "title", truncated),
    description: a.description === null ? null : cut(a.description, TEXT_MAX, "description", truncated),
    severity: a.severity,
    vendorSeverity: a.vendorSeverity,
    eventTime: skewed ? receivedAt : a.eventTime,
    originalEventTime: skewed ? a.eventTime : null,
    clockSkew: skewed,
    vendorCreatedAt: a.vendorCreatedAt,
    techniques,
    tactics,
    entities,
    truncated,
    keys,
    probes: probeKeys(entities, keys),
  };
}
