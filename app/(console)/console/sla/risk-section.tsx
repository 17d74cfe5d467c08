"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ShieldCheck } from "lucide-react";
import { Badge, SeverityBadge } from "@/app/_components/ui/badge";
import { Card, CardContent } from "@/app/_components/ui/card";
import { EmptyState, LoadingState } from "@/app/_components/ui/states";
import { Table, TBody, TD, TH, THead, TR } from "@/app/_components/ui/table";
import { cn } from "@/app/_lib/cn";
import { useTRPC } from "@/app/_lib/trpc/client";
import { isOverdueClock, isPausedClock } from "@/server/sla/risk";
import { DateTime } from "../_components/date-time";
import { QueryError } from "../_components/query-error";
import type { RouterOutputs } from "../_components/types";
import { inCardTable } from "../_components/ui-classes";
import { useNow } from "../_components/use-now";
import {
  formatCountdown,
  formatTarget,
  METRIC_LABELS,
  plural,
  STATE_LABELS,
  STATE_TONES,
  spokenCountdown,
} from "./_lib/sla-format";
import { CustomerCell, IncidentCell } from "./incident-cell";
import { SectionHeading } from "./section-heading";

type Row = RouterOutputs["sla"]["risk"]["rows"][number];

/** A clock's live countdown to its due time, from the browser's clock; "paused" while it cannot come due. */
export function Countdown({
  dueAt,
  paused,
  now,
  className,
}: {
  dueAt: Date | null;
  paused: boolean;
  now: number | null;
  className?: string;
}) {
  if (paused || !dueAt) return <span className={cn("text-muted-foreground", className)}>paused</span>;
  if (now === null) {
    return (
      <span className={cn("whitespace-nowrap", className)}>
        due <DateTime value={dueAt} mode="time" />
      </span>
    );
  }
  const diff = dueAt.getTime() - now;
  const over = diff <= 0;
  return (
    <span
      role="timer"
      aria-label={`${over ? "Overdue by" : "Due in"} ${spokenCountdown(diff)}`}
      className={cn(
        "font-medium whitespace-nowrap tabular-nums",
        over ? "text-destructive" : "text-warning",
        className,
      )}
    >
      {over ? "overdue by " : "due in "}
      {formatCountdown(diff)}
    </span>
  );
}

/** Open incidents' clocks at risk or past due, with a countdown that ticks every second. */
export function RiskSection({ input, filtered }: { input: { customerId?: string }; filtered: boolean }) {
  const trpc = useTRPC();
  const risk = useQuery({
    ...trpc.sla.risk.queryOptions(input),
    placeholderData: keepPreviousData,
    refetchInterval: 30_000,
  });
  const now = useNow(1000);
  const rows = risk.data?.rows ?? [];
  const total = risk.data?.total ?? 0;
  // The whole list is here: counted live against the ticking clock. A longer one: the server's counts of every clock
  // (as of the last refresh), beside the most urgent rows.
  const complete = total <= rows.length;
  const overdueCount = complete ? rows.filter((r) => isOverdue(r, now)).length : (risk.data?.counts.overdue ?? 0);
  const pausedCount = complete ? rows.filter(isPaused).length : (risk.data?.counts.paused ?? 0);

  return (
    <Card id="risk" className="scroll-mt-20">
      <SectionHeading
        title="At risk and breached now"
        description={
          <>
            Clocks of open incidents that are past due or inside their at-risk share, most urgent first. Countdowns tick
            live; the list refreshes every 30 s
            {risk.dataUpdatedAt ? (
              <>
                {" "}
                (last <DateTime value={new Date(risk.dataUpdatedAt)} mode="time" />)
              </>
            ) : null}
            .
          </>
        }
        actions={
          rows.length ? (
            <div className="flex flex-wrap gap-2">
              <Badge tone="danger">{plural(overdueCount, "overdue", "overdue")}</Badge>
              <Badge tone="warning">{plural(total - overdueCount - pausedCount, "at risk", "at risk")}</Badge>
              {pausedCount ? <Badge>{plural(pausedCount, "paused", "paused")}</Badge> : null}
            </div>
          ) : null
        }
      />
      <CardContent className="px-0 pb-0">
        {risk.isPending ? (
          <LoadingState label="Loading clocks at risk…" className="px-5" />
        ) : risk.isError && !risk.data ? (
          <QueryError title="Could not load clocks at risk" error={risk.error} onRetry={() => risk.refetch()} />
        ) : rows.length === 0 ? (
          <EmptyState
            icon={ShieldCheck}
            className="border-t border-border py-10"
            title="Nothing at risk right now"
            description={
              filtered
                ? "No open incident of this customer has a clock at risk or past due."
                : "No open incident has a clock at risk or past due."
            }
          />
        ) : (
          <Table
            className={cn(inCardTable, "text-[13px]", risk.isPlaceholderData && "opacity-60")}
            wrapperClassName="border-t border-border"
          >
            <THead>
              <TR>
                <TH>Countdown</TH>
                <TH>Incident</TH>
                <TH>Clock</TH>
                <TH>Severity</TH>
                <TH className="hidden md:table-cell">Customer</TH>
                <TH className="hidden lg:table-cell">Assignee</TH>
                <TH className="hidden sm:table-cell">Due</TH>
              </TR>
            </THead>
            <TBody>
              {rows.map((r) => (
                <RiskRow key={r.clockId} row={r} now={now} />
              ))}
            </TBody>
          </Table>
        )}
        {!complete && rows.length ? (
          <p className="border-t border-border px-5 py-3 text-xs text-muted-foreground">
            The {rows.length.toLocaleString("en-GB")} most urgent of {total.toLocaleString("en-GB")} clocks. Pick a
            customer above to see all of theirs.
          </p>
        ) : null}
      </CardContent>
    </Card>
  );
}

const isPaused = (r: Row) => isPausedClock(r);
/** Past due by the browser's clock, or already marked breached by the minute sweep (the banner counts the same). */
const isOverdue = (r: Row, now: number | null) => isOverdueClock(r, now);

function RiskRow({ row: r, now }: { row: Row; now: number | null }) {
  const paused = isPaused(r);
  const overdue = isOverdue(r, now);
  const state = overdue ? "breached" : r.state;
  return (
    <TR className={cn(overdue && "bg-destructive/5 hover:bg-destructive/10")}>
      <TD className="py-2">
        <div className="grid justify-items-start gap-1">
          <Countdown dueAt={r.dueAt} paused={paused} now={now} />
          <Badge tone={STATE_TONES[state]}>{STATE_LABELS[state]}</Badge>
        </div>
      </TD>
      <IncidentCell className="max-w-80" incidentId={r.incidentId} reference={r.reference} title={r.title} />
      <TD className="py-2 whitespace-nowrap">
        <span className="font-medium">{METRIC_LABELS[r.metric]}</span>
        <span className="block text-xs text-muted-foreground">target {formatTarget(r.targetMinutes)}</span>
      </TD>
      <TD className="py-2">
        <SeverityBadge severity={r.severity} />
      </TD>
      <CustomerCell name={r.customerName} />
      <TD className={cn("hidden max-w-36 py-2 lg:table-cell", !r.assigneeName && "text-muted-foreground")}>
        <span className="line-clamp-2 break-words">{r.assigneeName ?? "Unassigned"}</span>
      </TD>
      <TD className="hidden py-2 whitespace-nowrap text-muted-foreground sm:table-cell">
        {r.dueAt ? <DateTime value={r.dueAt} /> : "—"}
      </TD>
    </TR>
  );
}
