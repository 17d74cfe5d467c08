"use client";

import { type FormEvent, useState } from "react";
import type { z } from "zod";
import { Alert } from "@/app/_components/ui/alert";
import { SEVERITY_LABELS } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import { Checkbox } from "@/app/_components/ui/checkbox";
import { Dialog, DialogClose, DialogContent, DialogFooter } from "@/app/_components/ui/dialog";
import { Field } from "@/app/_components/ui/field";
import { Input } from "@/app/_components/ui/input";
import { CHANNELS, type Channel, SEVERITIES, type Severity } from "@/db/schema/tenancy";
import { contactFields } from "@/server/customers/schema";
import { describeError, type FieldErrors, validate } from "../../_components/errors";
import type { Contact } from "../../_components/types";
import { CHANNEL_LABELS } from "./channels";
import { CheckboxGroup } from "./checkbox-group";

export type ContactInput = z.input<typeof contactFields>;

const FIELDS = ["name", "role", "email", "phone", "severities", "channels", "receivesReports"] as const;
type Values = {
  name: string;
  role: string;
  email: string;
  phone: string;
  severities: Severity[];
  channels: Channel[];
  receivesReports: boolean;
};
const valuesOf = (c: Contact | null): Values => ({
  name: c?.name ?? "",
  role: c?.role ?? "",
  email: c?.email ?? "",
  phone: c?.phone ?? "",
  severities: c ? [...c.severities] : ["critical", "high"],
  channels: c ? [...c.channels] : ["email"],
  receivesReports: c?.receivesReports ?? false,
});

/** Add (contact = null) or edit one escalation / report contact. Mounted fresh for each open. */
export function ContactDialog({
  contact,
  onClose,
  onSave,
}: {
  contact: Contact | null;
  onClose: () => void;
  /** Receives the form as the procedure's input (the server trims and turns empty phone/role into null). */
  onSave: (fields: ContactInput) => Promise<unknown>;
}) {
  const [values, setValues] = useState(() => valuesOf(contact));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  function change(patch: Partial<Values>) {
    setValues((v) => ({ ...v, ...patch }));
    setErrors((e) => ({ ...e, ...Object.fromEntries(Object.keys(patch).map((k) => [k, undefined])) }));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFormError(null);
    const parsed = validate(contactFields, values);
    if (!parsed.ok) return setErrors(parsed.errors);
    setPending(true);
    try {
      await onSave(values);
      onClose();
    } catch (error) {
      const described = describeError(error, FIELDS);
      setErrors(described.fields);
      setFormError(described.message);
    } finally {
      setPending(false);
    }
  }

  return (
    <Dialog open onOpenChange={(open) => (open || pending ? undefined : onClose())}>
      <DialogContent
        size="lg"
        title={contact ? `Edit ${contact.name}` : "Add contact"}
        description="Who the SOC reaches, for which incident severities, and how."
      >
        <form noValidate onSubmit={submit} className="grid gap-4">
          <div className="grid items-start gap-4 sm:grid-cols-2">
            <Field label="Name" required error={errors.name}>
              <Input
                value={values.name}
                autoComplete="off"
                autoFocus
                onChange={(e) => change({ name: e.target.value })}
              />
            </Field>
            <Field label="Role" hint="e.g. CISO, IT on-call" error={errors.role}>
              <Input value={values.role} autoComplete="off" onChange={(e) => change({ role: e.target.value })} />
            </Field>
            <Field label="E-mail address" required error={errors.email}>
              <Input
                type="email"
                value={values.email}
                autoComplete="off"
                onChange={(e) => change({ email: e.target.value })}
              />
            </Field>
            <Field label="Phone" hint="International format, e.g. +49 30 1234567" error={errors.phone}>
              <Input
                type="tel"
                value={values.phone}
                autoComplete="off"
                onChange={(e) => change({ phone: e.target.value })}
              />
            </Field>
          </div>
          <CheckboxGroup
            legend="Escalate incidents of severity"
            hint="Leave all unticked for a contact who only receives reports."
            error={errors.severities}
            options={SEVERITIES.map((s) => ({ value: s, label: SEVERITY_LABELS[s] }))}
            value={values.severities}
            onChange={(severities) => change({ severities })}
          />
          <CheckboxGroup
            legend="Channels"
            error={errors.channels}
            options={CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] }))}
            value={values.channels}
            onChange={(channels) => change({ channels })}
          />
          <Checkbox
            label="Receives reports"
            description="Monthly service reports and executive summaries are sent to this contact."
            checked={values.receivesReports}
            onChange={(e) => change({ receivesReports: e.target.checked })}
          />
          {formError ? <Alert tone="danger">{formError}</Alert> : null}
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="outline" disabled={pending}>
                Cancel
              </Button>
            </DialogClose>
            <Button type="submit" loading={pending}>
              {contact ? "Save changes" : "Add contact"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
