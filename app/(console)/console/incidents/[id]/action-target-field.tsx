"use client";

import { Field } from "@/app/_components/ui/field";
import { Input } from "@/app/_components/ui/input";
import { Select } from "@/app/_components/ui/select";
import { ACTION_TARGET_HINTS, type ActionKind } from "./shared";

const NONE: Record<Exclude<ActionKind, "other">, string> = {
  isolate_host: "No host in this incident's alerts.",
  disable_account: "No account in this incident's alerts.",
  block_indicator: "No indicator recorded on this incident; add it as an observable first.",
};

/**
 * The target of a response action: one of the incident's own entities (the server refuses anything else), or free
 * text for "other".
 */
export function TargetField(props: {
  kind: ActionKind;
  targets: string[];
  value: string;
  error?: string;
  onChange: (v: string) => void;
}) {
  const { kind, targets, value, error, onChange } = props;
  if (kind === "other") {
    return (
      <Field label="Target" required error={error} hint={ACTION_TARGET_HINTS.other}>
        <Input maxLength={500} spellCheck={false} value={value} onChange={(e) => onChange(e.target.value)} />
      </Field>
    );
  }
  return (
    <Field
      label="Target"
      required
      error={error ?? (targets.length ? undefined : NONE[kind])}
      hint="From this incident's alerts and observables."
    >
      <Select
        className="font-mono"
        value={value}
        disabled={!targets.length}
        placeholder={targets.length ? "Choose…" : "None available"}
        onChange={(e) => onChange(e.target.value)}
      >
        {targets.map((t) => (
          <option key={t} value={t}>
            {t}
          </option>
        ))}
      </Select>
    </Field>
  );
}
