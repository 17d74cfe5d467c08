"use client";

import { useMemo } from "react";
import { Field } from "@/app/_components/ui/field";
import { Input } from "@/app/_components/ui/input";
import { Select } from "@/app/_components/ui/select";
import { INDUSTRIES, isTimeZone } from "@/server/customers/schema";
import type { FieldErrors } from "../_components/errors";

export type ProfileValues = { name: string; industry: string; country: string; timezone: string };

/** The browser's IANA zone, or UTC when it has none the server accepts. */
export function browserTimeZone(): string {
  const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return tz && isTimeZone(tz) ? tz : "UTC";
}

const regionNames = new Intl.DisplayNames(["en"], { type: "region" });

/** "DE" → "Germany"; null when the code is not a known region. */
export function countryName(code: string): string | null {
  if (!/^[A-Z]{2}$/.test(code)) return null;
  try {
    const name = regionNames.of(code);
    return name && name !== code ? name : null;
  } catch {
    return null;
  }
}

function timeZoneGroups(current: string) {
  const zones = new Set(Intl.supportedValuesOf("timeZone").filter(isTimeZone));
  zones.add("UTC");
  if (current) zones.add(current);
  const groups = new Map<string, string[]>();
  for (const zone of [...zones].sort()) {
    const region = zone.includes("/") ? zone.slice(0, zone.indexOf("/")) : "Other";
    groups.set(region, [...(groups.get(region) ?? []), zone]);
  }
  return [...groups.entries()];
}

/** Industry, country and time zone: shared by "New customer" and "Edit profile". */
export function ProfileFields({
  values,
  errors,
  onChange,
}: {
  values: ProfileValues;
  errors: FieldErrors;
  onChange: (patch: Partial<ProfileValues>) => void;
}) {
  const groups = useMemo(() => timeZoneGroups(values.timezone), [values.timezone]);
  const country = countryName(values.country);
  return (
    <>
      <Field label="Industry" required error={errors.industry}>
        <Select
          placeholder="Choose an industry"
          value={values.industry}
          onChange={(e) => onChange({ industry: e.target.value })}
        >
          {INDUSTRIES.map((i) => (
            <option key={i} value={i}>
              {i}
            </option>
          ))}
        </Select>
      </Field>
      <div className="grid items-start gap-4 sm:grid-cols-[10rem_minmax(0,1fr)]">
        <Field label="Country" required hint={country ?? "Two-letter ISO code"} error={errors.country}>
          <Input
            value={values.country}
            maxLength={2}
            autoComplete="off"
            spellCheck={false}
            className="uppercase"
            placeholder="DE"
            onChange={(e) => onChange({ country: e.target.value.toUpperCase().replace(/[^A-Z]/g, "") })}
          />
        </Field>
        <Field
          label="Time zone"
          required
          hint="Used for report periods and the customer's local times."
          error={errors.timezone}
        >
          <Select value={values.timezone} onChange={(e) => onChange({ timezone: e.target.value })}>
            {groups.map(([region, zones]) => (
              <optgroup key={region} label={region}>
                {zones.map((z) => (
                  <option key={z} value={z}>
                    {z.replaceAll("_", " ")}
                  </option>
                ))}
              </optgroup>
            ))}
          </Select>
        </Field>
      </div>
    </>
  );
}
