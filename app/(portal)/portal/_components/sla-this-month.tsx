"use client";

import { useQuery } from "@tanstack/react-query";
import { ArrowRight } from "lucide-react";
import { useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Card, CardContent } from "@/app/_components/ui/card";
import Link from "@/app/_components/ui/link";
import { ErrorState, Skeleton } from "@/app/_components/ui/states";
import { cn } from "@/app/_lib/cn";
import { useTRPC } from "@/app/_lib/trpc/client";
import type { Metric } from "@/db/schema/contracts";
import { formatMonth, formatShare } from "@/lib/format";
import { trpcErrorInfo } from "../_lib/labels";
import type { RouterOutputs } from "../incidents/_components/labels";
import { SectionHeader } from "./section-header";

const METRICS: { metric: Metric; label: string }[] = [
  { metric: "acknowledge", label: "Acknowledge" },
  { metric: "notify", label: "Tell you" },
  { metric: "contain", label: "Contain" },
  { metric: "resolve", label: "Resolve" },
];

/** "YYYY-MM" of `now` in `timeZone` (UTC when the zone is unknown). */
function monthIn(timeZone: string, now: Date): string {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat("en-GB", { timeZone, year: "numeric", month: "2-digit" }).formatToParts(now);
  } catch {
    parts = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", year: "numeric", month: "2-digit" }).formatToParts(now);
  }
  const y = parts.find((p) => p.type === "year")?.value ?? String(now.getUTCFullYear());
  const m = parts.find((p) => p.type === "month")?.value ?? String(now.getUTCMonth() + 1).padStart(2, "0");
  return `${y}-${m}`;
}

/** Rounded down, so a figure never reads better than it is (the one share formatter: the PDF's figure). */
const pct = (share: number) => formatShare(share);
const band = (share: number | null) =>
  share === null ? "none" : share >= 0.95 ? "good" : share >= 0.85 ? "watch" : "poor";
const TEXT = { good: "text-success", watch: "text-warning", poor: "text-destructive", none: "text-muted-foreground" };
const BAR = { good: "bg-success", watch: "bg-warning", poor: "bg-destructive", none: "bg-muted" };

function minutes(ms: number): string {
  const m = Math.floor(ms / 60_000);
  if (m < 1) return "under a minute";
  if (m < 60) return `${m} min`;
  if (m < 1440) return m % 60 ? `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, "0")} min` : `${m / 60} h`;
  const d = Math.floor(m / 1440);
  const h = Math.floor((m % 1440) / 60);
  return `${d} ${d === 1 ? "day" : "days"}${h ? ` ${h} h` : ""}`;
}

/** This month's response-time attainment for the portal overview: overall, per commitment, and breaches. */
export function SlaThisMonth({ timezone }: { timezone: string }) {
  const trpc = useTRPC();
  const [month] = useState(() => monthIn(timezone, new Date()));
  const q = useQuery(trpc.mySla.month.queryOptions({ month }));
  const monthName = formatMonth(month).replace(/ \d{4}$/, "");

  return (
    <Card>
      <SectionHeader
        title="Response times this month"
        description={`How we kept to your contract's response targets for incidents opened in ${monthName} (${timezone.replaceAll("_", " ")} time).`}
        actions={
          <Button asChild variant="outline" size="sm">
            <Link href="/portal/service">
              Service &amp; SLA
              <ArrowRight aria-hidden="true" />
            </Link>
          </Button>
        }
      />
      <CardContent>
        {q.isPending ? (
          <div role="status" aria-live="polite" className="grid gap-3 sm:grid-cols-[12rem_1fr]">
            <span className="sr-only">Loading response times…</span>
            <Skeleton className="h-20 w-full" />
            <div className="grid gap-2">
              {METRICS.map((m) => (
                <Skeleton key={m.metric} className="h-5 w-full" />
              ))}
            </div>
          </div>
        ) : q.isError ? (
          <ErrorState
            className="py-6"
            title="Could not load this month's response times"
            message={trpcErrorInfo(q.error).message}
            onRetry={() => void q.refetch()}
          />
        ) : (
          <Body data={q.data} />
        )}
      </CardContent>
    </Card>
  );
}

function Body({ data }: { data: RouterOutputs["mySla"]["month"] }) {
  const o = data.attainment.overall;
  const decided = o.met + o.breached;
  // The same count as the attainment (every measured target), not only the breaches listed in detail.
  const breaches = o.breached;
  const internal = data.internal;
  if (decided === 0) {
    return (
      <div className="grid gap-1 rounded-lg border border-dashed border-border px-4 py-6 text-center">
        <p className="text-sm font-medium">Nothing to measure yet this month</p>
        <p className="text-sm text-muted-foreground">
          Response times appear once an incident with a target is acknowledged, shared with you, contained or resolved.
        </p>
      </div>
    );
  }
  return (
    <div className="grid gap-6 sm:grid-cols-[12rem_minmax(0,1fr)] sm:items-start">
      <div className="grid gap-1 rounded-lg border border-border bg-muted/30 px-4 py-3">
        <span className="text-xs font-medium text-muted-foreground">On target</span>
        <span className={cn("text-3xl leading-9 font-semibold tabular-nums", TEXT[band(o.attainment)])}>
          {o.attainment === null ? "—" : pct(o.attainment)}
        </span>
        <span className="text-xs text-muted-foreground">
          {o.met} of {decided} {decided === 1 ? "commitment" : "commitments"} met
        </span>
        <span className={cn("text-sm font-medium", breaches ? "text-destructive" : "text-success")}>
          {breaches === 0 ? "No target missed" : `${breaches} ${breaches === 1 ? "target" : "targets"} missed`}
        </span>
        {internal.incidents > 0 ? (
          <span className="text-xs text-muted-foreground">
            Internal incidents: {internal.incidents}, of which breached: {internal.breached}
          </span>
        ) : null}
      </div>
      <ul className="grid gap-3" aria-label="On target, per commitment">
        {METRICS.map(({ metric, label }) => {
          const m = data.attainment.byMetric.find((x) => x.metric === metric);
          const t = data.timeTo.find((x) => x.metric === metric);
          const total = (m?.met ?? 0) + (m?.breached ?? 0);
          const share = m?.attainment ?? null;
          return (
            <li key={metric} className="grid gap-1">
              <div className="flex flex-wrap items-baseline justify-between gap-x-3 text-sm">
                <span className="font-medium">{label}</span>
                <span className="text-muted-foreground tabular-nums">
                  {total ? (
                    <>
                      <span className={cn("font-medium", TEXT[band(share)])}>{share === null ? "—" : pct(share)}</span>{" "}
                      ({m?.met} of {total})
                    </>
                  ) : (
                    "nothing measured yet"
                  )}
                </span>
              </div>
              <span aria-hidden="true" className="block h-1.5 rounded-full bg-muted">
                {share !== null ? (
                  <span
                    className={cn("block h-1.5 rounded-full", BAR[band(share)])}
                    style={{ width: `${Math.max(2, share * 100)}%` }}
                  />
                ) : null}
              </span>
              {t ? (
                <span className="text-xs text-muted-foreground">
                  Typically {minutes(t.medianMs)} (median of {t.count})
                </span>
              ) : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
