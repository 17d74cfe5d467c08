"use client";

import { useQuery } from "@tanstack/react-query";
import { CircleCheck, CircleX, Clock, Pause } from "lucide-react";
import { Fragment, type ReactNode } from "react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { ErrorState, LoadingState } from "@/app/_components/ui/states";
import { cn } from "@/app/_lib/cn";
import { useTRPC } from "@/app/_lib/trpc/client";
import type { Metric } from "@/db/schema/contracts";
import { trpcErrorInfo } from "../../_lib/labels";
import type { RouterOutputs } from "../_components/labels";
import { When } from "../_components/when";

type SlaClock = RouterOutputs["mySla"]["incident"][number];

/** Pauses that fell while the clock ran: one after its stop changed nothing and would only confuse the record. */
const pausesBeforeStop = (c: SlaClock) => c.pauses.filter((p) => !c.stopAt || p.from.getTime() < c.stopAt.getTime());

/** What each commitment is, in the customer's words. */
const WORDS: Record<Metric, { done: string; aim: string; noun: string }> = {
  acknowledge: { done: "We acknowledged it", aim: "acknowledge it", noun: "Acknowledgement" },
  notify: { done: "We told you", aim: "tell you", noun: "Telling you" },
  contain: { done: "We contained it", aim: "contain it", noun: "Containment" },
  resolve: { done: "We resolved it", aim: "resolve it", noun: "Resolution" },
};

const MINUTE = 60_000;

/** "6 min", "1 h 05 min", "2 days 3 h": how long something took, for people. */
function span(ms: number): string {
  const m = Math.floor(Math.abs(ms) / MINUTE);
  if (m < 1) return "under a minute";
  if (m < 60) return `${m} min`;
  if (m < 1440) return m % 60 ? `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, "0")} min` : `${m / 60} h`;
  const d = Math.floor(m / 1440);
  const h = Math.floor((m % 1440) / 60);
  return `${d} ${d === 1 ? "day" : "days"}${h ? ` ${h} h` : ""}`;
}

function target(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  if (minutes >= 3 * 1440 && minutes % 1440 === 0) return `${minutes / 1440} days`;
  return minutes % 60 ? `${Math.floor(minutes / 60)} h ${minutes % 60} min` : `${minutes / 60} h`;
}

/** The incident's response commitments and how each went, from the same clocks as the provider's reports. */
export function SlaEvidence({ incidentId, timeZone }: { incidentId: string; timeZone: string }) {
  const trpc = useTRPC();
  const q = useQuery({ ...trpc.mySla.incident.queryOptions({ incidentId }), refetchInterval: 60_000 });
  const clocks = q.data ?? [];
  const first = clocks[0];
  const sameTerms = clocks.every((c) => c.contractVersion === first?.contractVersion && c.coverage === first?.coverage);

  return (
    <Card>
      <CardHeader>
        <CardTitle>Response times</CardTitle>
        <CardDescription>Our commitments for this incident under your contract, and how we did.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {q.isPending ? (
          <LoadingState label="Loading response times…" rows={3} className="py-0" />
        ) : q.isError ? (
          <ErrorState
            className="py-4"
            title="Could not load the response times"
            message={trpcErrorInfo(q.error).message}
            onRetry={() => void q.refetch()}
          />
        ) : clocks.length === 0 ? (
          <p className="text-sm text-muted-foreground">
            No response-time targets apply to this incident (your contract sets none for its severity).
          </p>
        ) : (
          <>
            <ul className="grid gap-4">
              {clocks.map((c) => (
                <ClockLine key={c.metric} clock={c} timeZone={timeZone} />
              ))}
            </ul>
            {first && sameTerms ? <Terms clock={first} paused={clocks.some((c) => c.pauses.length > 0)} /> : null}
          </>
        )}
      </CardContent>
    </Card>
  );
}

function Terms({ clock: c, paused }: { clock: SlaClock; paused: boolean }) {
  return (
    <p className="border-t border-border pt-3 text-xs text-muted-foreground">
      {c.contractVersion !== null ? `Contract version ${c.contractVersion}. ` : ""}
      {c.coverage === "24/7"
        ? "Time counts around the clock (24/7)."
        : `${c.coverage}: only time within your contracted hours counts.`}
      {paused ? " Time spent waiting for your answer is not counted." : ""}
    </p>
  );
}

function ClockLine({ clock: c, timeZone }: { clock: SlaClock; timeZone: string }) {
  const w = WORDS[c.metric];
  const late = c.elapsedMs - c.targetMinutes * MINUTE;
  const at = (d: Date) => <When value={d} timeZone={timeZone} className="whitespace-nowrap" />;
  let icon = Clock;
  let tone = "text-muted-foreground";
  let head: ReactNode;

  if (c.stopAt && c.state === "met") {
    icon = CircleCheck;
    tone = "text-success";
    head = (
      <>
        {w.done} in {span(c.elapsedMs)}{" "}
        <span className="text-muted-foreground">(target {target(c.targetMinutes)})</span>{" "}
        <span aria-hidden="true">✓</span>
        <span className="sr-only">, on time</span>
      </>
    );
  } else if (c.stopAt) {
    icon = CircleX;
    tone = "text-destructive";
    head = (
      <>
        {w.done} in {span(c.elapsedMs)}{" "}
        <span className="text-muted-foreground">(target {target(c.targetMinutes)})</span>
        {late > 0 ? `, ${span(late)} late` : ", late"}
      </>
    );
  } else if (c.state === "paused") {
    icon = Pause;
    head = (
      <>
        {w.noun} is on hold while we wait for your answer{" "}
        <span className="text-muted-foreground">(target {target(c.targetMinutes)})</span>
      </>
    );
  } else if (c.state === "breached") {
    icon = CircleX;
    tone = "text-destructive";
    head = (
      <>
        We aimed to {w.aim} by {c.dueAt ? at(c.dueAt) : "now"}{" "}
        <span className="text-muted-foreground">(target {target(c.targetMinutes)})</span>; we are late and still on it
      </>
    );
  } else {
    head = (
      <>
        We aim to {w.aim} by {c.dueAt ? at(c.dueAt) : "—"}{" "}
        <span className="text-muted-foreground">(within {target(c.targetMinutes)})</span>
      </>
    );
  }
  const Icon = icon;

  return (
    <li className="grid grid-cols-[auto_1fr] gap-x-2.5 gap-y-1">
      <Icon aria-hidden="true" className={cn("mt-0.5 size-4", tone)} />
      <p className="text-sm leading-5">{head}</p>
      <p className="col-start-2 text-xs leading-5 text-muted-foreground">
        Clock started {at(c.startAt)}
        {pausesBeforeStop(c).map((p, i) => (
          <Fragment key={i}>
            ; waiting for you {at(p.from)} → {p.to ? at(p.to) : "now"}
          </Fragment>
        ))}
        {c.stopAt ? (
          <>
            ; {c.stoppedBy ?? "stopped"} {at(c.stopAt)}
            {c.stoppedByWho ? ` by ${c.stoppedByWho}` : ""}
          </>
        ) : null}
        .
      </p>
    </li>
  );
}
