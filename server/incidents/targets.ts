import type { ObservableKind } from "./observables";

export type ActionKind = "isolate_host" | "disable_account" | "block_indicator" | "other";
type Obs = { kind: ObservableKind; value: string; source: "alert" | "analyst" };

/**
 * What a response action may be aimed at: an entity of the incident itself. Hosts and accounts must come from the
 * incident's alerts (an analyst cannot widen an isolation by typing a host in); indicators may also be ones the
 * analyst recorded as observables of the incident. "Other" is free text the customer reads and decides on.
 */
const RULES: Record<ActionKind, { kinds: readonly ObservableKind[]; alertOnly: boolean } | null> = {
  isolate_host: { kinds: ["host"], alertOnly: true },
  disable_account: { kinds: ["user", "email"], alertOnly: true },
  block_indicator: { kinds: ["ip", "domain", "url", "hash", "email", "file"], alertOnly: false },
  other: null,
};

/** The targets the console offers for an action of this kind, each once (case-insensitively), in order. */
export function targetsFor(kind: ActionKind, observables: readonly Obs[]): string[] {
  const rule = RULES[kind];
  if (!rule) return [];
  const seen = new Set<string>();
  const out: string[] = [];
  for (const o of observables) {
    if (!rule.kinds.includes(o.kind) || (rule.alertOnly && o.source !== "alert")) continue;
    const k = o.value.toLowerCase();
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(o.value);
  }
  return out;
}

/** True when the target may be acted on for this incident (free-text kinds always may). */
export function isAllowedTarget(kind: ActionKind, target: string, observables: readonly Obs[]): boolean {
  if (!RULES[kind]) return true;
  const t = target.trim().toLowerCase();
  return targetsFor(kind, observables).some((v) => v.toLowerCase() === t);
}

export const TARGET_REFUSALS: Record<Exclude<ActionKind, "other">, string> = {
  isolate_host: "Only a host seen in this incident's alerts can be isolated.",
  disable_account: "Only an account seen in this incident's alerts can be disabled.",
  block_indicator: "Only an indicator recorded on this incident can be blocked.",
};
