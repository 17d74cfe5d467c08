"use client";

import { type ReactNode, useId } from "react";
import { Checkbox } from "@/app/_components/ui/checkbox";
import { cn } from "@/app/_lib/cn";

/** A fieldset of checkboxes over a fixed, ordered set of values; the selection keeps that order. */
export function CheckboxGroup<T extends string>({
  legend,
  hint,
  error,
  options,
  value,
  onChange,
  className,
}: {
  legend: string;
  hint?: ReactNode;
  error?: string;
  options: readonly { value: T; label: ReactNode }[];
  value: readonly T[];
  onChange: (next: T[]) => void;
  className?: string;
}) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <fieldset className={cn("grid gap-2", className)} aria-describedby={describedBy || undefined}>
      <legend className="mb-2 text-sm font-medium leading-none">{legend}</legend>
      <div className="flex flex-wrap gap-x-5 gap-y-2">
        {options.map((o) => (
          <Checkbox
            key={o.value}
            label={o.label}
            checked={value.includes(o.value)}
            onChange={(e) =>
              onChange(
                options.map((x) => x.value).filter((v) => (v === o.value ? e.target.checked : value.includes(v))),
              )
            }
          />
        ))}
      </div>
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-muted-foreground">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-xs font-medium text-destructive">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
