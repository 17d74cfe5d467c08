"use client";

import { Field } from "@/app/_components/ui/field";
import { Input } from "@/app/_components/ui/input";
import { isHex } from "./branding-colors";

/** A colour as a native picker plus its #RRGGBB text (either edits the other). */
export function ColourField({
  label,
  hint,
  value,
  error,
  readOnly,
  onChange,
}: {
  label: string;
  hint: string;
  value: string;
  error?: string;
  readOnly: boolean;
  onChange: (value: string) => void;
}) {
  return (
    <Field label={label} hint={hint} error={error} required>
      {(control) => (
        <div className="flex items-center gap-2">
          <input
            type="color"
            aria-label={`${label}: colour picker`}
            value={isHex(value) ? value.trim().toLowerCase() : "#000000"}
            disabled={readOnly}
            onChange={(e) => onChange(e.target.value)}
            className="h-9 w-12 shrink-0 cursor-pointer rounded-md border border-input bg-card p-1 shadow-xs disabled:cursor-not-allowed"
          />
          <Input
            {...control}
            value={value}
            readOnly={readOnly}
            maxLength={7}
            spellCheck={false}
            autoComplete="off"
            placeholder="#0f766e"
            className="w-32 font-mono"
            onChange={(e) => onChange(e.target.value)}
          />
        </div>
      )}
    </Field>
  );
}
