"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Check, ShieldQuestion, X } from "lucide-react";
import { type FormEvent, useId, useState } from "react";
import { Alert } from "@/app/_components/ui/alert";
import { Badge, type BadgeTone } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { Dialog, DialogClose, DialogContent, DialogFooter } from "@/app/_components/ui/dialog";
import { Field } from "@/app/_components/ui/field";
import { Textarea } from "@/app/_components/ui/input";
import { SafeText } from "@/app/_components/ui/safe-text";
import { useTRPC } from "@/app/_lib/trpc/client";
import { trpcErrorInfo } from "../../_lib/labels";
import { ACTION_STATUS_LABELS, actionKindLabel, type MyIncident } from "../_components/labels";
import { When } from "../_components/when";
import type { Notice } from "./incident-detail";

type Action = MyIncident["actions"][number];
type Decision = { action: Action; decision: "approved" | "declined" };

/** Response actions waiting for the customer's decision, with Approve / Decline for admins. */
export function PendingActions({
  incidentId,
  actions,
  timeZone,
  providerName,
  canApprove,
  onDone,
}: {
  incidentId: string;
  actions: Action[];
  timeZone: string;
  providerName: string;
  canApprove: boolean;
  onDone: (n: Notice) => void;
}) {
  const id = useId();
  const [deciding, setDeciding] = useState<Decision | null>(null);
  return (
    <section
      aria-labelledby={`${id}-title`}
      className="grid gap-4 rounded-lg border-2 border-primary/40 bg-primary/5 p-5 shadow-xs"
    >
      <div className="flex items-start gap-3">
        <ShieldQuestion aria-hidden="true" className="mt-0.5 size-5 shrink-0 text-primary" />
        <div className="grid min-w-0 gap-1">
          <h2 id={`${id}-title`} className="text-base font-semibold">
            {actions.length === 1
              ? "A response action needs your approval"
              : `${actions.length} response actions need your approval`}
          </h2>
          <p className="text-sm text-muted-foreground">
            {providerName} will only carry {actions.length === 1 ? "it" : "them"} out once your organisation approves.
          </p>
        </div>
      </div>
      <ul className="grid gap-3">
        {actions.map((a) => (
          <li key={a.id} className="grid gap-3 rounded-md border border-border bg-card p-4">
            <div className="grid min-w-0 gap-1">
              <p className="text-sm font-semibold">{actionKindLabel(a.kind)}</p>
              <p className="font-mono text-sm break-all">
                <SafeText text={a.target} />
              </p>
              <p className="text-sm break-words whitespace-pre-wrap text-muted-foreground">
                <SafeText text={a.reason} />
              </p>
              <p className="text-xs text-muted-foreground">
                Requested <When value={a.requestedAt} timeZone={timeZone} />
              </p>
            </div>
            {canApprove ? (
              <div className="flex flex-wrap gap-2">
                <Button onClick={() => setDeciding({ action: a, decision: "approved" })}>
                  <Check aria-hidden="true" />
                  Approve
                </Button>
                <Button variant="outline" onClick={() => setDeciding({ action: a, decision: "declined" })}>
                  <X aria-hidden="true" />
                  Decline
                </Button>
              </div>
            ) : (
              <p className="text-xs text-muted-foreground">
                An admin of your organisation can approve or decline this.
              </p>
            )}
          </li>
        ))}
      </ul>
      <DecisionDialog incidentId={incidentId} deciding={deciding} onClose={() => setDeciding(null)} onDone={onDone} />
    </section>
  );
}

function DecisionDialog({
  incidentId,
  deciding,
  onClose,
  onDone,
}: {
  incidentId: string;
  deciding: Decision | null;
  onClose: () => void;
  onDone: (n: Notice) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const decide = useMutation(
    trpc.myIncidents.decideAction.mutationOptions({
      onSuccess: async (_row, vars) => {
        // Take the decided request off the list at once, so nobody decides it twice while the incident reloads.
        queryClient.setQueryData(trpc.myIncidents.byId.queryKey({ incidentId }), (old) =>
          old
            ? {
                ...old,
                actions: old.actions.map((a) =>
                  a.id === vars.actionId
                    ? { ...a, status: vars.decision, decidedAt: new Date(), decisionNote: vars.note ?? null }
                    : a,
                ),
              }
            : old,
        );
        onDone({
          tone: "success",
          text:
            vars.decision === "approved"
              ? "Approved. The analysts can now carry it out; the timeline shows when it is done."
              : "Declined. The analysts will not carry it out; your decision is in the timeline.",
        });
        close();
        await queryClient.invalidateQueries({ queryKey: trpc.myIncidents.pathKey() });
      },
      onError: (e) => setError(trpcErrorInfo(e).message),
    }),
  );

  function close() {
    setNote("");
    setError(null);
    decide.reset();
    onClose();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!deciding) return;
    setError(null);
    decide.mutate({
      incidentId,
      actionId: deciding.action.id,
      decision: deciding.decision,
      note: note.trim() || undefined,
    });
  }

  const approve = deciding?.decision === "approved";
  const kind = deciding ? actionKindLabel(deciding.action.kind) : "";
  return (
    <Dialog open={deciding !== null} onOpenChange={(open) => (open || decide.isPending ? undefined : close())}>
      {deciding ? (
        <DialogContent
          size="md"
          title={approve ? `Approve: ${kind.toLowerCase()}?` : `Decline: ${kind.toLowerCase()}?`}
          description={
            approve
              ? "The analysts may then carry out this action on your systems."
              : "The analysts will not carry out this action. Say why if you can, so they can suggest an alternative."
          }
        >
          <form noValidate onSubmit={submit} className="grid gap-4">
            <p className="rounded-md border border-border bg-muted/40 px-3 py-2 font-mono text-sm break-all">
              <SafeText text={deciding.action.target} />
            </p>
            <Field label="Note (optional)" hint="Visible to the analysts and in the incident's timeline.">
              <Textarea value={note} rows={3} maxLength={4000} onChange={(e) => setNote(e.target.value)} />
            </Field>
            {error ? <Alert tone="danger">{error}</Alert> : null}
            <DialogFooter>
              <DialogClose asChild>
                <Button variant="outline" disabled={decide.isPending}>
                  Cancel
                </Button>
              </DialogClose>
              <Button type="submit" variant={approve ? "primary" : "destructive"} loading={decide.isPending}>
                {approve ? "Approve" : "Decline"}
              </Button>
            </DialogFooter>
          </form>
        </DialogContent>
      ) : null}
    </Dialog>
  );
}

const STATUS_TONES: Record<string, BadgeTone> = {
  approved: "success",
  executed: "success",
  declined: "danger",
  cancelled: "neutral",
  requested: "warning",
};

/** Actions already decided, carried out or withdrawn. */
export function ActionHistory({ actions, timeZone }: { actions: Action[]; timeZone: string }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Response actions</CardTitle>
      </CardHeader>
      <CardContent>
        <ul className="grid gap-3">
          {actions.map((a) => (
            <li key={a.id} className="grid min-w-0 gap-1 border-b border-border pb-3 last:border-0 last:pb-0">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <span className="text-sm font-medium">{actionKindLabel(a.kind)}</span>
                <Badge tone={STATUS_TONES[a.status] ?? "neutral"}>{ACTION_STATUS_LABELS[a.status] ?? a.status}</Badge>
              </div>
              <p className="font-mono text-xs break-all">
                <SafeText text={a.target} />
              </p>
              {a.decisionNote ? (
                <p className="text-xs break-words whitespace-pre-wrap text-muted-foreground">
                  Note: <SafeText text={a.decisionNote} />
                </p>
              ) : null}
              <p className="text-xs text-muted-foreground">
                {a.decidedAt ? (
                  <>
                    Decided <When value={a.decidedAt} timeZone={timeZone} />
                  </>
                ) : (
                  <>
                    Requested <When value={a.requestedAt} timeZone={timeZone} />
                  </>
                )}
              </p>
            </li>
          ))}
        </ul>
      </CardContent>
    </Card>
  );
}
