"use client";

import { useMemo, useSyncExternalStore } from "react";
import { Field } from "@/app/_components/ui/field";
import { Select } from "@/app/_components/ui/select";
import { cn } from "@/app/_lib/cn";
import { zoneLabel } from "@/app/_lib/contract-terms";
import { HolidaysEditor } from "./holidays-editor";
import type { EditorProps } from "./terms-editor";
import { WeekdayWindows } from "./weekday-windows";

const noop = () => () => {};
const useHydrated = () =>
  useSyncExternalStore(
    noop,
    () => true,
    () => false,
  );

/** The browser's IANA zones grouped by region; only the current one while hydrating (server and browser differ). */
function useZoneGroups(current: string): [string, string[]][] {
  const hydrated = useHydrated();
  return useMemo(() => {
    const zones = new Set(hydrated ? Intl.supportedValuesOf("timeZone") : []);
    zones.add("UTC");
    if (current) zones.add(current);
    const groups = new Map<string, string[]>();
    for (const zone of [...zones].sort()) {
      const region = zone.includes("/") ? zone.slice(0, zone.indexOf("/")) : "Other";
      groups.set(region, [...(groups.get(region) ?? []), zone]);
    }
    return [...groups.entries()];
  }, [current, hydrated]);
}

const KINDS = [
  { value: "24x7", label: "24/7", description: "Every minute counts, holidays included." },
  { value: "business", label: "Business hours", description: "Only the windows below count." },
] as const;

/** 24/7 or a business calendar: time zone, windows per weekday and holidays. */
export function CoverageEditor({ draft, errors, onChange }: EditorProps) {
  const groups = useZoneGroups(draft.timeZone);
  return (
    <div className="grid gap-5">
      <fieldset className="grid gap-2">
        <legend className="sr-only">Coverage</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {KINDS.map((k) => (
            <label
              key={k.value}
              className={cn(
                "flex cursor-pointer items-start gap-3 rounded-lg border px-4 py-3 transition-colors",
                draft.coverageKind === k.value ? "border-primary bg-primary/5" : "border-border hover:bg-muted/40",
              )}
            >
              <input
                type="radio"
                name="coverage-kind"
                value={k.value}
                checked={draft.coverageKind === k.value}
                onChange={() => onChange({ coverageKind: k.value })}
                className="mt-0.5 size-4 accent-primary"
              />
              <span className="grid gap-0.5">
                <span className="text-sm font-medium">{k.label}</span>
                <span className="text-xs text-muted-foreground">{k.description}</span>
              </span>
            </label>
          ))}
        </div>
        {errors.coverage ? (
          <p role="alert" className="text-xs font-medium text-destructive">
            {errors.coverage}
          </p>
        ) : null}
      </fieldset>
      {draft.coverageKind === "business" ? (
        <>
          <Field
            label="Time zone"
            required
            error={errors["coverage.timeZone"]}
            hint="Windows and holidays are wall-clock times here."
            className="max-w-sm"
          >
            <Select value={draft.timeZone} onChange={(e) => onChange({ timeZone: e.target.value })}>
              {groups.map(([region, zones]) => (
                <optgroup key={region} label={region}>
                  {zones.map((z) => (
                    <option key={z} value={z}>
                      {zoneLabel(z)}
                    </option>
                  ))}
                </optgroup>
              ))}
            </Select>
          </Field>
          <WeekdayWindows draft={draft} errors={errors} onChange={onChange} />
          <HolidaysEditor draft={draft} errors={errors} onChange={onChange} />
        </>
      ) : null}
    </div>
  );
}
