"use client";

import { Field } from "@/app/_components/ui/field";
import { Input } from "@/app/_components/ui/input";
import { Select } from "@/app/_components/ui/select";
import { XDR_PROVIDED_CLASSES, type XdrProvidedClass } from "@/db/schema/sensors";
import type { FieldErrors } from "../_components/errors";
import { CheckboxGroup } from "../customers/[slug]/checkbox-group";
import { SENSOR_CLASS_LABELS, SENSOR_CLASSES, type SensorClass } from "./sensor-labels";

export type SensorValues = {
  name: string;
  site: string;
  sensorClass: SensorClass;
  vendor: string;
  product: string;
  /** Minutes, as typed. */
  heartbeatMinutes: string;
  providesClasses: XdrProvidedClass[];
};

const PROVIDED_OPTIONS = XDR_PROVIDED_CLASSES.map((c) => ({ value: c, label: SENSOR_CLASS_LABELS[c] }));

/** The form's values as the procedure's fields (interval in seconds; declared classes only for XDR). */
export function sensorPayload(v: SensorValues) {
  const minutes = Number(v.heartbeatMinutes.replace(",", "."));
  return {
    name: v.name,
    site: v.site,
    sensorClass: v.sensorClass,
    vendor: v.vendor,
    product: v.product,
    heartbeatIntervalSeconds: v.heartbeatMinutes.trim() === "" ? Number.NaN : Math.round(minutes * 60),
    providesClasses: v.sensorClass === "xdr" ? v.providesClasses : [],
  };
}

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
      <Field
        label="Expected heartbeat every (minutes)"
        required
        error={errors.heartbeatIntervalSeconds}
        hint="Silent after three missed intervals. Default 5 minutes; from 0.5 to 1,440."
      >
        <Input
          type="number"
          inputMode="decimal"
          min={0.5}
          max={1440}
          step={0.5}
          className="max-w-32"
          value={values.heartbeatMinutes}
          onChange={(e) => onChange({ heartbeatMinutes: e.target.value })}
        />
      </Field>
      {values.sensorClass === "xdr" ? (
        <CheckboxGroup
          legend="Classes this XDR sensor provides"
          hint="At least two; it counts as each of them in coverage."
          error={errors.providesClasses}
          options={PROVIDED_OPTIONS}
          value={values.providesClasses}
          onChange={(providesClasses) => onChange({ providesClasses })}
        />
      ) : null}
    </>
  );
}
