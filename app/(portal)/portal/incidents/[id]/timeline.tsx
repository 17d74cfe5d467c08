"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Building2, Cog, MessageSquare, Send, ShieldCheck } from "lucide-react";
import { type FormEvent, useId, useState } from "react";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { Card, CardContent } from "@/app/_components/ui/card";
import { Textarea } from "@/app/_components/ui/input";
import { Label } from "@/app/_components/ui/label";
import { SafeText } from "@/app/_components/ui/safe-text";
import { EmptyState } from "@/app/_components/ui/states";
import { cn } from "@/app/_lib/cn";
import { useTRPC } from "@/app/_lib/trpc/client";
import { SectionHeader } from "../../_components/section-header";
import { trpcErrorInfo } from "../../_lib/labels";
import { type MyIncident, TIMELINE_KIND_LABELS } from "../_components/labels";
import { When } from "../_components/when";
import type { Notice } from "./incident-detail";

type Entry = MyIncident["timeline"][number];

const SIDE_ICONS = { staff: ShieldCheck, customer: Building2, system: Cog } as const;

/** What happened, as shared with the customer, oldest first; the comment box at the end. */
export function Timeline({
  incidentId,
  entries,
  timeZone,
  providerName,
  canComment,
  onDone,
}: {
  incidentId: string;
  entries: Entry[];
  timeZone: string;
  providerName: string;
  canComment: boolean;
  onDone: (n: Notice) => void;
}) {
  return (
    <Card>
      <SectionHeader
        title="Timeline"
        description={`Updates from ${providerName} and your organisation, oldest first. Times in ${timeZone.replaceAll("_", " ")}.`}
      />
      <CardContent className="grid gap-5">
        {entries.length === 0 ? (
          <EmptyState icon={MessageSquare} className="py-6" title="No updates yet" />
        ) : (
          <ol className="grid gap-0">
            {entries.map((e, i) => {
              const Icon = SIDE_ICONS[e.actorSide] ?? Cog;
              const highlight = e.kind === "question" || e.kind === "answer" || e.kind === "action_requested";
              return (
                <li key={e.id} className="relative flex gap-3 pb-5 last:pb-0">
                  {i < entries.length - 1 ? (
                    <span aria-hidden="true" className="absolute top-8 bottom-0 left-[0.9375rem] w-px bg-border" />
                  ) : null}
                  <span
                    aria-hidden="true"
                    className={cn(
                      "relative z-10 flex size-8 shrink-0 items-center justify-center rounded-full border",
                      e.actorSide === "customer"
                        ? "border-primary/30 bg-primary/10 text-primary"
                        : "border-border bg-muted text-muted-foreground",
                    )}
                  >
                    <Icon className="size-4" />
                  </span>
                  <div className="grid min-w-0 flex-1 gap-1 pt-1">
                    <p className="flex flex-wrap items-baseline gap-x-2 gap-y-0.5 text-sm">
                      <span className="font-medium break-words">
                        <SafeText text={e.actorLabel} />
                      </span>
                      <span
                        className={cn("text-xs", highlight ? "font-medium text-foreground" : "text-muted-foreground")}
                      >
                        {TIMELINE_KIND_LABELS[e.kind] ?? "Update"}
                      </span>
                      <span className="text-xs text-muted-foreground">
                        <When value={e.at} timeZone={timeZone} />
                      </span>
                    </p>
                    {e.body ? (
                      <div
                        className={cn(
                          "text-sm leading-relaxed break-words whitespace-pre-wrap",
                          highlight && "rounded-md border border-border bg-muted/40 px-3 py-2",
                        )}
                      >
                        <SafeText text={e.body} />
                      </div>
                    ) : null}
                  </div>
                </li>
              );
            })}
          </ol>
        )}
        {canComment ? <Composer incidentId={incidentId} providerName={providerName} onDone={onDone} /> : null}
      </CardContent>
    </Card>
  );
}

function Composer({
  incidentId,
  providerName,
  onDone,
}: {
  incidentId: string;
  providerName: string;
  onDone: (n: Notice) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const [message, setMessage] = useState("");
  const [error, setError] = useState<string | null>(null);
  const comment = useMutation(
    trpc.myIncidents.comment.mutationOptions({
      onSuccess: async () => {
        setMessage("");
        onDone({ tone: "success", text: `Your comment was added and is visible to ${providerName}'s analysts.` });
        await queryClient.invalidateQueries({ queryKey: trpc.myIncidents.byId.queryKey({ incidentId }) });
      },
      onError: (e) => setError(trpcErrorInfo(e).message),
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (!message.trim()) return setError("Write your comment first.");
    comment.mutate({ incidentId, message: message.trim() });
  }

  return (
    <form noValidate onSubmit={submit} className="grid gap-2 border-t border-border pt-4">
      <Label htmlFor={`${id}-comment`}>Add a comment</Label>
      <Textarea
        id={`${id}-comment`}
        value={message}
        rows={3}
        maxLength={20_000}
        placeholder={`Anything ${providerName} should know about this incident`}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => {
          setMessage(e.target.value);
          if (error) setError(null);
        }}
        onKeyDown={(e) => {
          if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) e.currentTarget.form?.requestSubmit();
        }}
      />
      {error ? (
        <Alert tone="danger" id={`${id}-error`}>
          {error}
        </Alert>
      ) : null}
      <div className="flex justify-end">
        <Button type="submit" variant="outline" loading={comment.isPending}>
          <Send aria-hidden="true" />
          Post comment
        </Button>
      </div>
    </form>
  );
}
