"use client";

import { Checkbox } from "@/app/_components/ui/checkbox";
import { describeError } from "../../_components/errors";

/** True when the server refused a roster change because it opens a gap (a CONFLICT on the `allowGap` field). */
export function refusedForGap(error: unknown): boolean {
  return !!describeError(error, ["allowGap"]).fields.allowGap;
}

/** The "allow gap" tick, shown only after the server refused a change that opens a gap; the allowance is audited. */
export function GapConsent({
  error,
  checked,
  onChange,
}: {
  error: unknown;
  checked: boolean;
  onChange: (v: boolean) => void;
}) {
  if (!refusedForGap(error) && !checked) return null;
  return (
    <Checkbox
      label="Allow gap"
      description="Save it anyway; the gap and who allowed it are recorded in the audit log."
      checked={checked}
      onChange={(e) => onChange(e.target.checked)}
    />
  );
}
