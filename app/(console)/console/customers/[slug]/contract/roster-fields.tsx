"use client";

import { Field } from "@/app/_components/ui/field";
import { Input } from "@/app/_components/ui/input";
import { STAFF_SKILLS } from "@/db/schema/roster";
import { TIER_SKILLS } from "@/server/roster/demand";
import { CheckboxGroup } from "../checkbox-group";
import type { EditorProps } from "./terms-editor";
import { errorAt } from "./terms-validate";

/** Skills beyond the tier's and languages the roster must hold for this customer (roster-rules.md, "Skills"). */
export function RosterFields({ draft, errors, onChange }: EditorProps) {
  const fromTier = TIER_SKILLS[draft.tier];
  const options = STAFF_SKILLS.filter((s) => !fromTier.includes(s)).map((s) => ({ value: s, label: s }));
  return (
    <div className="grid items-start gap-4 md:grid-cols-2">
      <CheckboxGroup
        legend="Extra skills"
        hint={`The ${draft.tier.toUpperCase()} tier already needs ${fromTier.join(", ")}.`}
        error={errorAt(errors, "extraSkills")}
        options={options}
        value={draft.extraSkills.filter((s) => !fromTier.includes(s))}
        onChange={(extraSkills) => onChange({ extraSkills })}
      />
      <Field
        label="Languages"
        error={errorAt(errors, "languages")}
        hint="Two-letter codes, comma separated (e.g. de, fr). Leave empty when any language will do."
      >
        <Input value={draft.languages} placeholder="de, fr" onChange={(e) => onChange({ languages: e.target.value })} />
      </Field>
    </div>
  );
}
