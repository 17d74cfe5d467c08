"use client";

import type { ComponentProps } from "react";
import { Checkbox } from "@/app/_components/ui/checkbox";
import { Field } from "@/app/_components/ui/field";
import { Input } from "@/app/_components/ui/input";
import { Select } from "@/app/_components/ui/select";
import { TIERS } from "@/db/schema/contracts";
import { SENSOR_CLASSES } from "@/db/schema/sensors";
import { TIER_LABELS } from "@/server/contracts/templates";
import { SENSOR_CLASS_LABELS } from "@/server/sensors/schema";
import { CheckboxGroup } from "../checkbox-group";
import type { EditorProps } from "./terms-editor";

// A contract sells classes; an XDR sensor counts as the classes it declares, so XDR itself is never sold.
const CLASS_OPTIONS = SENSOR_CLASSES.filter((c) => c !== "xdr").map((c) => ({
  value: c,
  label: SENSOR_CLASS_LABELS[c],
}));

export function NumberInput(props: Omit<ComponentProps<typeof Input>, "type">) {
  return <Input type="number" inputMode="numeric" min={0} step={1} {...props} />;
}

/** Tier, dates, renewal and notice, licence counts and monitored sensor classes. */
export function TermFields({ draft, errors, onChange, showTier }: EditorProps & { showTier: boolean }) {
  return (
    <div className="grid gap-4">
      {showTier ? (
        <Field label="Tier" required error={errors.tier} hint="Changing the tier keeps the other terms as they are.">
          <Select value={draft.tier} onChange={(e) => onChange({ tier: e.target.value as typeof draft.tier })}>
            {TIERS.map((t) => (
              <option key={t} value={t}>
                {TIER_LABELS[t]}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      <div className="grid items-start gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Field label="Start date" required error={errors.startDate}>
          <Input type="date" value={draft.startDate} onChange={(e) => onChange({ startDate: e.target.value })} />
        </Field>
        <Field label="End date" required error={errors.endDate} hint="Last day of the term.">
          <Input type="date" value={draft.endDate} onChange={(e) => onChange({ endDate: e.target.value })} />
        </Field>
        <Field label="Notice (days)" required error={errors.noticeDays} hint="Before the end date.">
          <NumberInput max={730} value={draft.noticeDays} onChange={(e) => onChange({ noticeDays: e.target.value })} />
        </Field>
        <div className="sm:pt-6">
          <Checkbox
            label="Renews automatically"
            description="Unless either side gives notice."
            checked={draft.autoRenew}
            onChange={(e) => onChange({ autoRenew: e.target.checked })}
          />
        </div>
      </div>
      <div className="grid items-start gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Field label="Licensed endpoints" required error={errors.licensedEndpoints} hint="Hosts with an EDR agent.">
          <NumberInput
            value={draft.licensedEndpoints}
            onChange={(e) => onChange({ licensedEndpoints: e.target.value })}
          />
        </Field>
        <Field label="Licensed sensors" required error={errors.licensedSensors} hint="Active sensors and integrations.">
          <NumberInput value={draft.licensedSensors} onChange={(e) => onChange({ licensedSensors: e.target.value })} />
        </Field>
      </div>
      <CheckboxGroup
        legend="Monitored sensor classes"
        hint="What the customer pays us to watch."
        error={errors.monitoredClasses}
        options={CLASS_OPTIONS}
        value={draft.monitoredClasses}
        onChange={(monitoredClasses) => onChange({ monitoredClasses })}
      />
    </div>
  );
}
