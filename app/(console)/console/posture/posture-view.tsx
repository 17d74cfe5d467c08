"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Gauge, TrendingDown } from "lucide-react";
import { useMemo } from "react";
import { BAND_LABELS, BAND_TONES } from "@/app/_components/posture/score-card";
import { Badge } from "@/app/_components/ui/badge";
import { Card } from "@/app/_components/ui/card";
import { EmptyState } from "@/app/_components/ui/states";
import { Table, TBody, TD, TH, THead, TR } from "@/app/_components/ui/table";
import { useTRPC } from "@/app/_lib/trpc/client";
import { useUrlParams } from "@/app/_lib/use-url-params";
import { formatMonth } from "@/lib/format";
import { DROP_FLAG } from "@/server/posture/overview";
import { DRIVER_LABELS, DRIVERS } from "@/server/posture/score";
import { CustomerListCard } from "../_components/customer-list-card";
import { readCustomerListParams } from "../_components/customer-list-params";
import { DateTime } from "../_components/date-time";
import { TableSkeleton } from "../_components/page-skeleton";
import { QueryError } from "../_components/query-error";
import type { RouterOutputs } from "../_components/types";
import { changeText } from "./_lib/change";
import { POSTURE_SORT_OPTIONS, POSTURE_SORTS, postureOverviewInput } from "./posture-params";

export function PostureView() {
  const trpc = useTRPC();
  const url = useUrlParams();
  const list = useMemo(() => readCustomerListParams(url.get, POSTURE_SORTS), [url.get]);
  const overview = useQuery({
    ...trpc.posture.overview.queryOptions(postureOverviewInput(list)),
    placeholderData: keepPreviousData,
  });

  if (overview.isPending) return <TableSkeleton rows={7} />;
  if (overview.isError) {
    return (
      <Card>
        <QueryError
          title="Could not load the posture scores"
          error={overview.error}
          onRetry={() => overview.refetch()}
        />
      </Card>
    );
  }
  const o = overview.data;
  if (o.customers === 0) {
    return (
      <Card>
        <EmptyState icon={Gauge} title="No customers" description="Scores appear once customers exist." />
      </Card>
    );
  }
  return (
    <div className="grid gap-3">
      <p className="text-sm text-muted-foreground" aria-live="polite">
        {o.flagged ? (
          <strong className="font-medium text-foreground">
            {o.flagged.toLocaleString("en-GB")} {o.flagged === 1 ? "customer" : "customers"} dropped {DROP_FLAG} points
            or more.{" "}
          </strong>
        ) : null}
        {o.scoredFrom && o.scoredTo ? (
          sameMinute(o.scoredFrom, o.scoredTo) ? (
            <>
              Live scores computed at <DateTime value={o.scoredTo} mode="time" />.
            </>
          ) : (
            <>
              Live scores computed between <DateTime value={o.scoredFrom} mode="time" /> and{" "}
              <DateTime value={o.scoredTo} mode="time" />.
            </>
          )
        ) : null}
        {o.unscored
          ? ` ${o.unscored.toLocaleString("en-GB")} not scored yet (new customers are scored within minutes).`
          : ""}
      </p>
      <CustomerListCard
        list={list}
        sorts={POSTURE_SORT_OPTIONS}
        page={o.page}
        pageSize={o.pageSize}
        total={o.total}
        empty={o.rows.length === 0}
        fading={overview.isPlaceholderData}
        icon={Gauge}
        onList={url.set}
      >
        <ScoreTable rows={o.rows} />
      </CustomerListCard>
    </div>
  );
}

const sameMinute = (a: Date, b: Date) => Math.floor(a.getTime() / 60_000) === Math.floor(b.getTime() / 60_000);

type Row = RouterOutputs["posture"]["overview"]["rows"][number];

function ScoreTable({ rows }: { rows: Row[] }) {
  return (
    <Table className="text-[13px]">
      <THead>
        <TR>
          <TH>Customer</TH>
          <TH className="text-right">Live</TH>
          <TH className="hidden sm:table-cell">Band</TH>
          <TH className="text-right">Last month</TH>
          <TH className="text-right">
            Change
            <span className="hidden text-xs font-normal text-muted-foreground sm:block">month on month</span>
          </TH>
          {DRIVERS.map((d) => (
            <TH key={d} className="hidden text-right xl:table-cell">
              {DRIVER_LABELS[d]}
            </TH>
          ))}
        </TR>
      </THead>
      <TBody>
        {rows.map((r) => (
          <TR key={r.customerId}>
            <TD className="max-w-48 break-words font-medium">{r.name}</TD>
            <TD className="text-right tabular-nums">
              {r.live ?? <span className="text-muted-foreground">Not scored yet</span>}
              {/* On a phone the band sits under the score, so the change stays on screen. */}
              {r.band ? (
                <span className="mt-1 block sm:hidden">
                  <Badge tone={BAND_TONES[r.band]}>{BAND_LABELS[r.band]}</Badge>
                </span>
              ) : null}
            </TD>
            <TD className="hidden sm:table-cell">
              {r.band ? <Badge tone={BAND_TONES[r.band]}>{BAND_LABELS[r.band]}</Badge> : "—"}
            </TD>
            <TD className="text-right tabular-nums">
              {r.lastMonthScore ?? "—"}
              <span className="block text-xs text-muted-foreground">{formatMonth(r.lastMonth, "short")}</span>
            </TD>
            <ChangeCell change={r.change} dropped={r.dropped} last={r.lastMonth} previous={r.previousMonth} />
            {DRIVERS.map((d) => (
              <TD key={d} className="hidden text-right tabular-nums xl:table-cell">
                {r.drivers ? Math.floor(r.drivers[d]) : "—"}
              </TD>
            ))}
          </TR>
        ))}
      </TBody>
    </Table>
  );
}

function ChangeCell(p: { change: number | null; dropped: boolean; last: string; previous: string }) {
  const c = changeText(p.change, p.last, p.previous);
  return (
    <TD className="text-right tabular-nums" title={c.label}>
      <span aria-hidden="true">
        {p.dropped ? (
          <Badge tone="danger">
            <TrendingDown />
            {c.text}
          </Badge>
        ) : (
          c.text
        )}
        <span className="block text-xs text-muted-foreground">{c.against}</span>
      </span>
      <span className="sr-only">
        {c.label}
        {p.dropped ? ` (a drop of ${DROP_FLAG} points or more)` : ""}
      </span>
    </TD>
  );
}
