"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "@/app/_components/ui/alert";
import { Badge } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import { Field } from "@/app/_components/ui/field";
import { Select } from "@/app/_components/ui/select";
import { useTRPC } from "@/app/_lib/trpc/client";
import { errorMessage } from "../../_components/errors";
import type { RouterOutputs } from "../../_components/types";
import { dayTime, zoneName } from "../_lib/time";
import { SectionCard } from "./section-card";

type Mine = RouterOutputs["roster"]["mine"];

/** Ask a colleague to swap one of your shifts for one of theirs; answer swaps addressed to you. */
export function SwapList({ data, zone }: { data: Mine; zone: string }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [mine, setMine] = useState("");
  const [theirs, setTheirs] = useState("");
  const done = { onSuccess: () => qc.invalidateQueries({ queryKey: trpc.roster.pathKey() }) };
  const ask = useMutation(trpc.roster.requestSwap.mutationOptions(done));
  const answer = useMutation(trpc.roster.respondSwap.mutationOptions(done));
  const myShift = data.shifts.find((s) => s.key === mine);
  const option = data.swapOptions[Number(theirs)];
  const error = ask.error ?? answer.error;
  return (
    <SectionCard
      title="Swaps"
      description={`Both of you agree, then a SOC manager approves. Times in ${zoneName(zone)}.`}
    >
      <Field label="Your shift">
        <Select value={mine} onChange={(e) => setMine(e.target.value)} placeholder="Pick one of your shifts">
          {data.shifts.map((s) => (
            <option key={s.key} value={s.key}>
              {dayTime(s.start, zone)} · {s.slot}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Their shift">
        <Select value={theirs} onChange={(e) => setTheirs(e.target.value)} placeholder="Pick a colleague's shift">
          {data.swapOptions.map((o, i) => (
            <option key={`${o.userId}-${o.ref.teamId}-${o.ref.date}-${o.ref.slotId}`} value={i}>
              {o.name}: {dayTime(o.start, zone)} · {o.slot}
            </option>
          ))}
        </Select>
      </Field>
      {error ? <Alert tone="danger">{errorMessage(error)}</Alert> : null}
      <Button
        variant="outline"
        disabled={!myShift || !option || ask.isPending}
        onClick={() =>
          myShift && option && ask.mutate({ mine: myShift.ref, counterpartId: option.userId, theirs: option.ref })
        }
      >
        Ask for this swap
      </Button>
      {data.swaps.length ? (
        <ul className="grid gap-2 text-sm">
          {data.swaps.map((s) => (
            <li key={s.id} className="grid gap-1 rounded-md border border-border p-2">
              <div className="flex flex-wrap items-center gap-2">
                <Badge tone={s.status === "approved" ? "success" : s.status === "accepted" ? "primary" : "neutral"}>
                  {s.status}
                </Badge>
                <span>
                  {s.requester} gives {s.give}; {s.counterpart} gives {s.take}
                </span>
              </div>
              {!s.mine && s.status === "requested" ? (
                <div className="flex gap-1">
                  <Button
                    size="sm"
                    disabled={answer.isPending}
                    onClick={() => answer.mutate({ id: s.id, accept: true })}
                  >
                    Accept
                  </Button>
                  <Button
                    size="sm"
                    variant="outline"
                    disabled={answer.isPending}
                    onClick={() => answer.mutate({ id: s.id, accept: false })}
                  >
                    Decline
                  </Button>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </SectionCard>
  );
}
