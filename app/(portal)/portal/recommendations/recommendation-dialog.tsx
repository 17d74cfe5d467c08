"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { RecStatusBadge } from "@/app/_components/posture/rec-badges";
import { Alert } from "@/app/_components/ui/alert";
import { SeverityBadge } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import { Dialog, DialogContent } from "@/app/_components/ui/dialog";
import { Textarea } from "@/app/_components/ui/input";
import Link from "@/app/_components/ui/link";
import { LoadingState } from "@/app/_components/ui/states";
import { useTRPC } from "@/app/_lib/trpc/client";
import { customerActions } from "@/server/recommendations/lifecycle";
import { trpcErrorInfo } from "../_lib/labels";
import { RecHistory } from "./rec-history";
import { RiskForm } from "./risk-form";

const EVIDENCE_HREF: Record<string, (id: string) => string | null> = {
  incident: (id) => `/portal/incidents/${id}`,
  sensor: () => "/portal/coverage",
};

const EVIDENCE_LABELS: Record<string, string> = {
  sensor: "Sensor",
  asset: "Asset",
  incident: "Incident",
  hunt: "Threat hunt",
  alert: "Alert",
  action: "Response action",
  class: "Monitoring area",
};

/** One recommendation: its evidence and history; customer admins accept, mark done, accept the risk, comment. */
export function RecommendationDialog(props: {
  id: string;
  timeZone: string;
  canRespond: boolean;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const q = useQuery(trpc.myRecommendations.byId.queryOptions({ recommendationId: props.id }));
  const [comment, setComment] = useState("");
  const [risk, setRisk] = useState(false);
  const done = () => qc.invalidateQueries({ queryKey: trpc.myRecommendations.pathKey() });
  const respond = useMutation(trpc.myRecommendations.respond.mutationOptions({ onSuccess: done }));
  const say = useMutation(
    trpc.myRecommendations.comment.mutationOptions({
      onSuccess: () => {
        setComment("");
        return done();
      },
    }),
  );
  const err = respond.error ?? say.error;
  const r = q.data;
  const actions = r && props.canRespond ? customerActions(r.status) : [];
  return (
    <Dialog open onOpenChange={(o) => (o ? undefined : props.onClose())}>
      <DialogContent title={r?.title ?? "Recommendation"} size="lg">
        {!r ? (
          q.isError ? (
            <Alert tone="danger">{trpcErrorInfo(q.error).message}</Alert>
          ) : (
            <LoadingState label="Loading…" rows={3} />
          )
        ) : (
          <div className="grid gap-4 text-sm">
            <div className="flex flex-wrap gap-2">
              <SeverityBadge severity={r.severity} />
              <RecStatusBadge status={r.status} />
            </div>
            <p className="whitespace-pre-wrap break-words">{r.body}</p>
            {r.evidence.length ? (
              <section className="grid gap-1">
                <h3 className="text-xs font-medium text-muted-foreground">Evidence</h3>
                <ul className="flex flex-wrap gap-2">
                  {r.evidence.map((e) => {
                    const href = EVIDENCE_HREF[e.kind]?.(e.id);
                    return (
                      <li key={`${e.kind}:${e.id}`} className="rounded-md border border-border px-2 py-0.5">
                        <span className="text-muted-foreground">{EVIDENCE_LABELS[e.kind] ?? e.kind}: </span>
                        {href ? (
                          <Link href={href} className="text-primary underline-offset-4 hover:underline">
                            {e.label}
                          </Link>
                        ) : (
                          e.label
                        )}
                      </li>
                    );
                  })}
                </ul>
              </section>
            ) : null}
            {err ? <Alert tone="danger">{trpcErrorInfo(err).message}</Alert> : null}
            {actions.length ? (
              <div className="flex flex-wrap gap-2">
                {actions.includes("accept") ? (
                  <Button
                    size="sm"
                    loading={respond.isPending}
                    onClick={() => respond.mutate({ recommendationId: r.id, action: "accept" })}
                  >
                    Accept — we plan it
                  </Button>
                ) : null}
                {actions.includes("done") ? (
                  <Button
                    size="sm"
                    loading={respond.isPending}
                    onClick={() => respond.mutate({ recommendationId: r.id, action: "done" })}
                  >
                    Mark done
                  </Button>
                ) : null}
                <Button size="sm" variant="outline" onClick={() => setRisk((x) => !x)}>
                  Accept the risk…
                </Button>
              </div>
            ) : null}
            {risk ? (
              <RiskForm
                pending={respond.isPending}
                onSubmit={(reason, reviewOn) =>
                  respond.mutate(
                    { recommendationId: r.id, action: "accept_risk", reason, reviewOn },
                    { onSuccess: () => setRisk(false) },
                  )
                }
              />
            ) : null}
            <RecHistory events={r.history} timeZone={props.timeZone} />
            {props.canRespond ? (
              <form
                className="grid gap-2"
                onSubmit={(e) => {
                  e.preventDefault();
                  if (comment.trim()) say.mutate({ recommendationId: r.id, body: comment });
                }}
              >
                <label htmlFor="rec-comment" className="text-xs font-medium text-muted-foreground">
                  Comment
                </label>
                <Textarea
                  id="rec-comment"
                  rows={2}
                  maxLength={5000}
                  value={comment}
                  onChange={(e) => setComment(e.target.value)}
                />
                <div>
                  <Button size="sm" variant="outline" type="submit" loading={say.isPending}>
                    Add comment
                  </Button>
                </div>
              </form>
            ) : (
              <p className="text-xs text-muted-foreground">Viewers read only; an admin of your organisation decides.</p>
            )}
          </div>
        )}
      </DialogContent>
    </Dialog>
  );
}
