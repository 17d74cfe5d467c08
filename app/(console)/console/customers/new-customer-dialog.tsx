"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger } from "@/app/_components/ui/dialog";
import { Field } from "@/app/_components/ui/field";
import { Input } from "@/app/_components/ui/input";
import { useTRPC } from "@/app/_lib/trpc/client";
import { createCustomerInput } from "@/server/customers/schema";
import { describeError, type FieldErrors, validate } from "../_components/errors";
import { browserTimeZone, ProfileFields, type ProfileValues } from "./customer-fields";
import { slugify } from "./slugify";

const FIELDS = ["name", "slug", "industry", "country", "timezone"] as const;
const empty = () => ({ name: "", slug: "", industry: "", country: "", timezone: browserTimeZone() });

export function NewCustomerDialog({ label = "New customer" }: { label?: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState(empty);
  const [slugEdited, setSlugEdited] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  const create = useMutation(
    trpc.customers.create.mutationOptions({
      onSuccess: async (customer) => {
        await queryClient.invalidateQueries({ queryKey: trpc.customers.list.queryKey() });
        router.push(`/console/customers/${customer.slug}`);
      },
      onError: (error) => {
        const described = describeError(error, FIELDS);
        setErrors(described.fields);
        setFormError(described.message);
      },
    }),
  );

  function change(patch: Partial<typeof values>) {
    setValues((v) => {
      const next = { ...v, ...patch };
      if (patch.name !== undefined && !slugEdited) next.slug = slugify(patch.name);
      return next;
    });
    const cleared: FieldErrors = {};
    for (const key of Object.keys(patch)) cleared[key] = undefined;
    if (patch.name !== undefined && !slugEdited) cleared.slug = undefined;
    setErrors((e) => ({ ...e, ...cleared }));
  }

  function onOpenChange(next: boolean) {
    if (create.isPending) return;
    if (next) {
      setValues(empty());
      setSlugEdited(false);
      setErrors({});
      setFormError(null);
      create.reset();
    }
    setOpen(next);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setFormError(null);
    const parsed = validate(createCustomerInput, values);
    if (!parsed.ok) return setErrors(parsed.errors);
    create.mutate(parsed.data);
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button>
          <Plus aria-hidden="true" />
          {label}
        </Button>
      </DialogTrigger>
      <DialogContent title="New customer" description="Create the organisation; invite its users afterwards.">
        <form noValidate onSubmit={submit} className="grid gap-4">
          <Field label="Name" required error={errors.name}>
            <Input
              value={values.name}
              autoComplete="off"
              autoFocus
              onChange={(e) => change({ name: e.target.value })}
            />
          </Field>
          <Field
            label="Slug"
            required
            hint={`Used in links: /console/customers/${values.slug || "…"}`}
            error={errors.slug}
          >
            <Input
              value={values.slug}
              autoComplete="off"
              spellCheck={false}
              className="font-mono"
              onChange={(e) => {
                setSlugEdited(e.target.value !== "");
                change({ slug: e.target.value.toLowerCase() });
              }}
            />
          </Field>
          <ProfileFields values={values} errors={errors} onChange={(patch: Partial<ProfileValues>) => change(patch)} />
          {formError ? <Alert tone="danger">{formError}</Alert> : null}
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="outline" disabled={create.isPending}>
                Cancel
              </Button>
            </DialogClose>
            <Button type="submit" loading={create.isPending || create.isSuccess}>
              Create customer
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
