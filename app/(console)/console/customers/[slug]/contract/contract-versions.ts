import type { RouterOutputs } from "../../../_components/types";

type Data = RouterOutputs["contracts"]["ofCustomer"];
type Version = Data["contracts"][number]["versions"][number];
export type VersionStatus = "in_force" | "scheduled" | "superseded";

/** In force, or later than it (scheduled), or earlier (superseded): by effective time, then version number. */
export function statusOf(v: Version, current: Version | null): VersionStatus {
  if (current && v.id === current.id) return "in_force";
  if (!current) return "scheduled";
  const t = v.effectiveFrom.getTime() - current.effectiveFrom.getTime();
  return t > 0 || (t === 0 && v.version > current.version) ? "scheduled" : "superseded";
}

const byEffective = <T extends { effectiveFrom: Date; version: number }>(a: T, b: T) =>
  a.effectiveFrom.getTime() - b.effectiveFrom.getTime() || a.version - b.version;

/**
 * Every version with its contract's reference; the one in force; those scheduled (soonest first); and the one the page
 * shows and "Change terms" starts from (in force, else the next to take effect); `nextNumber` is the new version's.
 */
export function versionsOf(data: Data) {
  const all = data.contracts.flatMap((c) => c.versions.map((v) => ({ ...v, reference: c.reference })));
  const scheduled = all.filter((v) => statusOf(v, data.current) === "scheduled").sort(byEffective);
  const inForce = all.find((v) => v.id === data.current?.id);
  const shown = inForce ?? scheduled[0];
  const nextNumber = shown
    ? Math.max(...all.filter((v) => v.contractId === shown.contractId).map((v) => v.version)) + 1
    : 1;
  return { all, scheduled, inForce, shown, nextNumber };
}
