"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter } from "@/app/_components/ui/dialog";
import { Field } from "@/app/_components/ui/field";
import { Input, Textarea } from "@/app/_components/ui/input";
import { SafeText } from "@/app/_components/ui/safe-text";
import { Select } from "@/app/_components/ui/select";
import { LoadingState } from "@/app/_components/ui/states";
import { cn } from "@/app/_lib/cn";
import { useTRPC } from "@/app/_lib/trpc/client";
import { escalateInput, verdictInput } from "@/server/alerts/schema";
import { incidentReference } from "@/server/incidents/severity";
import { describeError, type FieldErrors, validate } from "./errors";
import type { Flash } from "./flash";
import { QueryError } from "./query-error";
import { SeverityIdBadge } from "./severity";
import { IncidentStatusBadge, VERDICT_LABELS, type Verdict } from "./status-badges";

export type ActionAlert = {
  id: string;
  title: string;
  customerId: string;
  customerName: string;
  customerSlug: string;
  incidentId: string | null;
  incidentReference: string | null;
  status: "new" | "acknowledged" | "escalated" | "closed";
};

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Why the alerts cannot go into an incident together, or null when they can. */
export function incidentBlocker(alerts: readonly ActionAlert[]): string | null {
  const customers = new Set(alerts.map((a) => a.customerName));
  if (customers.size > 1) {
    return `The selection spans ${customers.size} customers (${[...customers].join(", ")}). An incident belongs to one customer: select alerts of one customer only.`;
  }
  const inIncident = alerts.filter((a) => a.incidentId);
  if (inIncident.length) {
    const refs = [...new Set(inIncident.map((a) => a.incidentReference ?? "an incident"))].join(", ");
    return alerts.length === 1
      ? `This alert is already in ${refs}.`
      : `${plural(inIncident.length, "selected alert is", "selected alerts are")} already in ${refs}. Deselect ${inIncident.length === 1 ? "it" : "them"} first.`;
  }
  return null;
}

function subject(alerts: readonly ActionAlert[]) {
  return alerts.length === 1 ? "this alert" : `${alerts.length} alerts`;
}

type DialogProps = {
  alerts: readonly ActionAlert[];
  onClose: () => void;
  onDone: (flash: Flash) => Promise<void> | void;
};

/** Verdict with a required reason. A verdict closes alerts that are not in an incident. */
export function VerdictDialog({ alerts, onClose, onDone }: DialogProps) {
  const trpc = useTRPC();
  const [verdict, setVerdict] = useState<Verdict | "">("");
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const loose = alerts.filter((a) => !a.incidentId).length;
  const mutation = useMutation(
    trpc.alerts.verdict.mutationOptions({
      onSuccess: async (r) => {
        await onDone({
          tone: "success",
          message: `Verdict “${VERDICT_LABELS[verdict as Verdict]}” recorded on ${plural(r.updated, "alert")}.`,
        });
        onClose();
      },
      onError: (e) => {
        const d = describeError(e, ["verdict", "reason"]);
        setErrors(d.fields);
        setFormError(d.message);
      },
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    setFormError(null);
    const parsed = validate(verdictInput, { alertIds: alerts.map((a) => a.id), verdict: verdict || undefined, reason });
    if (!parsed.ok) return setErrors({ ...parsed.errors, verdict: verdict ? undefined : "Choose a verdict" });
    mutation.mutate(parsed.data);
  }

  return (
    <Dialog open onOpenChange={(open) => (open || mutation.isPending ? undefined : onClose())}>
      <DialogContent
        title={alerts.length === 1 ? "Record a verdict" : `Record a verdict on ${alerts.length} alerts`}
        description={
          loose > 0
            ? `${loose === alerts.length ? (alerts.length === 1 ? "The alert is" : "They are") : `${plural(loose, "alert is", "alerts are")}`} not in an incident, so the verdict also closes ${loose === 1 ? "it" : "them"}.`
            : "The alerts stay in their incident; the verdict is recorded on each."
        }
      >
        <form noValidate onSubmit={submit} className="grid gap-4">
          <Field
            label="Verdict"
            required
            error={errors.verdict}
            hint={
              loose > 0 ? "“True positive” needs the alerts in an incident: escalate or attach them first." : undefined
            }
          >
            <Select
              placeholder="Choose…"
              value={verdict}
              autoFocus
              onChange={(e) => {
                setVerdict(e.target.value as Verdict | "");
                setErrors((x) => ({ ...x, verdict: undefined }));
              }}
            >
              {(Object.keys(VERDICT_LABELS) as Verdict[]).map((v) => (
                <option key={v} value={v} disabled={v === "true_positive" && loose > 0}>
                  {VERDICT_LABELS[v]}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Reason" required error={errors.reason} hint="Kept with the alert and in the audit log.">
            <Textarea
              value={reason}
              rows={3}
              maxLength={2000}
              onChange={(e) => {
                setReason(e.target.value);
                setErrors((x) => ({ ...x, reason: undefined }));
              }}
            />
          </Field>
          {formError ? <Alert tone="danger">{formError}</Alert> : null}
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="outline" disabled={mutation.isPending}>
                Cancel
              </Button>
            </DialogClose>
            <Button type="submit" loading={mutation.isPending}>
              Record verdict
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

/** Opens a new incident from alerts of one customer that are in no incident yet. */
export function EscalateDialog({ alerts, onClose, onDone }: DialogProps) {
  const trpc = useTRPC();
  const blocker = incidentBlocker(alerts);
  const [title, setTitle] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const first = alerts[0];
  const mutation = useMutation(
    trpc.alerts.escalate.mutationOptions({
      onSuccess: async (r) => {
        const ref = first ? incidentReference(first.customerSlug, r.number) : "the incident";
        await onDone({
          tone: "success",
          message: `Opened ${ref} from ${subject(alerts)}.`,
          href: `/console/incidents/${r.incidentId}`,
          linkLabel: `Go to ${ref}`,
        });
        onClose();
      },
      onError: (e) => {
        const d = describeError(e, ["title"]);
        setErrors(d.fields);
        setFormError(d.message);
      },
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    setFormError(null);
    const parsed = validate(escalateInput, { alertIds: alerts.map((a) => a.id), title: title.trim() || undefined });
    if (!parsed.ok) return setErrors(parsed.errors);
    mutation.mutate(parsed.data);
  }

  return (
    <Dialog open onOpenChange={(open) => (open || mutation.isPending ? undefined : onClose())}>
      <DialogContent
        title="Escalate to a new incident"
        description={
          blocker || !first
            ? undefined
            : `Opens a new incident for ${first.customerName} in triage, with you as the assignee. It stays internal until you open it to the customer.`
        }
      >
        {blocker ? (
          <>
            <Alert tone="warning" title="These alerts cannot form one incident">
              {blocker}
            </Alert>
            <DialogFooter>
              <DialogClose asChild>
                <Button variant="outline">Close</Button>
              </DialogClose>
            </DialogFooter>
          </>
        ) : (
          <form noValidate onSubmit={submit} className="grid gap-4">
            <Field
              label="Incident title"
              error={errors.title}
              hint="Leave empty to use the title of the most severe alert."
            >
              <Input
                value={title}
                autoFocus
                maxLength={512}
                placeholder={first?.title}
                onChange={(e) => {
                  setTitle(e.target.value);
                  setErrors({});
                }}
              />
            </Field>
            {formError ? <Alert tone="danger">{formError}</Alert> : null}
            <DialogFooter>
              <DialogClose asChild>
                <Button variant="outline" disabled={mutation.isPending}>
                  Cancel
                </Button>
              </DialogClose>
              <Button type="submit" loading={mutation.isPending}>
                Open incident
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}

/** Adds the alerts to one of their customer's open incidents. */
export function AttachDialog({ alerts, onClose, onDone }: DialogProps) {
  const trpc = useTRPC();
  const blocker = incidentBlocker(alerts);
  const first = alerts[0];
  const [incidentId, setIncidentId] = useState("");
  const [error, setError] = useState<string | null>(null);
  const incidents = useQuery({
    ...trpc.alerts.openIncidents.queryOptions({ customerId: first?.customerId ?? "" }),
    enabled: !blocker && Boolean(first),
  });
  const mutation = useMutation(
    trpc.alerts.attach.mutationOptions({
      onSuccess: async (r) => {
        const inc = incidents.data?.find((i) => i.id === r.incidentId);
        const ref = inc && first ? incidentReference(first.customerSlug, inc.number) : "the incident";
        await onDone({
          tone: "success",
          message: `Attached ${subject(alerts)} to ${ref}.`,
          href: `/console/incidents/${r.incidentId}`,
          linkLabel: `Go to ${ref}`,
        });
        onClose();
      },
      onError: (e) => setError(describeError(e, []).message),
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!incidentId) return setError("Choose an incident.");
    setError(null);
    mutation.mutate({ alertIds: alerts.map((a) => a.id), incidentId });
  }

  return (
    <Dialog open onOpenChange={(open) => (open || mutation.isPending ? undefined : onClose())}>
      <DialogContent
        size="lg"
        title="Attach to an incident"
        description={blocker || !first ? undefined : `Open incidents of ${first.customerName}.`}
      >
        {blocker ? (
          <>
            <Alert tone="warning" title="These alerts cannot be attached together">
              {blocker}
            </Alert>
            <DialogFooter>
              <DialogClose asChild>
                <Button variant="outline">Close</Button>
              </DialogClose>
            </DialogFooter>
          </>
        ) : (
          <form noValidate onSubmit={submit} className="grid gap-4">
            {incidents.isPending ? (
              <LoadingState label="Loading open incidents…" rows={3} />
            ) : incidents.isError ? (
              <QueryError
                title="Could not load open incidents"
                error={incidents.error}
                onRetry={() => incidents.refetch()}
              />
            ) : incidents.data.length === 0 ? (
              <Alert tone="info" title={`${first?.customerName ?? "This customer"} has no open incident`}>
                Escalate the alerts to open a new one instead.
              </Alert>
            ) : (
              <fieldset className="grid max-h-80 gap-1 overflow-y-auto rounded-md border border-border p-1">
                <legend className="sr-only">Incident</legend>
                {incidents.data.map((inc) => (
                  <label
                    key={inc.id}
                    className={cn(
                      "flex cursor-pointer items-start gap-3 rounded-md px-2.5 py-2 text-sm hover:bg-muted/60",
                      incidentId === inc.id && "bg-primary/5 ring-1 ring-primary/30",
                    )}
                  >
                    <input
                      type="radio"
                      name="incident"
                      value={inc.id}
                      checked={incidentId === inc.id}
                      onChange={() => {
                        setIncidentId(inc.id);
                        setError(null);
                      }}
                      className="mt-1 accent-primary"
                    />
                    <span className="grid min-w-0 flex-1 gap-1">
                      <span className="flex min-w-0 items-baseline gap-2">
                        <span className="shrink-0 font-mono text-xs text-muted-foreground">
                          {first ? incidentReference(first.customerSlug, inc.number) : inc.number}
                        </span>
                        <SafeText text={inc.title} className="min-w-0 truncate font-medium" />
                      </span>
                      <span className="flex flex-wrap gap-1.5">
                        <SeverityIdBadge value={inc.severity} />
                        <IncidentStatusBadge status={inc.status} />
                      </span>
                    </span>
                  </label>
                ))}
              </fieldset>
            )}
            {error ? <Alert tone="danger">{error}</Alert> : null}
            <DialogFooter>
              <DialogClose asChild>
                <Button variant="outline" disabled={mutation.isPending}>
                  Cancel
                </Button>
              </DialogClose>
              <Button type="submit" loading={mutation.isPending} disabled={!incidents.data?.length}>
                Attach {subject(alerts)}
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
