"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { MessageCircleQuestion, Send } from "lucide-react";
import { type FormEvent, useId, useState } from "react";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { Textarea } from "@/app/_components/ui/input";
import { Label } from "@/app/_components/ui/label";
import { SafeText } from "@/app/_components/ui/safe-text";
import { useTRPC } from "@/app/_lib/trpc/client";
import { trpcErrorInfo } from "../../_lib/labels";
import type { MyIncident } from "../_components/labels";
import { When } from "../_components/when";
import type { Notice } from "./incident-detail";

type Entry = MyIncident["timeline"][number];

/** The open question, highlighted, with the answer form for admins. */
export function QuestionCard({
  incidentId,
  question,
  timeZone,
  providerName,
  canAnswer,
  onDone,
}: {
  incidentId: string;
  question: Entry | undefined;
  timeZone: string;
  providerName: string;
  canAnswer: boolean;
  onDone: (n: Notice) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const [message, setMessage] = useState("");
  const [error, setError] = useState<string | null>(null);

  const answer = useMutation(
    trpc.myIncidents.answer.mutationOptions({
      onSuccess: async (result) => {
        setMessage("");
        // The question is answered: close the card at once rather than after the reload.
        queryClient.setQueryData(trpc.myIncidents.byId.queryKey({ incidentId }), (old) =>
          old ? { ...old, waitingOnYou: false, status: result.status } : old,
        );
        onDone({ tone: "success", text: `Thank you. Your answer was sent to ${providerName}'s analysts.` });
        await queryClient.invalidateQueries({ queryKey: trpc.myIncidents.pathKey() });
      },
      onError: (e) => setError(trpcErrorInfo(e).message),
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (!message.trim()) return setError("Write your answer first.");
    answer.mutate({ incidentId, message: message.trim() });
  }

  return (
    <section
      aria-labelledby={`${id}-title`}
      className="grid gap-4 rounded-lg border-2 border-warning/50 bg-warning/5 p-5 shadow-xs"
    >
      <div className="flex items-start gap-3">
        <MessageCircleQuestion aria-hidden="true" className="mt-0.5 size-5 shrink-0 text-warning" />
        <div className="grid min-w-0 gap-1">
          <h2 id={`${id}-title`} className="text-base font-semibold">
            {providerName} needs an answer from you
          </h2>
          {question ? (
            <p className="text-xs text-muted-foreground">
              Asked by <SafeText text={question.actorLabel} />, <When value={question.at} timeZone={timeZone} />
            </p>
          ) : null}
        </div>
      </div>
      {question?.body ? (
        <blockquote className="rounded-md border border-border bg-card px-4 py-3 text-sm leading-relaxed break-words whitespace-pre-wrap">
          <SafeText text={question.body} />
        </blockquote>
      ) : (
        <p className="text-sm text-muted-foreground">
          The analysts are waiting for information from your organisation.
        </p>
      )}
      {canAnswer ? (
        <form noValidate onSubmit={submit} className="grid gap-2">
          <Label htmlFor={`${id}-answer`}>Your answer</Label>
          <Textarea
            id={`${id}-answer`}
            value={message}
            rows={4}
            maxLength={20_000}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : `${id}-hint`}
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
          ) : (
            <p id={`${id}-hint`} className="text-xs text-muted-foreground">
              Your answer goes to the analysts and appears in the timeline below; the incident continues where it left
              off.
            </p>
          )}
          <div className="flex justify-end">
            <Button type="submit" loading={answer.isPending}>
              <Send aria-hidden="true" />
              Send answer
            </Button>
          </div>
        </form>
      ) : (
        <p className="rounded-md border border-border bg-card px-4 py-3 text-sm text-muted-foreground">
          An admin of your organisation can answer this question. Your role can read the incident but not reply.
        </p>
      )}
    </section>
  );
}
