"use client";

import { useMutation } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import { useState } from "react";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { ConfirmDialog } from "@/app/_components/ui/confirm-dialog";
import { Dialog, DialogClose, DialogContent, DialogFooter } from "@/app/_components/ui/dialog";
import { Field } from "@/app/_components/ui/field";
import { Textarea } from "@/app/_components/ui/input";
import { SafeText } from "@/app/_components/ui/safe-text";
import { Select } from "@/app/_components/ui/select";
import { useTRPC } from "@/app/_lib/trpc/client";
import { actionInput } from "@/server/incidents/schema";
import { targetsFor } from "@/server/incidents/targets";
import { DateTime } from "../../_components/date-time";
import { describeError, errorMessage, type FieldErrors, validate } from "../../_components/errors";
import { TargetField } from "./action-target-field";
import {
  ACTION_KIND_LABELS,
  type ActionKind,
  ActionStatusBadge,
  type SectionProps,
  useRefreshIncident,
} from "./shared";

type Action = SectionProps["detail"]["actions"][number];

function RequestDialog({ detail, onClose, notify }: Pick<SectionProps, "detail" | "notify"> & { onClose: () => void }) {
  const trpc = useTRPC();
  const refresh = useRefreshIncident();
  const firstHost = targetsFor("isolate_host", detail.observables)[0] ?? "";
  const [values, setValues] = useState<{ kind: ActionKind; target: string; reason: string }>({
    kind: "isolate_host",
    target: firstHost,
    reason: "",
  });
  const targets = targetsFor(values.kind, detail.observables);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const m = useMutation(
    trpc.incidents.requestAction.mutationOptions({
      onSuccess: async () => {
        await refresh();
        notify({ tone: "success", message: "Approval requested from the customer." });
        onClose();
      },
      onError: (e) => {
        const d = describeError(e, ["kind", "target", "reason"]);
        setErrors(d.fields);
        setFormError(d.message);
      },
    }),
  );
  const change = (patch: Partial<typeof values>) => {
    setValues((v) => ({ ...v, ...patch }));
    setErrors((e) => ({ ...e, ...Object.fromEntries(Object.keys(patch).map((k) => [k, undefined])) }));
  };
  return (
    <Dialog open onOpenChange={(open) => (open || m.isPending ? undefined : onClose())}>
      <DialogContent
        title="Request a response action"
        description={`${detail.customerName} is asked to approve it in their portal; their contacts for this severity are e-mailed.`}
      >
        <form
          noValidate
          className="grid gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            setFormError(null);
            const parsed = validate(actionInput, values);
            if (!parsed.ok) return setErrors(parsed.errors);
            m.mutate({ incidentId: detail.incident.id, ...parsed.data });
          }}
        >
          <Field label="Action" required error={errors.kind}>
            <Select
              value={values.kind}
              onChange={(e) => {
                const kind = e.target.value as ActionKind;
                change({ kind, target: targetsFor(kind, detail.observables)[0] ?? "" });
              }}
            >
              {(Object.keys(ACTION_KIND_LABELS) as ActionKind[]).map((k) => (
                <option key={k} value={k}>
                  {ACTION_KIND_LABELS[k]}
                </option>
              ))}
            </Select>
          </Field>
          <TargetField
            kind={values.kind}
            targets={targets}
            value={values.target}
            error={errors.target}
            onChange={(target) => change({ target })}
          />
          <Field label="Reason" required error={errors.reason} hint="Why it is needed; the customer reads this.">
            <Textarea
              rows={4}
              maxLength={4000}
              value={values.reason}
              onChange={(e) => change({ reason: e.target.value })}
            />
          </Field>
          {formError ? <Alert tone="danger">{formError}</Alert> : null}
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="outline" disabled={m.isPending}>
                Cancel
              </Button>
            </DialogClose>
            <Button type="submit" loading={m.isPending}>
              Request approval
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

/** Response actions the customer approves: request, follow, carry out, withdraw. */
export function ActionsCard({ detail, canManage, notify }: SectionProps) {
  const trpc = useTRPC();
  const refresh = useRefreshIncident();
  const [requesting, setRequesting] = useState(false);
  const [withdrawing, setWithdrawing] = useState<Action | null>(null);
  const visible = detail.incident.visibleToCustomer;
  const incidentId = detail.incident.id;

  const execute = useMutation(
    trpc.incidents.markActionExecuted.mutationOptions({
      onSuccess: async (row) => {
        await refresh();
        notify({ tone: "success", message: `${ACTION_KIND_LABELS[row.kind]} marked as carried out.` });
      },
      onError: (e) => notify({ tone: "danger", message: errorMessage(e) }),
    }),
  );
  const cancel = useMutation(
    trpc.incidents.cancelAction.mutationOptions({
      onSuccess: async () => {
        await refresh();
        setWithdrawing(null);
        notify({ tone: "success", message: "Request withdrawn." });
      },
    }),
  );

  return (
    <Card id="actions">
      <CardHeader
        actions={
          canManage && visible && detail.actions.length ? (
            <Button size="sm" variant="outline" onClick={() => setRequesting(true)}>
              <Plus aria-hidden="true" />
              Request
            </Button>
          ) : null
        }
      >
        <CardTitle>Response actions</CardTitle>
        <CardDescription>Containment the customer approves.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3">
        {detail.actions.length ? (
          <ul className="grid gap-2">
            {detail.actions.map((a) => (
              <li key={a.id} className="grid gap-1.5 rounded-md border border-border px-3 py-2 text-sm">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <span className="font-medium">{ACTION_KIND_LABELS[a.kind]}</span>
                  <ActionStatusBadge status={a.status} />
                </div>
                <SafeText text={a.target} className="font-mono text-xs break-all" />
                <p className="text-xs break-words whitespace-pre-wrap text-muted-foreground">
                  <SafeText text={a.reason} />
                </p>
                <p className="text-xs text-muted-foreground">
                  Requested <DateTime value={a.requestedAt} mode="relative" />
                  {a.decidedAt ? (
                    <>
                      {" "}
                      · {a.status === "cancelled" ? "withdrawn" : "decided"}{" "}
                      <DateTime value={a.decidedAt} mode="relative" />
                    </>
                  ) : null}
                  {a.executedAt ? (
                    <>
                      {" "}
                      · carried out <DateTime value={a.executedAt} mode="relative" />
                    </>
                  ) : null}
                </p>
                {a.decisionNote ? (
                  <p className="rounded bg-muted px-2 py-1 text-xs break-words whitespace-pre-wrap">
                    <SafeText text={a.decisionNote} />
                  </p>
                ) : null}
                {canManage && (a.status === "approved" || a.status === "requested") ? (
                  <div className="flex gap-2 pt-0.5">
                    {a.status === "approved" ? (
                      <Button
                        size="sm"
                        variant="outline"
                        loading={execute.isPending && execute.variables?.actionId === a.id}
                        onClick={() => execute.mutate({ incidentId, actionId: a.id })}
                      >
                        Mark carried out
                      </Button>
                    ) : (
                      <Button
                        size="sm"
                        variant="ghost"
                        onClick={() => {
                          cancel.reset();
                          setWithdrawing(a);
                        }}
                      >
                        Withdraw request
                      </Button>
                    )}
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-muted-foreground">No actions requested.</p>
        )}
        {canManage && !detail.actions.length ? (
          visible ? (
            <Button size="sm" variant="outline" className="justify-self-start" onClick={() => setRequesting(true)}>
              <Plus aria-hidden="true" />
              Request an action
            </Button>
          ) : (
            <p className="text-xs text-muted-foreground">
              Open the incident to the customer to ask them to approve an action.
            </p>
          )
        ) : null}
      </CardContent>
      {requesting ? <RequestDialog detail={detail} notify={notify} onClose={() => setRequesting(false)} /> : null}
      <ConfirmDialog
        open={withdrawing !== null}
        onOpenChange={(o) => (o ? undefined : setWithdrawing(null))}
        title="Withdraw this request?"
        description={
          withdrawing
            ? `${ACTION_KIND_LABELS[withdrawing.kind]} — ${withdrawing.target}. The customer sees that it was withdrawn.`
            : undefined
        }
        confirmLabel="Withdraw request"
        pending={cancel.isPending}
        error={cancel.error ? errorMessage(cancel.error) : null}
        onConfirm={() => withdrawing && cancel.mutate({ incidentId, actionId: withdrawing.id })}
      />
    </Card>
  );
}
