"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter } from "@/app/_components/ui/dialog";
import { Field } from "@/app/_components/ui/field";
import { Input } from "@/app/_components/ui/input";
import { useTRPC } from "@/app/_lib/trpc/client";
import { customerFields } from "@/server/customers/schema";
import { describeError, type FieldErrors, validate } from "../../_components/errors";
import type { Customer } from "../../_components/types";
import { ProfileFields, type ProfileValues } from "../customer-fields";

const FIELDS = ["name", "industry", "country", "timezone"] as const;
const profileSchema = customerFields.omit({ slug: true });
const valuesOf = (c: Customer): ProfileValues => ({
  name: c.name,
  industry: c.industry,
  country: c.country,
  timezone: c.timezone,
});

export function EditProfileDialog({
  customer,
  open,
  onOpenChange,
}: {
  customer: Customer;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [values, setValues] = useState(() => valuesOf(customer));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  const update = useMutation(
    trpc.customers.update.mutationOptions({
      onSuccess: async (row) => {
        queryClient.setQueryData(trpc.customers.bySlug.queryKey({ slug: row.slug }), row);
        await queryClient.invalidateQueries({ queryKey: trpc.customers.list.queryKey() });
        onOpenChange(false);
      },
      onError: (error) => {
        const described = describeError(error, FIELDS);
        setErrors(described.fields);
        setFormError(described.message);
      },
    }),
  );

  function change(patch: Partial<ProfileValues>) {
    setValues((v) => ({ ...v, ...patch }));
    setErrors((e) => ({ ...e, ...Object.fromEntries(Object.keys(patch).map((k) => [k, undefined])) }));
  }

  function handleOpenChange(next: boolean) {
    if (update.isPending) return;
    if (next) {
      setValues(valuesOf(customer));
      setErrors({});
      setFormError(null);
    }
    onOpenChange(next);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setFormError(null);
    const parsed = validate(profileSchema, values);
    if (!parsed.ok) return setErrors(parsed.errors);
    update.mutate({ customerId: customer.id, patch: parsed.data });
  }

  return (
    <Dialog open={open} onOpenChange={handleOpenChange}>
      <DialogContent
        title="Edit profile"
        description={`The slug (${customer.slug}) stays as it is; links keep working.`}
      >
        <form noValidate onSubmit={submit} className="grid gap-4">
          <Field label="Name" required error={errors.name}>
            <Input value={values.name} autoComplete="off" onChange={(e) => change({ name: e.target.value })} />
          </Field>
          <ProfileFields values={values} errors={errors} onChange={change} />
          {formError ? <Alert tone="danger">{formError}</Alert> : null}
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="outline" disabled={update.isPending}>
                Cancel
              </Button>
            </DialogClose>
            <Button type="submit" loading={update.isPending}>
              Save changes
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
