"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "@/app/_components/ui/alert";
import { Badge } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import { Field } from "@/app/_components/ui/field";
import { Input } from "@/app/_components/ui/input";
import { useTRPC } from "@/app/_lib/trpc/client";
import { errorMessage } from "../../_components/errors";
import { dayTime } from "../_lib/time";
import { SectionCard } from "./section-card";

type TimeOff = { id: string; from: Date; to: Date; reason: string | null; status: string };
const TONES = { requested: "info", approved: "success", rejected: "danger", cancelled: "neutral" } as const;

/** Ask for time off (local date-times in your zone); a SOC manager approves it. */
export function TimeOffForm({ timeOff }: { timeOff: TimeOff[] }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [reason, setReason] = useState("");
  const done = { onSuccess: () => qc.invalidateQueries({ queryKey: trpc.roster.pathKey() }) };
  const ask = useMutation(trpc.roster.requestTimeOff.mutationOptions(done));
  const cancel = useMutation(trpc.roster.cancelTimeOff.mutationOptions(done));
  return (
    <SectionCard title="Time off" description="From and until, in your own time zone.">
      <form
        className="grid gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          ask.mutate(
            { from: new Date(from), to: new Date(to), reason: reason || undefined },
            { onSuccess: () => setReason("") },
          );
        }}
      >
        <Field label="From">
          <Input type="datetime-local" required value={from} onChange={(e) => setFrom(e.target.value)} />
        </Field>
        <Field label="Until">
          <Input type="datetime-local" required value={to} onChange={(e) => setTo(e.target.value)} />
        </Field>
        <Field label="Reason (optional)">
          <Input value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
        </Field>
        {ask.error ? <Alert tone="danger">{errorMessage(ask.error)}</Alert> : null}
        <Button type="submit" disabled={ask.isPending}>
          {ask.isPending ? "Sending…" : "Ask for time off"}
        </Button>
      </form>
      {timeOff.length ? (
        <ul className="grid gap-1.5 text-sm">
          {timeOff.map((t) => (
            <li key={t.id} className="flex flex-wrap items-center gap-2">
              <Badge tone={TONES[t.status as keyof typeof TONES] ?? "neutral"}>{t.status}</Badge>
              <span>
                {dayTime(t.from)} – {dayTime(t.to)}
              </span>
              {t.status === "requested" || t.status === "approved" ? (
                <Button
                  size="sm"
                  variant="link"
                  className="h-auto"
                  disabled={cancel.isPending}
                  onClick={() => cancel.mutate({ id: t.id })}
                >
                  Cancel
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </SectionCard>
  );
}
