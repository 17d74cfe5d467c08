"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { Alert } from "@/app/_components/ui/alert";
import { Field } from "@/app/_components/ui/field";
import { Input, Textarea } from "@/app/_components/ui/input";
import { zoneLabel } from "@/app/_lib/contract-terms";
import { useTRPC } from "@/app/_lib/trpc/client";
import { newVersionInput } from "@/server/contracts/schema";
import { ChangesList } from "./changes-list";
import type { CustomerRef } from "./create-contract-form";
import { FormFrame } from "./form-frame";
import { describeServerError, localToDate, nowLocal } from "./form-support";
import { diffTerms, type TermsLike } from "./terms-diff";
import { toDraft } from "./terms-draft";
import { TermsEditor } from "./terms-editor";
import { validateDraft } from "./terms-validate";
import { useTermsDraft } from "./use-terms-draft";

const OWN = ["effectiveFrom", "note"] as const;

/** A new version of a contract: the editor prefilled from `base`, effective-from, a note, and what will change. */
export function ChangeTermsForm({
  customer,
  contractId,
  reference,
  base,
  baseVersion,
  nextVersion,
  onSaved,
  onCancel,
}: {
  customer: CustomerRef;
  contractId: string;
  reference: string;
  base: TermsLike;
  baseVersion: number;
  nextVersion: number;
  onSaved: (version: number, effectiveFrom: Date) => void;
  onCancel: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const tz = customer.timezone;
  const { draft, errors, setErrors, change } = useTermsDraft(() => toDraft(base, tz));
  const [effectiveFrom, setEffectiveFrom] = useState(() => nowLocal(tz));
  const [note, setNote] = useState("");
  const [fields, setFields] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const checked = useMemo(() => validateDraft(draft), [draft]);
  const changes = checked.ok ? diffTerms(base, checked.terms) : null;

  const add = useMutation(
    trpc.contracts.addVersion.mutationOptions({
      onSuccess: async (version) => {
        await queryClient.invalidateQueries({ queryKey: trpc.contracts.pathKey() });
        onSaved(version.version, version.effectiveFrom);
      },
      onError: (error) => {
        const d = describeServerError(error, OWN);
        setErrors(d.terms);
        setFields(d.fields);
        setFormError(d.message);
      },
    }),
  );

  function edit(patch: Parameters<typeof change>[0]) {
    change(patch);
    setFormError(null);
  }

  function submit() {
    setFormError(null);
    const own: Record<string, string> = {};
    const at = localToDate(effectiveFrom, tz);
    if (!at) own.effectiveFrom = "Pick a date and time";
    const n = newVersionInput.shape.note.safeParse(note);
    if (!n.success) own.note = n.error.issues[0]?.message ?? "Say what changed";
    setFields(own);
    setErrors(checked.ok ? {} : checked.errors);
    if (!checked.ok || !at || !n.success) {
      setFormError("Check the highlighted fields.");
      return false;
    }
    add.mutate({ customerId: customer.id, contractId, terms: checked.terms, effectiveFrom: at, note: n.data });
    return true;
  }

  return (
    <FormFrame
      title={`Change terms of ${reference}`}
      description={`Creates version ${nextVersion}, starting from the terms of version ${baseVersion}. Incidents opened before it takes effect keep the terms they opened under.`}
      error={formError}
      submitLabel={`Save version ${nextVersion}`}
      pending={add.isPending}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <div className="grid items-start gap-4 md:grid-cols-[16rem_minmax(0,1fr)]">
        <Field label="Effective from" required error={fields.effectiveFrom} hint={`${zoneLabel(tz)} time.`}>
          <Input
            type="datetime-local"
            value={effectiveFrom}
            onChange={(e) => {
              setEffectiveFrom(e.target.value);
              setFields((f) => ({ ...f, effectiveFrom: "" }));
            }}
          />
        </Field>
        <Field label="Note" required error={fields.note} hint="Why the terms change, e.g. the amendment's reference.">
          <Textarea
            rows={2}
            value={note}
            maxLength={2000}
            onChange={(e) => {
              setNote(e.target.value);
              setFields((f) => ({ ...f, note: "" }));
            }}
          />
        </Field>
      </div>
      <TermsEditor draft={draft} errors={errors} onChange={edit} />
      <div aria-live="polite">
        {changes === null ? null : changes.length === 0 ? (
          <Alert tone="warning" title={`No term differs from version ${baseVersion}`}>
            Saving records the same terms again from the new date.
          </Alert>
        ) : (
          <Alert tone="info" title={`What changes from version ${baseVersion}`}>
            <ChangesList changes={changes} className="text-foreground" />
          </Alert>
        )}
      </div>
    </FormFrame>
  );
}
