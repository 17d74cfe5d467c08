"use client";

import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { FormDialogFooter } from "@/app/_components/team/form-dialog-footer";
import { Alert } from "@/app/_components/ui/alert";
import { SEVERITIES, SEVERITY_LABELS } from "@/app/_components/ui/badge";
import { Checkbox } from "@/app/_components/ui/checkbox";
import { Dialog, DialogContent } from "@/app/_components/ui/dialog";
import { Field } from "@/app/_components/ui/field";
import { Input } from "@/app/_components/ui/input";
import { useTRPC } from "@/app/_lib/trpc/client";
import { CHANNEL_LABELS, CHANNELS, trpcErrorInfo } from "../_lib/labels";
import { type Contact, type FormErrors, type FormValues, toValues, validate } from "./contact-form";

/** Adds a contact (`contact` null) or edits one; reports the saved name and whether it was new. */
export function ContactDialog({
  open,
  contact,
  onOpenChange,
  onSaved,
}: {
  open: boolean;
  contact: Contact | null;
  onOpenChange: (open: boolean) => void;
  onSaved: (name: string, created: boolean) => void;
}) {
  const trpc = useTRPC();
  const add = useMutation(trpc.organisation.addContact.mutationOptions());
  const update = useMutation(trpc.organisation.updateContact.mutationOptions());
  const pending = add.isPending || update.isPending;
  const [values, setValues] = useState<FormValues>(() => toValues(contact));
  const [errors, setErrors] = useState<FormErrors>({});
  const [error, setError] = useState<string | null>(null);

  const set = <K extends keyof FormValues>(key: K, value: FormValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const toggle = <T extends string>(list: T[], item: T, on: boolean) =>
    on ? [...list.filter((x) => x !== item), item] : list.filter((x) => x !== item);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    const next = validate(values);
    setErrors(next);
    if (Object.values(next).some(Boolean)) return;
    const payload = {
      name: values.name,
      email: values.email.trim(),
      phone: values.phone,
      role: values.role,
      severities: SEVERITIES.filter((s) => values.severities.includes(s)),
      channels: CHANNELS.filter((ch) => values.channels.includes(ch)),
      receivesReports: values.receivesReports,
    };
    try {
      if (contact) await update.mutateAsync({ contactId: contact.id, contact: payload });
      else await add.mutateAsync({ contact: payload });
      onSaved(values.name.trim(), !contact);
    } catch (e) {
      setError(trpcErrorInfo(e).message);
    }
  }

  return (
    <Dialog open={open} onOpenChange={(next) => (pending ? undefined : onOpenChange(next))}>
      <DialogContent
        size="lg"
        title={contact ? `Edit ${contact.name}` : "Add an escalation contact"}
        description="A person or team who should hear about incidents. They do not need a portal account."
      >
        <form onSubmit={onSubmit} noValidate className="grid gap-5">
          {error ? <Alert tone="danger">{error}</Alert> : null}
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label="Name" error={errors.name} required className="content-start">
              <Input
                name="name"
                autoComplete="off"
                maxLength={120}
                value={values.name}
                onChange={(e) => set("name", e.target.value)}
                autoFocus
              />
            </Field>
            <Field
              label="Role or team"
              hint="Optional, e.g. CISO or IT service desk."
              error={errors.role}
              className="content-start"
            >
              <Input
                name="role"
                autoComplete="off"
                maxLength={80}
                value={values.role}
                onChange={(e) => set("role", e.target.value)}
              />
            </Field>
            <Field label="E-mail address" error={errors.email} required className="content-start">
              <Input
                type="email"
                name="email"
                autoComplete="off"
                inputMode="email"
                autoCapitalize="none"
                spellCheck={false}
                maxLength={254}
                value={values.email}
                onChange={(e) => set("email", e.target.value)}
              />
            </Field>
            <Field
              label="Phone"
              hint="Include the country code, e.g. +47 22 00 11 22."
              error={errors.phone}
              className="content-start"
            >
              <Input
                type="tel"
                name="phone"
                autoComplete="off"
                maxLength={40}
                value={values.phone}
                onChange={(e) => set("phone", e.target.value)}
              />
            </Field>
          </div>

          <fieldset className="grid gap-2">
            <legend className="mb-1 text-sm font-medium">Tell them about incidents of severity</legend>
            <div className="flex flex-wrap gap-x-5 gap-y-2">
              {SEVERITIES.map((s) => (
                <Checkbox
                  key={s}
                  label={SEVERITY_LABELS[s]}
                  checked={values.severities.includes(s)}
                  onChange={(e) => set("severities", toggle(values.severities, s, e.target.checked))}
                />
              ))}
            </div>
            {errors.severities ? (
              <p role="alert" className="text-xs font-medium text-destructive">
                {errors.severities}
              </p>
            ) : (
              <p className="text-xs text-muted-foreground">Leave all unticked for someone who only receives reports.</p>
            )}
          </fieldset>

          <fieldset className="grid gap-2">
            <legend className="mb-1 text-sm font-medium">Reach them by</legend>
            <div className="flex flex-wrap gap-x-5 gap-y-2">
              {CHANNELS.map((ch) => (
                <Checkbox
                  key={ch}
                  label={CHANNEL_LABELS[ch]}
                  checked={values.channels.includes(ch)}
                  onChange={(e) => set("channels", toggle(values.channels, ch, e.target.checked))}
                />
              ))}
            </div>
            {errors.channels ? (
              <p role="alert" className="text-xs font-medium text-destructive">
                {errors.channels}
              </p>
            ) : null}
          </fieldset>

          <Checkbox
            label="Receives service reports"
            description="Include them when your provider sends service reports."
            checked={values.receivesReports}
            onChange={(e) => set("receivesReports", e.target.checked)}
          />

          <FormDialogFooter pending={pending} submitLabel={contact ? "Save changes" : "Add contact"} />
        </form>
      </DialogContent>
    </Dialog>
  );
}
