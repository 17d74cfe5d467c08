"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { Checkbox } from "@/app/_components/ui/checkbox";
import { Dialog, DialogContent, DialogFooter } from "@/app/_components/ui/dialog";
import { Field } from "@/app/_components/ui/field";
import { Input } from "@/app/_components/ui/input";
import { Select } from "@/app/_components/ui/select";
import { useTRPC } from "@/app/_lib/trpc/client";
import { STAFF_SKILLS } from "@/db/schema/roster";
import { profileInput } from "@/server/roster/schema";
import { describeError, type FieldErrors, validate } from "../../_components/errors";
import { GapConsent } from "../_lib/gap-consent";
import { LEVELS, type Profile } from "./labels";

/** Edit one analyst's level, skills and languages (two-letter codes, comma separated). */
export function ProfileDialog({ profile, onClose }: { profile: Profile; onClose: () => void }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [level, setLevel] = useState(profile.level);
  const [skills, setSkills] = useState<string[]>(profile.skills);
  const [languages, setLanguages] = useState(profile.languages.join(", "));
  const [allowGap, setAllowGap] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const save = useMutation(
    trpc.roster.saveProfile.mutationOptions({
      onSuccess: () => {
        qc.invalidateQueries({ queryKey: trpc.roster.pathKey() });
        onClose();
      },
    }),
  );
  const server = save.error ? describeError(save.error, ["level", "skills", "languages"]) : null;
  const shown = { ...server?.fields, ...errors };
  return (
    <Dialog open onOpenChange={(o) => (o ? null : onClose())}>
      <DialogContent title={`Profile of ${profile.name}`} description="What the roster's gap check counts on.">
        <form
          noValidate
          className="grid gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            const codes = languages
              .split(/[\s,;]+/)
              .map((l) => l.trim().toLowerCase())
              .filter(Boolean);
            const parsed = validate(profileInput, {
              userId: profile.userId,
              level,
              skills,
              languages: codes,
              allowGap,
            });
            if (!parsed.ok) return setErrors(parsed.errors);
            setErrors({});
            save.mutate(parsed.data);
          }}
        >
          <Field label="Level" error={shown.level} hint="Levels 2 and 3 count as senior.">
            <Select value={String(level)} onChange={(e) => setLevel(Number(e.target.value))}>
              {[1, 2, 3].map((l) => (
                <option key={l} value={l}>
                  {LEVELS[l]}
                </option>
              ))}
            </Select>
          </Field>
          <fieldset className="m-0 grid gap-2 border-0 p-0">
            <legend className="mb-1.5 text-sm font-medium">Skills</legend>
            <div className="grid grid-cols-2 gap-2 sm:grid-cols-3">
              {STAFF_SKILLS.map((s) => (
                <Checkbox
                  key={s}
                  label={s}
                  checked={skills.includes(s)}
                  onChange={(e) => setSkills(e.target.checked ? [...skills, s] : skills.filter((x) => x !== s))}
                />
              ))}
            </div>
            {shown.skills ? <p className="text-xs font-medium text-destructive">{shown.skills}</p> : null}
          </fieldset>
          <Field label="Languages" error={shown.languages} hint="Two-letter codes, e.g. en, de, fr.">
            <Input value={languages} onChange={(e) => setLanguages(e.target.value)} placeholder="en, de" />
          </Field>
          {server?.message ? <Alert tone="danger">{server.message}</Alert> : null}
          <GapConsent error={save.error} checked={allowGap} onChange={setAllowGap} />
          <DialogFooter>
            <Button type="button" variant="outline" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" disabled={save.isPending}>
              {save.isPending ? "Saving…" : "Save profile"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
