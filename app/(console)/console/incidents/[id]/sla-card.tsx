"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Timer } from "lucide-react";
import { Fragment, useEffect, useRef } from "react";
import { Badge } from "@/app/_components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/app/_components/ui/card";
import Link from "@/app/_components/ui/link";
import { EmptyState, LoadingState } from "@/app/_components/ui/states";
import { cn } from "@/app/_lib/cn";
import { useTRPC } from "@/app/_lib/trpc/client";
import { DateTime } from "../../_components/date-time";
import { QueryError } from "../../_components/query-error";
import type { RouterOutputs } from "../../_components/types";
import { useNow } from "../../_components/use-now";
import {
  formatCountdown,
  formatDuration,
  formatTarget,
  STATE_LABELS,
  STATE_TONES,
  spokenCountdown,
} from "../../sla/_lib/sla-format";
import type { SectionProps } from "./shared";

type SlaClock = RouterOutputs["sla"]["incident"][number];

/** Pauses that fell while the clock ran: one after its stop changed nothing and would only confuse the record. */
const pausesBeforeStop = (c: SlaClock) => c.pauses.filter((p) => !c.stopAt || p.from.getTime() < c.stopAt.getTime());

/** Each SLA clock of the incident: target, state, live countdown, and the evidence behind it. */
export function SlaCard({ detail }: Pick<SectionProps, "detail">) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const incidentId = detail.incident.id;
  const clocks = useQuery({ ...trpc.sla.incident.queryOptions({ incidentId }), refetchInterval: 30_000 });
  const now = useNow(1000);

  // A change to the incident (acknowledged, shared, contained…) moves its clocks: re-read them straight away.
  const stamp = new Date(detail.incident.updatedAt).getTime();
  const seen = useRef(stamp);
  useEffect(() => {
    if (seen.current === stamp) return;
    seen.current = stamp;
    void queryClient.invalidateQueries({ queryKey: trpc.sla.incident.queryKey({ incidentId }) });
  }, [stamp, queryClient, trpc, incidentId]);

  const rows = clocks.data ?? [];
  const terms = [...new Set(rows.map(termsOf))];
  const counts = (["breached", "at_risk", "running", "paused", "met"] as const)
    .map((s) => ({ s, n: rows.filter((c) => c.state === s).length }))
    .filter((x) => x.n > 0);

  return (
    <Card id="sla">
      <CardHeader
        actions={
          <Link href="/console/sla" className="text-xs text-primary underline-offset-4 hover:underline">
            SLA overview
          </Link>
        }
      >
        <CardTitle>SLA</CardTitle>
        <CardDescription>
          {rows.length
            ? `${counts.map((x) => `${x.n} ${STATE_LABELS[x.s].toLowerCase()}`).join(", ")}${terms.length === 1 ? ` · ${terms[0]}` : ""}`
            : "The contract's response targets for this incident."}
        </CardDescription>
      </CardHeader>
      <CardContent>
        {clocks.isPending ? (
          <LoadingState label="Loading SLA clocks…" rows={2} />
        ) : clocks.isError && !clocks.data ? (
          <QueryError title="Could not load the SLA clocks" error={clocks.error} onRetry={() => clocks.refetch()} />
        ) : rows.length === 0 ? (
          <EmptyState
            icon={Timer}
            className="py-6"
            title="No SLA clocks"
            description="The customer's contract sets no target for this severity, or no contract was in force when the incident opened."
          />
        ) : (
          <ul className="grid gap-3 sm:grid-cols-2 xl:grid-cols-4">
            {rows.map((c) => (
              <ClockTile key={c.metric} clock={c} now={now} showTerms={terms.length > 1} />
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}

const termsOf = (c: SlaClock) =>
  `${c.contractVersion === null ? "no contract version" : `contract v${c.contractVersion}`} · ${c.coverage === "24/7" ? "24/7 coverage" : c.coverage}`;

function ClockTile({ clock: c, now, showTerms }: { clock: SlaClock; now: number | null; showTerms: boolean }) {
  const running = c.state === "running" || c.state === "at_risk";
  const overdueLive = running && now !== null && c.dueAt !== null && c.dueAt.getTime() <= now;
  const state = overdueLive ? "breached" : c.state;
  const targetMs = c.targetMinutes * 60_000;
  const share = targetMs > 0 ? Math.min(1, c.elapsedMs / targetMs) : 1;
  return (
    <li
      className={cn(
        "grid min-w-0 content-start gap-2 rounded-lg border px-3 py-2.5",
        state === "breached"
          ? "border-destructive/40 bg-destructive/5"
          : state === "at_risk"
            ? "border-warning/40 bg-warning/5"
            : "border-border",
      )}
    >
      <div className="flex items-start justify-between gap-2">
        <div className="grid min-w-0">
          <span className="text-sm font-semibold">{c.label}</span>
          <span className="text-xs text-muted-foreground">target {formatTarget(c.targetMinutes)}</span>
        </div>
        <Badge tone={STATE_TONES[state]}>{STATE_LABELS[state]}</Badge>
      </div>

      <Headline clock={c} now={now} running={running} />

      <span aria-hidden="true" className="block h-1 rounded-full bg-muted">
        <span
          className={cn(
            "block h-1 rounded-full",
            state === "breached" ? "bg-destructive" : state === "at_risk" ? "bg-warning" : "bg-primary",
          )}
          style={{ width: `${Math.max(2, share * 100)}%` }}
        />
      </span>

      <Evidence clock={c} />
      {showTerms ? <span className="text-xs text-muted-foreground">{termsOf(c)}</span> : null}
    </li>
  );
}

/** The one line a glance needs: time left, time over, or how long it took. */
function Headline({ clock: c, now, running }: { clock: SlaClock; now: number | null; running: boolean }) {
  const due = c.dueAt ? (
    <span className="text-xs text-muted-foreground">
      due <DateTime value={c.dueAt} />
    </span>
  ) : null;
  if (c.state === "paused") {
    return (
      <div className="grid">
        <span className="text-sm leading-6 font-semibold">Waiting on the customer</span>
        <span className="text-xs text-muted-foreground">
          {formatDuration(c.elapsedMs)} used of {formatTarget(c.targetMinutes)}; due time set when it resumes
        </span>
      </div>
    );
  }
  if (running) {
    if (!c.dueAt) return <span className="text-sm text-muted-foreground">No due time (coverage never counts)</span>;
    if (now === null) return <div className="grid">{due}</div>;
    const diff = c.dueAt.getTime() - now;
    const over = diff <= 0;
    return (
      <div className="grid">
        <span
          role="timer"
          aria-label={`${over ? "Overdue by" : "Due in"} ${spokenCountdown(diff)}`}
          className={cn(
            "text-base leading-6 font-semibold tabular-nums",
            over ? "text-destructive" : c.state === "at_risk" ? "text-warning" : "text-foreground",
          )}
        >
          {over ? "overdue by " : "due in "}
          {formatCountdown(diff)}
        </span>
        {due}
      </div>
    );
  }
  if (c.state === "breached" && !c.stopAt) {
    return (
      <div className="grid">
        <span className="text-base leading-6 font-semibold text-destructive tabular-nums">
          {c.dueAt && now !== null ? `overdue by ${formatCountdown(c.dueAt.getTime() - now)}` : "overdue"}
        </span>
        {due}
      </div>
    );
  }
  const late = c.elapsedMs - c.targetMinutes * 60_000;
  return (
    <div className="grid">
      <span
        className={cn(
          "text-base leading-6 font-semibold tabular-nums",
          c.state === "breached" ? "text-destructive" : "text-success",
        )}
      >
        took {formatDuration(c.elapsedMs)}
      </span>
      <span className="text-xs text-muted-foreground">
        {c.state === "breached" && late > 0 ? `${formatDuration(late)} over target` : "within target"}
        {c.dueAt ? (
          <>
            {" "}
            · due <DateTime value={c.dueAt} />
          </>
        ) : null}
      </span>
    </div>
  );
}

/** Started …; paused … → …; stopped … by …: the record the state rests on. */
function Evidence({ clock: c }: { clock: SlaClock }) {
  return (
    <p className="text-xs leading-5 text-muted-foreground">
      Started <DateTime value={c.startAt} className="text-foreground" />
      {pausesBeforeStop(c).map((p, i) => (
        <Fragment key={i}>
          ; paused <DateTime value={p.from} className="text-foreground" /> →{" "}
          {p.to ? <DateTime value={p.to} className="text-foreground" /> : <span className="text-foreground">now</span>}
        </Fragment>
      ))}
      {c.stopAt ? (
        <>
          ; {c.stoppedBy ? c.stoppedBy : "stopped"} <DateTime value={c.stopAt} className="text-foreground" />
          {c.stoppedByWho ? (
            <>
              {" "}
              by <span className="text-foreground">{c.stoppedByWho}</span>
            </>
          ) : null}
        </>
      ) : (
        "; not stopped yet"
      )}
      .
    </p>
  );
}
