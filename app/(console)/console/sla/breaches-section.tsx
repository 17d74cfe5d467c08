"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ShieldCheck } from "lucide-react";
import { useState } from "react";
import { Badge, SeverityBadge } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import { Card, CardContent } from "@/app/_components/ui/card";
import Link from "@/app/_components/ui/link";
import { SafeText, visibleText } from "@/app/_components/ui/safe-text";
import { EmptyState, LoadingState } from "@/app/_components/ui/states";
import { Table, TBody, TD, TH, THead, TR } from "@/app/_components/ui/table";
import { cn } from "@/app/_lib/cn";
import { useTRPC } from "@/app/_lib/trpc/client";
import { DateTime } from "../_components/date-time";
import { QueryError } from "../_components/query-error";
import type { RouterOutputs } from "../_components/types";
import { inCardTable } from "../_components/ui-classes";
import { formatDuration, formatTarget, METRIC_LABELS, METRICS, plural } from "./_lib/sla-format";
import { SectionHeading } from "./section-heading";
import { OnDutyAtBreach, ShiftBreaches } from "./shift-breaches";
import { BREACH_DAYS } from "./sla-params";

type Row = RouterOutputs["sla"]["breaches"]["rows"][number];

const FIRST = 25;
const LIMIT = 500;

/** Every breach of a clock started in the last 30 days, newest due first, with what caused it. */
export function BreachesSection({
  input,
  from,
  filtered,
}: {
  input: { from: Date; to: Date; customerId?: string };
  from: Date;
  filtered: boolean;
}) {
  const trpc = useTRPC();
  const q = useQuery({
    ...trpc.sla.breaches.queryOptions(input),
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });
  const [all, setAll] = useState(false);
  const rows = [...(q.data?.rows ?? [])].sort((a, b) => (b.dueAt?.getTime() ?? 0) - (a.dueAt?.getTime() ?? 0));
  const shown = all ? rows : rows.slice(0, FIRST);
  const byMetric = METRICS.map((m) => ({ metric: m, n: rows.filter((r) => r.metric === m).length })).filter(
    (x) => x.n > 0,
  );

  return (
    <Card id="breaches" className="scroll-mt-20">
      <SectionHeading
        title={`Breaches, last ${BREACH_DAYS} days`}
        description={
          <>
            Clocks started since <DateTime value={from} mode="date" /> that missed their target. Late by is SLA time
            past the target; on duty is the shift and analysts on duty at the breach, and the incident's assignee then.
          </>
        }
        actions={
          byMetric.length ? (
            <ul className="flex flex-wrap gap-1.5" aria-label="Breaches by metric">
              {byMetric.map((x) => (
                <li key={x.metric}>
                  <Badge tone="danger">
                    {METRIC_LABELS[x.metric]} {x.n}
                  </Badge>
                </li>
              ))}
            </ul>
          ) : null
        }
      />
      <CardContent className="px-0 pb-0">
        {q.isPending ? (
          <LoadingState label="Loading breaches…" className="px-5" />
        ) : q.isError && !q.data ? (
          <QueryError title="Could not load breaches" error={q.error} onRetry={() => q.refetch()} />
        ) : rows.length === 0 ? (
          <EmptyState
            icon={ShieldCheck}
            className="border-t border-border py-10"
            title={`No breaches in the last ${BREACH_DAYS} days`}
            description={
              filtered ? "Every decided clock of this customer met its target." : "Every decided clock met its target."
            }
          />
        ) : (
          <>
            <ShiftBreaches perShift={q.data?.perShift ?? []} perRoster={q.data?.perRoster ?? []} />
            <Table
              className={cn(inCardTable, "text-[13px]", q.isPlaceholderData && "opacity-60")}
              wrapperClassName="border-t border-border"
            >
              <THead>
                <TR>
                  <TH>Due</TH>
                  <TH>Incident</TH>
                  <TH>Clock</TH>
                  <TH>Late by</TH>
                  <TH className="hidden md:table-cell">Customer</TH>
                  <TH className="hidden lg:table-cell">On duty</TH>
                  <TH className="hidden sm:table-cell">Stopped</TH>
                </TR>
              </THead>
              <TBody>
                {shown.map((r) => (
                  <BreachRow key={r.clockId} row={r} />
                ))}
              </TBody>
            </Table>
            <div className="flex flex-wrap items-center justify-between gap-3 border-t border-border px-5 py-3 text-sm">
              <span className="text-muted-foreground">
                {shown.length < rows.length
                  ? `Showing ${shown.length} of ${plural(rows.length, "breach", "breaches")}`
                  : plural(rows.length, "breach", "breaches")}
                {rows.length >= LIMIT ? ` (the first ${LIMIT} by start time; narrow to one customer for the rest)` : ""}
              </span>
              {rows.length > FIRST ? (
                <Button variant="outline" size="sm" onClick={() => setAll((v) => !v)}>
                  {all ? `Show the latest ${FIRST}` : `Show all ${rows.length}`}
                </Button>
              ) : null}
            </div>
          </>
        )}
      </CardContent>
    </Card>
  );
}

function BreachRow({ row: r }: { row: Row }) {
  const lateMs = r.elapsedMs - r.targetMinutes * 60_000;
  return (
    <TR>
      <TD className="py-2 whitespace-nowrap">{r.dueAt ? <DateTime value={r.dueAt} /> : "—"}</TD>
      <TD className="max-w-72 min-w-52 py-2">
        <Link
          href={`/console/incidents/${r.incidentId}`}
          className="font-mono text-xs font-medium text-primary hover:underline"
        >
          {r.reference}
        </Link>
        <span className="line-clamp-2 break-words text-foreground" title={visibleText(r.title)}>
          <SafeText text={r.title} />
        </span>
      </TD>
      <TD className="py-2">
        <div className="grid justify-items-start gap-1">
          <span className="font-medium whitespace-nowrap">{METRIC_LABELS[r.metric]}</span>
          <span className="flex flex-wrap items-center gap-1.5 text-xs text-muted-foreground">
            <SeverityBadge severity={r.severity} />
            target {formatTarget(r.targetMinutes)}
          </span>
        </div>
      </TD>
      <TD className="py-2 whitespace-nowrap">
        {r.stopAt && lateMs > 0 ? (
          <span className="font-medium text-destructive tabular-nums">{formatDuration(lateMs)}</span>
        ) : r.stopAt ? (
          <span className="text-muted-foreground">—</span>
        ) : (
          <span className="text-muted-foreground" title="The clock has not stopped, so how late it ends up is open">
            still running
          </span>
        )}
        {r.stopAt ? (
          <span className="block text-xs text-muted-foreground tabular-nums">took {formatDuration(r.elapsedMs)}</span>
        ) : null}
      </TD>
      <TD className="hidden max-w-44 min-w-32 py-2 md:table-cell">
        <span className="line-clamp-2 break-words" title={r.customerName}>
          {r.customerName}
        </span>
      </TD>
      <TD className="hidden max-w-56 py-2 lg:table-cell">
        <OnDutyAtBreach row={r} />
      </TD>
      <TD className="hidden py-2 sm:table-cell">
        {r.stopAt ? (
          <>
            <span className="whitespace-nowrap">{r.stoppedBy ?? "stopped"}</span>
            <DateTime value={r.stopAt} className="block text-xs whitespace-nowrap text-muted-foreground" />
          </>
        ) : (
          <span className="text-muted-foreground">Not stopped</span>
        )}
      </TD>
    </TR>
  );
}
