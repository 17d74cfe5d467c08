import type { SensorClass } from "@/db/schema/sensors";
import type { VisibilityClass } from "./mapping";

/**
 * What one sensor counts as (coverage-rules.md: an xdr sensor counts as each class it declares). Today's sensors
 * table has no `provides` column: an xdr sensor without a declaration counts as edr and ndr, the least any xdr
 * declares in practice. When the column lands, pass it here and nothing else changes. Pure.
 */
export const XDR_DEFAULT_PROVIDES: readonly VisibilityClass[] = ["edr", "ndr"];

export function providedClasses(
  sensorClass: SensorClass | string,
  provides?: readonly string[] | null,
): VisibilityClass[] {
  if (sensorClass !== "xdr") return [sensorClass as VisibilityClass];
  const declared = (provides ?? []).filter((c): c is VisibilityClass => c !== "xdr");
  return declared.length ? declared : [...XDR_DEFAULT_PROVIDES];
}
