"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ShieldCheck } from "lucide-react";
import { Badge } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import { Card, CardContent } from "@/app/_components/ui/card";
import { Pager } from "@/app/_components/ui/pager";
import { EmptyState, LoadingState } from "@/app/_components/ui/states";
import { Table, TBody, TH, THead, TR } from "@/app/_components/ui/table";
import { cn } from "@/app/_lib/cn";
import { useTRPC } from "@/app/_lib/trpc/client";
import { DateTime } from "../_components/date-time";
import { QueryError } from "../_components/query-error";
import { inCardTable } from "../_components/ui-classes";
import { METRIC_LABELS } from "./_lib/sla-format";
import { BreachRow } from "./breach-row";
import { SectionHeading } from "./section-heading";
import { ShiftBreaches } from "./shift-breaches";
import { BREACH_DAYS } from "./sla-params";

/**
 * The last 30 days' breaches a page at a time, newest due first (sorted and paged on the server), with what caused
 * them; the counts per metric, per roster and per shift are over every breach of the period, not the page.
 */
export function BreachesSection({
  input,
  from,
  filtered,
  onPage,
}: {
  input: { from: Date; to: Date; customerId?: string; page: number; pageSize: number };
  from: Date;
  filtered: boolean;
  onPage: (page: number) => void;
}) {
  const trpc = useTRPC();
  const q = useQuery({
    ...trpc.sla.breaches.queryOptions(input),
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });
  const data = q.data;
  const rows = data?.rows ?? [];
  const total = data?.total ?? 0;

  return (
    <Card id="breaches" className="scroll-mt-20">
      <SectionHeading
        title={`Breaches, last ${BREACH_DAYS} days`}
        description={
          <>
            Clocks that missed their target since <DateTime value={from} mode="date" />, newest due first. Late by is
            SLA time past the target; on duty is the shift and analysts on duty at the breach, and the incident's
            assignee then.
          </>
        }
        actions={
          data?.byMetric.length ? (
            <ul className="flex flex-wrap gap-1.5" aria-label="Breaches by metric">
              {data.byMetric.map((x) => (
                <li key={x.metric}>
                  <Badge tone="danger">
                    {METRIC_LABELS[x.metric]} {x.n.toLocaleString("en-GB")}
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
        ) : q.isError && !data ? (
          <QueryError title="Could not load breaches" error={q.error} onRetry={() => q.refetch()} />
        ) : total === 0 ? (
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
            <ShiftBreaches
              perShift={data?.perShift ?? []}
              perRoster={data?.perRoster ?? []}
              shifts={data?.shiftsWithBreaches ?? 0}
            />
            {rows.length === 0 ? (
              <EmptyState
                icon={ShieldCheck}
                className="border-t border-border py-10"
                title="No breaches on this page"
                action={
                  <Button variant="outline" size="sm" onClick={() => onPage(1)}>
                    Go to the first page
                  </Button>
                }
              />
            ) : (
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
                  {rows.map((r) => (
                    <BreachRow key={r.clockId} row={r} />
                  ))}
                </TBody>
              </Table>
            )}
            {rows.length ? (
              <div className="border-t border-border px-5 py-3">
                <Pager
                  page={data?.page ?? input.page}
                  pageSize={data?.pageSize ?? input.pageSize}
                  total={total}
                  noun="breach"
                  nouns="breaches"
                  label="Pages of breaches"
                  onPage={onPage}
                />
              </div>
            ) : null}
          </>
        )}
      </CardContent>
    </Card>
  );
}
