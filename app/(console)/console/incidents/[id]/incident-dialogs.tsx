"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { type FormEvent, type ReactNode, useState } from "react";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter } from "@/app/_components/ui/dialog";
import { Field } from "@/app/_components/ui/field";
import { Input, Textarea } from "@/app/_components/ui/input";
import { Select } from "@/app/_components/ui/select";
import { useTRPC } from "@/app/_lib/trpc/client";
import { detailsChange, messageInput, severityChange } from "@/server/incidents/schema";
import { SEVERITY_LABELS, severityName } from "@/server/incidents/severity";
import { describeError, type FieldErrors, validate } from "../../_components/errors";
import type { Flash } from "../../_components/flash";
import { SETTABLE_SEVERITIES } from "../../_components/severity";
import { type IncidentDetail, useRefreshIncident } from "./shared";

type Props = { detail: IncidentDetail; onClose: () => void; notify: (flash: Flash) => void };

/** Form state shared by the dialogs: values, field errors, a form-level message. */
function useForm<V extends Record<string, unknown>>(initial: V) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const change = (patch: Partial<V>) => {
    setValues((v) => ({ ...v, ...patch }));
    setErrors((e) => ({ ...e, ...Object.fromEntries(Object.keys(patch).map((k) => [k, undefined])) }));
  };
  const fail = (fields: readonly string[]) => (e: unknown) => {
    const d = describeError(e, fields);
    setErrors(d.fields);
    setFormError(d.message);
  };
  return { values, change, errors, setErrors, formError, setFormError, fail };
}

function DialogShell({
  title,
  description,
  pending,
  onClose,
  onSubmit,
  submitLabel,
  formError,
  children,
  destructive,
}: {
  title: string;
  description?: ReactNode;
  pending: boolean;
  onClose: () => void;
  onSubmit: () => void;
  submitLabel: string;
  formError: string | null;
  children: ReactNode;
  destructive?: boolean;
}) {
  return (
    <Dialog open onOpenChange={(open) => (open || pending ? undefined : onClose())}>
      <DialogContent title={title} description={description}>
        <form
          noValidate
          className="grid gap-4"
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            onSubmit();
          }}
        >
          {children}
          {formError ? <Alert tone="danger">{formError}</Alert> : null}
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="outline" disabled={pending}>
                Cancel
              </Button>
            </DialogClose>
            <Button type="submit" loading={pending} variant={destructive ? "destructive" : "primary"}>
              {submitLabel}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

/** Closing asks for the closing note: what happened and why it is over. */
export function CloseDialog({ detail, onClose, notify }: Props) {
  const trpc = useTRPC();
  const refresh = useRefreshIncident();
  const f = useForm({ note: "" });
  const m = useMutation(
    trpc.incidents.setStatus.mutationOptions({
      onSuccess: async () => {
        await refresh();
        notify({ tone: "success", message: `${detail.reference} closed.` });
        onClose();
      },
      onError: f.fail(["note"]),
    }),
  );
  return (
    <DialogShell
      title={`Close ${detail.reference}`}
      description={
        detail.incident.visibleToCustomer
          ? "The customer sees the closing note in their portal, and their contacts for this severity are e-mailed."
          : "The closing note stays internal: the customer does not see this incident."
      }
      pending={m.isPending}
      onClose={onClose}
      submitLabel="Close incident"
      formError={f.formError}
      onSubmit={() => {
        f.setFormError(null);
        const note = f.values.note.trim();
        if (note.length < 3) return f.setErrors({ note: "Write a closing note (at least 3 characters)" });
        m.mutate({ incidentId: detail.incident.id, to: "closed", note });
      }}
    >
      <Field label="Closing note" required error={f.errors.note} hint="The outcome, and why nothing more is needed.">
        <Textarea
          autoFocus
          rows={4}
          maxLength={4000}
          value={f.values.note}
          onChange={(e) => f.change({ note: e.target.value })}
        />
      </Field>
    </DialogShell>
  );
}

export function SeverityDialog({ detail, onClose, notify }: Props) {
  const trpc = useTRPC();
  const refresh = useRefreshIncident();
  const current = detail.effectiveSeverity;
  const f = useForm({ severity: String(current >= 1 ? current : 3), reason: "" });
  const m = useMutation(
    trpc.incidents.setSeverity.mutationOptions({
      onSuccess: async (r) => {
        await refresh();
        notify({ tone: "success", message: `Severity set to ${SEVERITY_LABELS[r.severity]}.` });
        onClose();
      },
      onError: f.fail(["severity", "reason"]),
    }),
  );
  return (
    <DialogShell
      title="Change severity"
      description={[
        `Now ${SEVERITY_LABELS[current] ?? "Unknown"}${
          detail.incident.severityOverride !== null
            ? ` (set by an analyst; its alerts give ${SEVERITY_LABELS[detail.incident.severity] ?? "Unknown"})`
            : ", from its alerts"
        }.`,
        detail.incident.visibleToCustomer ? "The customer is told of the change." : "",
      ]
        .filter(Boolean)
        .join(" ")}
      pending={m.isPending}
      onClose={onClose}
      submitLabel="Change severity"
      formError={f.formError}
      onSubmit={() => {
        f.setFormError(null);
        const input = { severity: Number(f.values.severity), reason: f.values.reason };
        const parsed = validate(severityChange, input);
        if (!parsed.ok) return f.setErrors(parsed.errors);
        m.mutate({ incidentId: detail.incident.id, ...parsed.data });
      }}
    >
      <Field label="Severity" required error={f.errors.severity}>
        <Select value={f.values.severity} onChange={(e) => f.change({ severity: e.target.value })}>
          {SETTABLE_SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {SEVERITY_LABELS[s]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Reason" required error={f.errors.reason} hint="Recorded in the timeline.">
        <Textarea
          autoFocus
          rows={3}
          maxLength={1000}
          value={f.values.reason}
          onChange={(e) => f.change({ reason: e.target.value })}
        />
      </Field>
    </DialogShell>
  );
}

export function EditDetailsDialog({ detail, onClose, notify }: Props) {
  const trpc = useTRPC();
  const refresh = useRefreshIncident();
  const f = useForm({ title: detail.incident.title, summary: detail.incident.summary ?? "" });
  const m = useMutation(
    trpc.incidents.update.mutationOptions({
      onSuccess: async () => {
        await refresh();
        notify({ tone: "success", message: "Title and summary saved." });
        onClose();
      },
      onError: f.fail(["title", "summary"]),
    }),
  );
  return (
    <DialogShell
      title="Edit title and summary"
      description={
        detail.incident.visibleToCustomer ? "The customer sees the title and summary in their portal." : undefined
      }
      pending={m.isPending}
      onClose={onClose}
      submitLabel="Save"
      formError={f.formError}
      onSubmit={() => {
        f.setFormError(null);
        const parsed = validate(detailsChange, f.values);
        if (!parsed.ok) return f.setErrors(parsed.errors);
        m.mutate({ incidentId: detail.incident.id, ...parsed.data });
      }}
    >
      <Field label="Title" required error={f.errors.title}>
        <Input autoFocus maxLength={512} value={f.values.title} onChange={(e) => f.change({ title: e.target.value })} />
      </Field>
      <Field label="Summary" error={f.errors.summary} hint="What happened, what is affected, what is being done.">
        <Textarea
          rows={8}
          maxLength={20_000}
          value={f.values.summary}
          onChange={(e) => f.change({ summary: e.target.value })}
        />
      </Field>
    </DialogShell>
  );
}

/** Who will be e-mailed: the customer's contacts for this severity with the e-mail channel. */
function Recipients({ detail }: { detail: IncidentDetail }) {
  const trpc = useTRPC();
  const contacts = useQuery(trpc.customers.contacts.queryOptions({ customerId: detail.incident.customerId }));
  const sev = severityName(detail.effectiveSeverity);
  if (contacts.isPending) return <p className="text-sm text-muted-foreground">Looking up contacts…</p>;
  if (contacts.isError) return null;
  const to = contacts.data.filter((c) => c.severities.includes(sev) && c.channels.includes("email"));
  if (to.length === 0) {
    return (
      <Alert tone="warning" title={`No contact of ${detail.customerName} takes ${sev} incidents by e-mail`}>
        Nobody will be e-mailed; the customer only sees it when they open their portal. Add a contact on the customer's
        page if someone should be told.
      </Alert>
    );
  }
  return (
    <div className="grid gap-1 rounded-md border border-border bg-muted/40 px-3 py-2 text-sm">
      <span className="text-xs font-medium text-muted-foreground">
        E-mailed to {detail.customerName}'s contacts for {sev} incidents:
      </span>
      <ul className="grid gap-0.5">
        {to.map((c) => (
          <li key={c.id} className="break-words">
            {c.name} <span className="text-muted-foreground">&lt;{c.email}&gt;</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function OpenToCustomerDialog({ detail, onClose, notify }: Props) {
  const trpc = useTRPC();
  const refresh = useRefreshIncident();
  const f = useForm({ message: "" });
  const m = useMutation(
    trpc.incidents.openToCustomer.mutationOptions({
      onSuccess: async () => {
        await refresh();
        notify({ tone: "success", message: `${detail.reference} is now visible to ${detail.customerName}.` });
        onClose();
      },
      onError: f.fail(["message"]),
    }),
  );
  return (
    <DialogShell
      title="Open to the customer"
      description={`${detail.customerName} will see ${detail.reference} in their portal, with this first message and every customer-visible entry from now on. Internal notes stay internal.`}
      pending={m.isPending}
      onClose={onClose}
      submitLabel="Open and notify"
      formError={f.formError}
      onSubmit={() => {
        f.setFormError(null);
        const parsed = validate(messageInput, f.values);
        if (!parsed.ok) return f.setErrors(parsed.errors);
        m.mutate({ incidentId: detail.incident.id, ...parsed.data });
      }}
    >
      <Field
        label="First message to the customer"
        required
        error={f.errors.message}
        hint="What you found, what it means for them, and what you are doing."
      >
        <Textarea
          autoFocus
          rows={6}
          maxLength={20_000}
          value={f.values.message}
          onChange={(e) => f.change({ message: e.target.value })}
        />
      </Field>
      <Recipients detail={detail} />
    </DialogShell>
  );
}

export function AskCustomerDialog({ detail, onClose, notify }: Props) {
  const trpc = useTRPC();
  const refresh = useRefreshIncident();
  const f = useForm({ message: "" });
  const m = useMutation(
    trpc.incidents.askCustomer.mutationOptions({
      onSuccess: async () => {
        await refresh();
        notify({ tone: "success", message: `Question sent; ${detail.reference} now waits on the customer.` });
        onClose();
      },
      onError: f.fail(["message"]),
    }),
  );
  return (
    <DialogShell
      title="Ask the customer"
      description="The incident waits on the customer until they answer in their portal, then returns to where it was."
      pending={m.isPending}
      onClose={onClose}
      submitLabel="Send question"
      formError={f.formError}
      onSubmit={() => {
        f.setFormError(null);
        const parsed = validate(messageInput, f.values);
        if (!parsed.ok) return f.setErrors(parsed.errors);
        m.mutate({ incidentId: detail.incident.id, ...parsed.data });
      }}
    >
      <Field label="Question" required error={f.errors.message}>
        <Textarea
          autoFocus
          rows={5}
          maxLength={20_000}
          value={f.values.message}
          onChange={(e) => f.change({ message: e.target.value })}
        />
      </Field>
      <Recipients detail={detail} />
    </DialogShell>
  );
}
