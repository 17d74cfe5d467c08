"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { BellRing, CircleCheck, FileText, Mail, Pencil, Phone, Plus, Trash2 } from "lucide-react";
import { type FormEvent, useState } from "react";
import { z } from "zod";
import { Alert, type AlertTone } from "@/app/_components/ui/alert";
import { Badge, SEVERITIES, SEVERITY_LABELS, type Severity, SeverityBadge } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import { Card, CardContent } from "@/app/_components/ui/card";
import { Checkbox } from "@/app/_components/ui/checkbox";
import { Dialog, DialogClose, DialogContent, DialogFooter } from "@/app/_components/ui/dialog";
import { Field } from "@/app/_components/ui/field";
import { Input } from "@/app/_components/ui/input";
import { EmptyState, ErrorState, LoadingState } from "@/app/_components/ui/states";
import { useTRPC } from "@/app/_lib/trpc/client";
import { contactFields } from "@/server/customers/schema";
import { SectionHeader } from "../_components/section-header";
import { CHANNEL_LABELS, CHANNELS, type Channel, trpcErrorInfo } from "../_lib/labels";
import { ConfirmDialog } from "./confirm-dialog";

type Notice = { tone: AlertTone; text: string } | null;

type Contact = {
  id: string;
  name: string;
  email: string;
  phone: string | null;
  role: string | null;
  severities: Severity[];
  channels: Channel[];
  receivesReports: boolean;
};

type FormValues = Omit<Contact, "id" | "phone" | "role"> & { phone: string; role: string };
type FormErrors = Partial<Record<keyof FormValues, string>>;

const EMPTY: FormValues = {
  name: "",
  email: "",
  phone: "",
  role: "",
  severities: ["critical", "high"],
  channels: ["email"],
  receivesReports: false,
};

export function ContactsCard({ canManage, providerName }: { canManage: boolean; providerName: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const contacts = useQuery(trpc.organisation.contacts.queryOptions());
  const [notice, setNotice] = useState<Notice>(null);
  const [editing, setEditing] = useState<{ contact: Contact | null } | null>(null);
  const [removing, setRemoving] = useState<Contact | null>(null);
  const [removeError, setRemoveError] = useState<string | null>(null);

  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.organisation.contacts.queryKey() });
  const remove = useMutation(
    trpc.organisation.removeContact.mutationOptions({
      onSuccess: (_data, vars) => {
        queryClient.setQueryData(trpc.organisation.contacts.queryKey(), (old) =>
          old?.filter((c) => c.id !== vars.contactId),
        );
        setNotice({ tone: "success", text: `${removing?.name ?? "The contact"} was removed.` });
        setRemoving(null);
      },
      onError: (e) => setRemoveError(trpcErrorInfo(e).message),
      onSettled: refresh,
    }),
  );

  const list = (contacts.data ?? []) as Contact[];

  return (
    <Card id="contacts" className="scroll-mt-20">
      <SectionHeader
        title="Escalation contacts"
        description={`Whom ${providerName} tells about incidents, for which severities and how. Contacts do not need a portal account.`}
        actions={
          canManage && list.length > 0 ? (
            <Button size="sm" onClick={() => setEditing({ contact: null })}>
              <Plus aria-hidden="true" />
              Add contact
            </Button>
          ) : undefined
        }
      />
      <CardContent className="grid gap-4">
        {notice ? (
          <Alert
            tone={notice.tone}
            icon={notice.tone === "success" ? CircleCheck : undefined}
            action={
              <Button variant="ghost" size="sm" onClick={() => setNotice(null)}>
                Dismiss
              </Button>
            }
          >
            <span aria-live="polite">{notice.text}</span>
          </Alert>
        ) : null}
        {contacts.isPending ? (
          <LoadingState label="Loading contacts…" rows={3} className="py-2" />
        ) : contacts.isError ? (
          <ErrorState
            className="py-8"
            title="Could not load contacts"
            message={trpcErrorInfo(contacts.error).message}
            onRetry={() => void contacts.refetch()}
          />
        ) : list.length === 0 ? (
          <EmptyState
            icon={BellRing}
            className="py-8"
            title="No escalation contacts yet"
            description={
              canManage
                ? `Add the people ${providerName} should call or e-mail when something happens.`
                : "An admin of your organisation can add them."
            }
            action={
              canManage ? (
                <Button size="sm" onClick={() => setEditing({ contact: null })}>
                  <Plus aria-hidden="true" />
                  Add contact
                </Button>
              ) : undefined
            }
          />
        ) : (
          <ul className="divide-y divide-border rounded-lg border border-border" aria-label="Escalation contacts">
            {list.map((c) => (
              <li key={c.id} className="flex flex-col gap-3 px-4 py-4 sm:flex-row sm:items-start">
                <div className="grid min-w-0 flex-1 gap-2">
                  <div className="grid gap-0.5">
                    <p className="text-sm font-medium break-words">
                      {c.name}
                      {c.role ? <span className="font-normal text-muted-foreground"> · {c.role}</span> : null}
                    </p>
                    <p className="flex flex-wrap gap-x-4 gap-y-0.5 text-xs text-muted-foreground">
                      <a
                        href={`mailto:${c.email}`}
                        className="inline-flex min-w-0 items-center gap-1 break-all hover:text-foreground hover:underline"
                      >
                        <Mail aria-hidden="true" className="size-3.5 shrink-0" />
                        {c.email}
                      </a>
                      {c.phone ? (
                        <a
                          href={`tel:${c.phone.replace(/[^\d+]/g, "")}`}
                          className="inline-flex items-center gap-1 hover:text-foreground hover:underline"
                        >
                          <Phone aria-hidden="true" className="size-3.5 shrink-0" />
                          {c.phone}
                        </a>
                      ) : null}
                    </p>
                  </div>
                  <div className="flex flex-wrap items-center gap-1.5">
                    {c.severities.length === 0 ? (
                      <span className="text-xs text-muted-foreground">No incident escalations</span>
                    ) : (
                      SEVERITIES.filter((s) => c.severities.includes(s)).map((s) => (
                        <SeverityBadge key={s} severity={s} />
                      ))
                    )}
                  </div>
                  <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-muted-foreground">
                    <span>
                      Reached by:{" "}
                      {c.channels.length === 0
                        ? "no channel chosen"
                        : CHANNELS.filter((ch) => c.channels.includes(ch))
                            .map((ch) => CHANNEL_LABELS[ch])
                            .join(", ")}
                    </span>
                    {c.receivesReports ? (
                      <Badge tone="neutral">
                        <FileText aria-hidden="true" />
                        Receives reports
                      </Badge>
                    ) : null}
                  </p>
                </div>
                {canManage ? (
                  <div className="-ml-3 flex shrink-0 gap-1 sm:-mt-1 sm:ml-0">
                    <Button
                      variant="ghost"
                      size="sm"
                      onClick={() => setEditing({ contact: c })}
                      aria-label={`Edit ${c.name}`}
                    >
                      <Pencil aria-hidden="true" />
                      Edit
                    </Button>
                    <Button
                      variant="ghost"
                      size="sm"
                      className="text-destructive hover:bg-destructive/10 hover:text-destructive"
                      onClick={() => {
                        setRemoveError(null);
                        setRemoving(c);
                      }}
                      aria-label={`Remove ${c.name}`}
                    >
                      <Trash2 aria-hidden="true" />
                      Remove
                    </Button>
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </CardContent>

      {canManage ? (
        <ContactDialog
          key={editing?.contact?.id ?? "new"}
          open={editing !== null}
          contact={editing?.contact ?? null}
          onOpenChange={(open) => (open ? undefined : setEditing(null))}
          onSaved={(name, created) => {
            setEditing(null);
            setNotice({ tone: "success", text: created ? `${name} was added.` : `${name} was updated.` });
            void refresh();
          }}
        />
      ) : null}
      <ConfirmDialog
        open={removing !== null}
        onOpenChange={(open) => (open ? undefined : setRemoving(null))}
        title={`Remove ${removing?.name ?? "this contact"}?`}
        description={`${providerName} will no longer contact them about incidents${removing?.receivesReports ? " or send them reports" : ""}.`}
        confirmLabel="Remove contact"
        pending={remove.isPending}
        error={removeError}
        onConfirm={() => removing && remove.mutate({ contactId: removing.id })}
      />
    </Card>
  );
}

function toValues(c: Contact | null): FormValues {
  if (!c) return EMPTY;
  return { ...c, phone: c.phone ?? "", role: c.role ?? "" };
}

function validate(values: FormValues): FormErrors {
  const errors: FormErrors = {};
  const parsed = contactFields.safeParse(values);
  if (!parsed.success) {
    const flat = z.flattenError(parsed.error).fieldErrors as Record<string, string[] | undefined>;
    for (const key of Object.keys(flat) as (keyof FormValues)[]) errors[key] = flat[key]?.[0];
  }
  if (!values.name.trim()) errors.name = "Enter a name.";
  if (!values.email.trim()) errors.email = "Enter an e-mail address.";
  if (!errors.channels && values.severities.length > 0 && values.channels.length === 0)
    errors.channels = "Choose at least one way to reach them about incidents.";
  if (!errors.phone && !values.phone.trim() && values.channels.some((ch) => ch !== "email"))
    errors.phone = "Add a phone number for phone calls or SMS.";
  return errors;
}

function ContactDialog({
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
