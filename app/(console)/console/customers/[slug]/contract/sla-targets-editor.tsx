"use client";

import { METRIC_SHORT } from "@/app/_components/contract/sla-targets-table";
import { SEVERITY_LABELS, SeverityBadge } from "@/app/_components/ui/badge";
import { Input } from "@/app/_components/ui/input";
import { Select } from "@/app/_components/ui/select";
import { METRICS, type Metric, SLA_SEVERITIES, type SlaSeverity } from "@/db/schema/contracts";
import type { TargetDraft, Unit } from "./terms-draft";
import type { EditorProps } from "./terms-editor";

const UNITS: { value: Unit; label: string }[] = [
  { value: "min", label: "min" },
  { value: "h", label: "hours" },
  { value: "d", label: "days" },
  { value: "none", label: "None" },
];

/** One block per severity, one amount + unit per metric (or "None"). */
export function SlaTargetsEditor({ draft, errors, onChange }: EditorProps) {
  function set(s: SlaSeverity, m: Metric, patch: Partial<TargetDraft>) {
    const cur = draft.slaTargets[s][m];
    const next = { ...cur, ...patch };
    if (patch.unit && patch.unit !== "none" && cur.unit === "none" && !next.amount) next.amount = "1";
    onChange({ slaTargets: { ...draft.slaTargets, [s]: { ...draft.slaTargets[s], [m]: next } } });
  }
  return (
    <div className="grid gap-3">
      {SLA_SEVERITIES.map((s) => (
        <fieldset
          key={s}
          className="grid gap-3 rounded-lg border border-border px-3 pt-2 pb-3 lg:grid-cols-[6.5rem_repeat(4,minmax(0,1fr))] lg:items-start lg:pt-3"
        >
          <legend className="sr-only">{SEVERITY_LABELS[s]}</legend>
          <div aria-hidden="true" className="lg:pt-6">
            <SeverityBadge severity={s} />
          </div>
          <div className="contents max-lg:grid max-lg:grid-cols-2 max-lg:gap-3 sm:max-lg:grid-cols-4">
            {METRICS.map((m) => (
              <TargetCell
                key={m}
                severity={s}
                metric={m}
                value={draft.slaTargets[s][m]}
                error={errors[`slaTargets.${s}.${m}`]}
                onChange={(patch) => set(s, m, patch)}
              />
            ))}
          </div>
        </fieldset>
      ))}
    </div>
  );
}

function TargetCell({
  severity,
  metric,
  value,
  error,
  onChange,
}: {
  severity: SlaSeverity;
  metric: Metric;
  value: TargetDraft;
  error?: string;
  onChange: (patch: Partial<TargetDraft>) => void;
}) {
  const id = `sla-${severity}-${metric}`;
  const none = value.unit === "none";
  return (
    <div className="grid min-w-0 content-start gap-1.5">
      <label htmlFor={id} className="text-xs font-medium text-muted-foreground">
        {METRIC_SHORT[metric]}
        <span className="sr-only"> ({SEVERITY_LABELS[severity]})</span>
      </label>
      <div className="flex gap-1.5">
        <Input
          id={id}
          type="number"
          inputMode="numeric"
          min={1}
          step={1}
          value={none ? "" : value.amount}
          disabled={none}
          placeholder={none ? "—" : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          className="w-full min-w-12 px-2 text-right tabular-nums"
          onChange={(e) => onChange({ amount: e.target.value })}
        />
        <Select
          aria-label={`${METRIC_SHORT[metric]} (${SEVERITY_LABELS[severity]}) unit`}
          value={value.unit}
          wrapperClassName="w-auto shrink-0"
          className="pr-7 pl-2"
          onChange={(e) => onChange({ unit: e.target.value as Unit })}
        >
          {UNITS.map((u) => (
            <option key={u.value} value={u.value}>
              {u.label}
            </option>
          ))}
        </Select>
      </div>
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-xs font-medium text-destructive">
          {error}
        </p>
      ) : null}
    </div>
  );
}
