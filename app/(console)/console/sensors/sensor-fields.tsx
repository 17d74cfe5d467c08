"use client";

import { Field } from "@/app/_components/ui/field";
import { Input } from "@/app/_components/ui/input";
import { Select } from "@/app/_components/ui/select";
import type { FieldErrors } from "../_components/errors";
import { SENSOR_CLASS_LABELS, SENSOR_CLASSES, type SensorClass } from "./sensor-labels";

export type SensorValues = { name: string; site: string; sensorClass: SensorClass; vendor: string; product: string };

/** Name, site, class, vendor and product: the fields both the add and the edit dialog have. */
export function SensorFieldsForm({
  values,
  errors,
  onChange,
  autoFocusName = false,
}: {
  values: SensorValues;
  errors: FieldErrors;
  onChange: (patch: Partial<SensorValues>) => void;
  autoFocusName?: boolean;
}) {
  return (
    <>
      <div className="grid items-start gap-4 sm:grid-cols-2">
        <Field label="Name" required error={errors.name} hint="How analysts and the customer will recognise it.">
          <Input
            value={values.name}
            autoComplete="off"
            autoFocus={autoFocusName}
            maxLength={120}
            placeholder="e.g. Oslo HQ Falcon"
            onChange={(e) => onChange({ name: e.target.value })}
          />
        </Field>
        <Field label="Site" error={errors.site} hint="Optional: office, data centre or cloud account.">
          <Input
            value={values.site}
            autoComplete="off"
            maxLength={120}
            placeholder="e.g. Oslo HQ"
            onChange={(e) => onChange({ site: e.target.value })}
          />
        </Field>
      </div>
      <div className="grid items-start gap-4 sm:grid-cols-3">
        <Field label="Class" required error={errors.sensorClass}>
          <Select value={values.sensorClass} onChange={(e) => onChange({ sensorClass: e.target.value as SensorClass })}>
            {SENSOR_CLASSES.map((c) => (
              <option key={c} value={c}>
                {SENSOR_CLASS_LABELS[c]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Vendor" required error={errors.vendor}>
          <Input
            value={values.vendor}
            autoComplete="off"
            maxLength={80}
            onChange={(e) => onChange({ vendor: e.target.value })}
          />
        </Field>
        <Field label="Product" required error={errors.product}>
          <Input
            value={values.product}
            autoComplete="off"
            maxLength={120}
            onChange={(e) => onChange({ product: e.target.value })}
          />
        </Field>
      </div>
    </>
  );
}
