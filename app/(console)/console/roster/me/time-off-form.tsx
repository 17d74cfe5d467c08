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
import { localToInstant, span, zoneName } from "../_lib/time";
import { SectionCard } from "./section-card";

type TimeOff = { id: string; from: Date; to: Date; reason: string | null; status: string };
const TONES = { requested: "info", approved: "success", rejected: "danger", cancelled: "neutral" } as const;

/** Ask for time off (wall times in the console's zone); a SOC manager approves it. */
export function TimeOffForm({ timeOff, zone }: { timeOff: TimeOff[]; zone: string }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [reason, setReason] = useState("");
  const [invalid, setInvalid] = useState<string | null>(null);
  const done = { onSuccess: () => qc.invalidateQueries({ queryKey: trpc.roster.pathKey() }) };
  const ask = useMutation(trpc.roster.requestTimeOff.mutationOptions(done));
  const cancel = useMutation(trpc.roster.cancelTimeOff.mutationOptions(done));
  return (
    <SectionCard title="Time off" description={`From and until, in ${zoneName(zone)}.`}>
      <form
        className="grid gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          const a = localToInstant(from, zone);
          const b = localToInstant(to, zone);
          if (!a || !b) return setInvalid("Pick a date and time for both.");
          if (b <= a) return setInvalid("Until must be after from.");
          setInvalid(null);
          ask.mutate({ from: a, to: b, reason: reason || undefined }, { onSuccess: () => setReason("") });
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
        {invalid ? <Alert tone="danger">{invalid}</Alert> : null}
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
              <span>{span(t.from, t.to, zone)}</span>
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
