"use client";

import { type FormEvent, useState } from "react";
import type { z } from "zod";
import { FormDialogFooter } from "@/app/_components/team/form-dialog-footer";
import { Alert } from "@/app/_components/ui/alert";
import { Dialog, DialogContent } from "@/app/_components/ui/dialog";
import { Field } from "@/app/_components/ui/field";
import { Input } from "@/app/_components/ui/input";
import { Select } from "@/app/_components/ui/select";
import { describeError, type FieldErrors, validate } from "../errors";
import type { RoleOption } from "../roles";
import type { InviteInput } from "./types";

const FIELDS = ["email", "name", "role"] as const;

export function InviteDialog({
  open,
  onOpenChange,
  roles,
  noun,
  orgName,
  schema,
  onInvite,
  onInvited,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  roles: readonly RoleOption[];
  noun: string;
  orgName: string;
  schema: z.ZodType<InviteInput, unknown>;
  onInvite: (input: InviteInput) => Promise<unknown>;
  onInvited: (email: string) => void;
}) {
  const defaultRole = roles[roles.length - 1]?.value ?? "";
  const [values, setValues] = useState({ email: "", name: "", role: defaultRole });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  function change(patch: Partial<typeof values>) {
    setValues((v) => ({ ...v, ...patch }));
    setErrors((e) => ({ ...e, ...Object.fromEntries(Object.keys(patch).map((k) => [k, undefined])) }));
  }

  function reset(nextOpen: boolean) {
    if (pending) return;
    if (!nextOpen) {
      setValues({ email: "", name: "", role: defaultRole });
      setErrors({});
      setFormError(null);
    }
    onOpenChange(nextOpen);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = validate(schema, { ...values, name: values.name.trim() || undefined });
    if (!parsed.ok) return setErrors(parsed.errors);
    setPending(true);
    setFormError(null);
    try {
      await onInvite(parsed.data);
      setPending(false);
      onInvited(parsed.data.email);
      setValues({ email: "", name: "", role: defaultRole });
      onOpenChange(false);
    } catch (error) {
      setPending(false);
      const described = describeError(error, FIELDS);
      setErrors(described.fields);
      setFormError(described.message);
    }
  }

  const selected = roles.find((r) => r.value === values.role);
  return (
    <Dialog open={open} onOpenChange={reset}>
      <DialogContent
        title={`Invite a ${noun}`}
        description={`They get an e-mail with a link to set a password and join ${orgName}. The link is valid for 7 days.`}
      >
        <form noValidate onSubmit={submit} className="grid gap-4">
          <Field label="E-mail address" required error={errors.email}>
            <Input
              type="email"
              autoComplete="off"
              value={values.email}
              onChange={(e) => change({ email: e.target.value })}
              autoFocus
            />
          </Field>
          <Field label="Name" hint="Optional; they can change it when they accept." error={errors.name}>
            <Input autoComplete="off" value={values.name} onChange={(e) => change({ name: e.target.value })} />
          </Field>
          <Field label="Role" required hint={selected?.description} error={errors.role}>
            <Select value={values.role} onChange={(e) => change({ role: e.target.value })}>
              {roles.map((r) => (
                <option key={r.value} value={r.value}>
                  {r.label}
                </option>
              ))}
            </Select>
          </Field>
          {formError ? <Alert tone="danger">{formError}</Alert> : null}
          <FormDialogFooter pending={pending} submitLabel="Send invitation" />
        </form>
      </DialogContent>
    </Dialog>
  );
}
