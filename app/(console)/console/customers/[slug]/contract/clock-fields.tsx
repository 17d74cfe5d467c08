"use client";

import { Checkbox } from "@/app/_components/ui/checkbox";
import { Field } from "@/app/_components/ui/field";
import { Input } from "@/app/_components/ui/input";
import { Select } from "@/app/_components/ui/select";
import { ACTION_LABELS, CLOCK_START_LABELS } from "@/app/_lib/contract-terms";
import { ALLOWED_ACTIONS } from "@/db/schema/contracts";
import { CheckboxGroup } from "../checkbox-group";
import type { EditorProps } from "./terms-editor";

const ACTION_OPTIONS = ALLOWED_ACTIONS.map((a) => ({ value: a, label: ACTION_LABELS[a] }));

/** When clocks start and pause, when they count as at risk, and what the SOC may do without asking. */
export function ClockFields({ draft, errors, onChange }: EditorProps) {
  return (
    <div className="grid gap-5">
      <div className="grid items-start gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <Field label="Clocks start" required error={errors.clockStart}>
          <Select
            value={draft.clockStart}
            onChange={(e) => onChange({ clockStart: e.target.value as typeof draft.clockStart })}
          >
            {(["received", "vendor_created"] as const).map((v) => (
              <option key={v} value={v}>
                {CLOCK_START_LABELS[v]}
              </option>
            ))}
          </Select>
        </Field>
        <Field
          label="At risk with"
          required
          error={errors.atRiskShare}
          hint="Share of the target left when a clock turns “at risk” (5–90 %)."
        >
          {(control) => (
            <div className="relative">
              <Input
                {...control}
                type="number"
                inputMode="decimal"
                min={5}
                max={90}
                step={1}
                className="pr-8"
                value={draft.atRiskPercent}
                onChange={(e) => onChange({ atRiskPercent: e.target.value })}
              />
              <span
                aria-hidden="true"
                className="pointer-events-none absolute top-1/2 right-3 -translate-y-1/2 text-sm text-muted-foreground"
              >
                %
              </span>
            </div>
          )}
        </Field>
        <div className="lg:pt-6">
          <Checkbox
            label="Pause while waiting on the customer"
            description="Clocks stop while an incident waits for the customer's answer."
            checked={draft.pauseOnCustomer}
            onChange={(e) => onChange({ pauseOnCustomer: e.target.checked })}
          />
        </div>
      </div>
      <CheckboxGroup
        legend="Allowed without asking"
        hint="Response actions analysts may take without the customer's approval. Anything else needs approval."
        error={errors.allowedActions}
        options={ACTION_OPTIONS}
        value={draft.allowedActions}
        onChange={(allowedActions) => onChange({ allowedActions })}
      />
    </div>
  );
}
