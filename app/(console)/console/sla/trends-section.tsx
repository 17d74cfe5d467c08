"use client";

import { ChartLine } from "lucide-react";
import { useMemo } from "react";
import { Card, CardContent } from "@/app/_components/ui/card";
import { EmptyState, LoadingState } from "@/app/_components/ui/states";
import { Table, TBody, TD, TH, THead, TR } from "@/app/_components/ui/table";
import { cn } from "@/app/_lib/cn";
import type { Metric } from "@/db/schema/contracts";
import { QueryError } from "../_components/query-error";
import { formatDuration, METRIC_LABELS, METRIC_SHORT, METRICS, monthLabel } from "./_lib/sla-format";
import type { AttainmentQuery } from "./attainment-section";
import { SectionHeading } from "./section-heading";
import { type TrendPoint, type TrendSeries, TrendsChart } from "./trends-chart";

// Across customers the trend is the mean (MTTA is a mean by definition); medians and 90th percentiles are per customer
// month, in the attainment dialog and the monthly report.
const STATS = {
  meanMs: { label: "Mean", axis: "Mean" },
} as const;
type Stat = keyof typeof STATS;

const SERIES: TrendSeries[] = [
  { key: "acknowledge", name: "MTTA (acknowledge)", color: "var(--color-info)" },
  { key: "notify", name: "MTTN (notify)", color: "var(--color-primary)", dash: "6 3" },
  { key: "contain", name: "MTTC (contain)", color: "var(--color-sev-high)", dash: "2 3" },
  { key: "resolve", name: "MTTR (resolve)", color: "var(--color-sev-critical)", dash: "9 3 2 3" },
];

/** MTTA / MTTN / MTTC / MTTR per month, from the same read as the attainment grid. */
export function TrendsSection({ query, customerName }: { query: AttainmentQuery; customerName: string | undefined }) {
  const stat: Stat = "meanMs";
  const data = query.data;
  const months = data?.months ?? [];
  const current = months[months.length - 1];

  const points = useMemo<TrendPoint[]>(
    () =>
      (data?.months ?? []).map((month) => {
        const p: TrendPoint = { month, label: `${monthLabel(month, true)}${month === current ? " (to date)" : ""}` };
        for (const metric of METRICS) {
          const t = data?.trends.find((x) => x.month === month && x.metric === metric);
          const value = t?.[stat];
          const minutes = typeof value === "number" ? value / 60_000 : null;
          // A log axis has no zero: anything under a minute sits on the 1-minute line (the tooltip says "< 1 min").
          p[metric] = minutes === null ? null : Math.max(1, minutes);
          p[`raw_${metric}`] = minutes;
          p[`n_${metric}`] = t?.count ?? null;
        }
        return p;
      }),
    [data, current],
  );
  const hasData = (data?.trends.length ?? 0) > 0;

  return (
    <Card id="trends" className="scroll-mt-20">
      <SectionHeading
        title="Trends"
        description={`How long ${customerName ?? "all customers'"} clocks took to stop, per month the clock started: SLA time, so pauses and hours outside coverage are not counted. Only stopped clocks count.`}
      />
      <CardContent className={cn("grid min-w-0 gap-4", query.isPlaceholderData && "opacity-60")}>
        {query.isPending ? (
          <LoadingState label="Loading trends…" />
        ) : query.isError && !data ? (
          <QueryError title="Could not load trends" error={query.error} onRetry={() => query.refetch()} />
        ) : !hasData ? (
          <EmptyState
            icon={ChartLine}
            title="No stopped clocks in these months"
            description="Trends appear once incidents are acknowledged, shared, contained or resolved."
          />
        ) : (
          <figure
            className="m-0 grid min-w-0 gap-2"
            data-chart="trends"
            aria-label={`SLA trends: ${STATS[stat].label.toLowerCase()} time to acknowledge, notify, contain and resolve per month`}
            aria-describedby="sla-trends-caption"
          >
            <TrendsChart data={points} series={SERIES} statLabel={STATS[stat].axis} />
            <p id="sla-trends-caption" className="text-xs text-muted-foreground">
              {STATS[stat].label} time to acknowledge (MTTA), notify the customer (MTTN), contain (MTTC) and resolve
              (MTTR). Logarithmic time axis; hover a month for exact values and the number of clocks, or open the
              numbers below.
            </p>
            <details className="group rounded-md border border-border">
              <summary className="rounded-md px-3 py-2 text-sm font-medium hover:bg-muted/50">
                The numbers behind the chart
              </summary>
              <Table className="text-[13px]" wrapperClassName="border-t border-border">
                <THead>
                  <TR>
                    <TH>{STATS[stat].label}</TH>
                    {months.map((m) => (
                      <TH key={m} className="text-right">
                        {monthLabel(m, true)}
                      </TH>
                    ))}
                  </TR>
                </THead>
                <TBody>
                  {METRICS.map((metric) => (
                    <TR key={metric}>
                      <TH scope="row" className="text-foreground">
                        {METRIC_SHORT[metric]}{" "}
                        <span className="font-normal text-muted-foreground">{METRIC_LABELS[metric].toLowerCase()}</span>
                      </TH>
                      {months.map((m) => (
                        <NumberCell key={m} data={data} metric={metric} month={m} stat={stat} />
                      ))}
                    </TR>
                  ))}
                </TBody>
              </Table>
            </details>
          </figure>
        )}
      </CardContent>
    </Card>
  );
}

function NumberCell({
  data,
  metric,
  month,
  stat,
}: {
  data: AttainmentQuery["data"];
  metric: Metric;
  month: string;
  stat: Stat;
}) {
  const t = data?.trends.find((x) => x.month === month && x.metric === metric);
  const value = t?.[stat];
  if (!t || typeof value !== "number") return <TD className="text-right text-muted-foreground">—</TD>;
  return (
    <TD className="text-right whitespace-nowrap tabular-nums">
      {formatDuration(value)}
      <span className="block text-[11px] text-muted-foreground">n = {t.count}</span>
    </TD>
  );
}
