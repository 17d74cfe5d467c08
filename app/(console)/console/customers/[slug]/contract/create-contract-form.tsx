"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Field } from "@/app/_components/ui/field";
import { Input } from "@/app/_components/ui/input";
import { Select } from "@/app/_components/ui/select";
import { zoneLabel } from "@/app/_lib/contract-terms";
import { useTRPC } from "@/app/_lib/trpc/client";
import { TIERS, type Tier } from "@/db/schema/contracts";
import { createContractInput, type Terms } from "@/server/contracts/schema";
import { TIER_LABELS } from "@/server/contracts/templates";
import { errorMessage } from "../../../_components/errors";
import { FormFrame } from "./form-frame";
import { describeServerError, localToDate, nowLocal, todayIn } from "./form-support";
import { toDraft } from "./terms-draft";
import { TermsEditor } from "./terms-editor";
import { validateDraft } from "./terms-validate";
import { useTermsDraft } from "./use-terms-draft";

export type CustomerRef = { id: string; name: string; slug: string; timezone: string };
const OWN = ["reference", "effectiveFrom"] as const;

/** Reference, tier (which loads that tier's default terms) and effective-from, then every term. */
export function CreateContractForm({
  customer,
  defaults,
  onCreated,
  onCancel,
}: {
  customer: CustomerRef;
  defaults: Terms;
  onCreated: (reference: string) => void;
  onCancel: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const tz = customer.timezone;
  const { draft, setDraft, errors, setErrors, change } = useTermsDraft(() => toDraft(defaults, tz));
  const [reference, setReference] = useState("");
  const [effectiveFrom, setEffectiveFrom] = useState(() => nowLocal(tz));
  const [fields, setFields] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [loadingTier, setLoadingTier] = useState(false);

  const create = useMutation(
    trpc.contracts.create.mutationOptions({
      onSuccess: async (_, input) => {
        await queryClient.invalidateQueries({ queryKey: trpc.contracts.pathKey() });
        onCreated(input.reference);
      },
      onError: (error) => {
        const d = describeServerError(error, OWN);
        setErrors(d.terms);
        setFields(d.fields);
        setFormError(d.message);
      },
    }),
  );

  async function chooseTier(tier: Tier) {
    change({ tier });
    setLoadingTier(true);
    setFormError(null);
    try {
      const terms = await queryClient.fetchQuery(
        trpc.contracts.defaults.queryOptions({ tier, timeZone: tz, today: todayIn(tz) }),
      );
      setDraft(toDraft(terms, tz));
      setErrors({});
    } catch (e) {
      setFormError(`Could not load the ${tier.toUpperCase()} defaults: ${errorMessage(e)}`);
    } finally {
      setLoadingTier(false);
    }
  }

  function edit(patch: Parameters<typeof change>[0]) {
    change(patch);
    setFormError(null);
  }

  function submit() {
    setFormError(null);
    const own: Record<string, string> = {};
    const ref = createContractInput.shape.reference.safeParse(reference);
    if (!ref.success) own.reference = "Use 2 to 60 characters, e.g. ACME-MDR-2026";
    const at = localToDate(effectiveFrom, tz);
    if (!at) own.effectiveFrom = "Pick a date and time";
    const terms = validateDraft(draft);
    setFields(own);
    setErrors(terms.ok ? {} : terms.errors);
    if (!terms.ok || !ref.success || !at) {
      setFormError("Check the highlighted fields.");
      return false;
    }
    create.mutate({ customerId: customer.id, reference: ref.data, terms: terms.terms, effectiveFrom: at });
    return true;
  }

  return (
    <FormFrame
      title="New contract"
      description={`What ${customer.name} bought. The tier fills in its standard terms; adjust anything below.`}
      error={formError}
      submitLabel="Create contract"
      pending={create.isPending}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <div className="grid items-start gap-4 md:grid-cols-3">
        <Field label="Reference" required error={fields.reference} hint="As on the signed order form.">
          <Input
            value={reference}
            autoComplete="off"
            placeholder="ACME-MDR-2026"
            className="font-mono"
            onChange={(e) => {
              setReference(e.target.value);
              setFields((f) => ({ ...f, reference: "" }));
            }}
          />
        </Field>
        <Field
          label="Tier"
          required
          error={errors.tier}
          hint={loadingTier ? "Loading the tier's defaults…" : undefined}
        >
          <Select value={draft.tier} disabled={loadingTier} onChange={(e) => chooseTier(e.target.value as Tier)}>
            {TIERS.map((t) => (
              <option key={t} value={t}>
                {TIER_LABELS[t]}
              </option>
            ))}
          </Select>
        </Field>
        <Field
          label="Effective from"
          required
          error={fields.effectiveFrom}
          hint={`${zoneLabel(tz)} time. Incidents opened from then on get these terms.`}
        >
          <Input type="datetime-local" value={effectiveFrom} onChange={(e) => setEffectiveFrom(e.target.value)} />
        </Field>
      </div>
      <TermsEditor draft={draft} errors={errors} onChange={edit} showTier={false} />
    </FormFrame>
  );
}
