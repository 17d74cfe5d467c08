"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { RecStatusBadge } from "@/app/_components/posture/rec-badges";
import { Alert } from "@/app/_components/ui/alert";
import { SeverityBadge } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import { Dialog, DialogContent } from "@/app/_components/ui/dialog";
import { Textarea } from "@/app/_components/ui/input";
import { LoadingState } from "@/app/_components/ui/states";
import { useTRPC } from "@/app/_lib/trpc/client";
import { RecHistory } from "@/app/(portal)/portal/recommendations/rec-history";
import { errorMessage } from "../_components/errors";

/** One recommendation for staff: evidence, history, dismiss with a reason, comment. */
export function StaffRecDialog(p: { id: string; customerId: string; canManage: boolean; onClose: () => void }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const q = useQuery(trpc.recommendations.byId.queryOptions({ customerId: p.customerId, recommendationId: p.id }));
  const [text, setText] = useState("");
  const refresh = () => qc.invalidateQueries({ queryKey: trpc.recommendations.pathKey() });
  const dismiss = useMutation(trpc.recommendations.dismiss.mutationOptions({ onSuccess: refresh }));
  const comment = useMutation(
    trpc.recommendations.comment.mutationOptions({
      onSuccess: () => {
        setText("");
        return refresh();
      },
    }),
  );
  const r = q.data;
  const err = dismiss.error ?? comment.error;
  const args = { customerId: p.customerId, recommendationId: p.id };
  return (
    <Dialog open onOpenChange={(o) => (o ? undefined : p.onClose())}>
      <DialogContent title={r?.title ?? "Recommendation"} size="lg">
        {!r ? (
          q.isError ? (
            <Alert tone="danger">{errorMessage(q.error)}</Alert>
          ) : (
            <LoadingState rows={3} />
          )
        ) : (
          <div className="grid gap-4 text-sm">
            <div className="flex flex-wrap gap-2">
              <SeverityBadge severity={r.severity} />
              <RecStatusBadge status={r.status} />
              {r.dedupKey ? <span className="font-mono text-xs text-muted-foreground">{r.dedupKey}</span> : null}
            </div>
            <p className="whitespace-pre-wrap break-words">{r.body}</p>
            {r.evidence.length ? (
              <p className="break-words text-xs text-muted-foreground">
                Evidence: {r.evidence.map((e) => `${e.kind} ${e.label}`).join(" · ")}
              </p>
            ) : null}
            {r.reason ? <p className="text-xs">Reason: {r.reason}</p> : null}
            <RecHistory events={r.history} />
            {err ? <Alert tone="danger">{errorMessage(err)}</Alert> : null}
            {p.canManage ? (
              <div className="grid gap-2">
                <label htmlFor="staff-rec-text" className="text-xs font-medium text-muted-foreground">
                  Comment, or reason to dismiss
                </label>
                <Textarea
                  id="staff-rec-text"
                  rows={2}
                  maxLength={2000}
                  value={text}
                  onChange={(e) => setText(e.target.value)}
                />
                <div className="flex flex-wrap gap-2">
                  <Button
                    size="sm"
                    variant="outline"
                    loading={comment.isPending}
                    onClick={() => comment.mutate({ ...args, body: text })}
                  >
                    Add comment
                  </Button>
                  {r.status === "open" ? (
                    <Button
                      size="sm"
                      variant="destructive"
                      loading={dismiss.isPending}
                      onClick={() => dismiss.mutate({ ...args, reason: text })}
                    >
                      Dismiss with this reason
                    </Button>
                  ) : null}
                </div>
              </div>
            ) : null}
          </div>
        )}
      </DialogContent>
    </Dialog>
  );
}
