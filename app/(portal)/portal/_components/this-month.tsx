"use client";

import { useQuery } from "@tanstack/react-query";
import { ArrowRight, ChevronRight, MessageCircleQuestion, Siren } from "lucide-react";
import { useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Card, CardContent } from "@/app/_components/ui/card";
import Link from "@/app/_components/ui/link";
import { ErrorState, Skeleton } from "@/app/_components/ui/states";
import { cn } from "@/app/_lib/cn";
import { useTRPC } from "@/app/_lib/trpc/client";
import { formatDate } from "@/lib/format";
import { trpcErrorInfo } from "../_lib/labels";
import { SectionHeader } from "./section-header";

/** Wall-clock parts of `d` in `timeZone`. */
function partsIn(d: Date, timeZone: string) {
  const out = { year: 0, month: 1, day: 1, hour: 0, minute: 0, second: 0 };
  const fmt = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
    hourCycle: "h23",
  });
  for (const p of fmt.formatToParts(d)) {
    if (p.type === "hour") out.hour = Number(p.value) % 24;
    else if (p.type in out) out[p.type as keyof typeof out] = Number(p.value);
  }
  return out;
}

/** How far `timeZone` is ahead of UTC at `d`, in ms. */
function offsetAt(d: Date, timeZone: string) {
  const p = partsIn(d, timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(d.getTime() / 1000) * 1000;
}

/** Midnight on the first day of `now`'s month, in `timeZone` (UTC if the zone is unknown). */
export function startOfMonthIn(timeZone: string, now: Date): Date {
  try {
    const p = partsIn(now, timeZone);
    const wall = Date.UTC(p.year, p.month - 1, 1);
    const first = wall - offsetAt(new Date(wall), timeZone);
    return new Date(wall - offsetAt(new Date(first), timeZone));
  } catch {
    return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  }
}

const fmt = (n: number) => n.toLocaleString("en-GB");
const plural = (n: number, one: string, many: string) => `${fmt(n)} ${n === 1 ? one : many}`;

/** This month's alert funnel and the incidents that need attention, for the portal overview. */
export function ThisMonth({ timezone }: { timezone: string }) {
  const trpc = useTRPC();
  const [range] = useState(() => {
    const to = new Date();
    const from = startOfMonthIn(timezone, to);
    return { from, to: to > from ? to : new Date(from.getTime() + 1) };
  });
  const funnel = useQuery(trpc.myAlerts.funnel.queryOptions(range));
  const open = useQuery(trpc.myIncidents.list.queryOptions({ status: "open", page: 1 }));
  const waiting = useQuery(trpc.myIncidents.list.queryOptions({ status: "waiting_on_customer", page: 1 }));

  let since = "";
  try {
    since = formatDate(range.from, timezone);
  } catch {
    since = formatDate(range.from, "UTC");
  }

  return (
    <Card>
      <SectionHeader
        title="This month"
        description={`Alerts from your sensors since ${since} (${timezone.replaceAll("_", " ")}), and what became of them.`}
      />
      <CardContent className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)] lg:items-start">
        <div className="grid min-w-0 gap-3">
          {funnel.isPending ? (
            <FunnelSkeleton />
          ) : funnel.isError ? (
            <ErrorState
              className="py-6"
              title="Could not load this month's numbers"
              message={trpcErrorInfo(funnel.error).message}
              onRetry={() => void funnel.refetch()}
            />
          ) : (
            <Funnel data={funnel.data} />
          )}
        </div>
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-1">
          <Tile
            icon={Siren}
            label="Open incidents"
            value={open.data?.total}
            pending={open.isPending}
            failed={open.isError}
            href="/portal/incidents?status=open"
            zero="No open incidents"
          />
          <Tile
            icon={MessageCircleQuestion}
            label="Waiting on you"
            value={waiting.data?.total}
            pending={waiting.isPending}
            failed={waiting.isError}
            href="/portal/incidents?status=waiting_on_customer"
            zero="Nothing is waiting on you"
            attention
          />
        </div>
      </CardContent>
    </Card>
  );
}

type FunnelData = { received: number; triaged: number; escalated: number; incidents: number };

function Funnel({ data }: { data: FunnelData }) {
  if (data.received === 0) {
    return (
      <div className="grid gap-1 rounded-lg border border-dashed border-border px-4 py-6 text-center">
        <p className="text-sm font-medium">No alerts this month</p>
        <p className="text-sm text-muted-foreground">
          {data.incidents > 0
            ? `${plural(data.incidents, "incident was", "incidents were")} opened this month.`
            : "Your sensors have not raised any alerts so far this month."}
        </p>
      </div>
    );
  }
  const steps = [
    { key: "received", label: "Received", hint: "from your sensors", value: data.received },
    { key: "triaged", label: "Triaged", hint: "by an analyst", value: data.triaged },
    { key: "escalated", label: "Escalated", hint: "into incidents", value: data.escalated },
    { key: "incidents", label: "Incidents", hint: "opened", value: data.incidents },
  ];
  return (
    <>
      <ol className="grid grid-cols-2 gap-3 sm:flex sm:items-stretch sm:gap-0" aria-label="Alert funnel this month">
        {steps.map((s, i) => (
          <li key={s.key} className="flex min-w-0 items-stretch sm:flex-1">
            <div className="flex min-w-0 flex-1 flex-col gap-1 rounded-lg border border-border bg-muted/30 px-3 py-2.5">
              <span className="text-xs font-medium text-muted-foreground">{s.label}</span>
              <span className="text-2xl font-semibold tabular-nums leading-7">{fmt(s.value)}</span>
              <span className="text-xs text-muted-foreground">{s.hint}</span>
              {/* Alerts share one scale; incidents are a different unit, so they get no bar. */}
              <span
                aria-hidden="true"
                className={cn("mt-auto block h-1 shrink-0 rounded-full", s.key !== "incidents" && "bg-muted")}
              >
                {s.key !== "incidents" ? (
                  <span
                    className="block h-1 rounded-full bg-primary"
                    style={{
                      width: `${Math.max(s.value > 0 ? 4 : 0, Math.min(100, (s.value / data.received) * 100))}%`,
                    }}
                  />
                ) : null}
              </span>
            </div>
            {i < steps.length - 1 ? (
              <ChevronRight
                aria-hidden="true"
                className="mx-1 hidden size-4 shrink-0 self-center text-muted-foreground sm:block"
              />
            ) : null}
          </li>
        ))}
      </ol>
      <p className="text-sm text-muted-foreground">
        Of {plural(data.received, "alert", "alerts")}, {fmt(data.triaged)} {data.triaged === 1 ? "was" : "were"}{" "}
        reviewed by an analyst
        {data.escalated > 0
          ? ` and ${fmt(data.escalated)} became part of an incident.`
          : "; none needed to become an incident."}
      </p>
    </>
  );
}

function Tile({
  icon: Icon,
  label,
  value,
  pending,
  failed,
  href,
  zero,
  attention = false,
}: {
  icon: typeof Siren;
  label: string;
  value: number | undefined;
  pending: boolean;
  failed: boolean;
  href: string;
  zero: string;
  attention?: boolean;
}) {
  const hot = attention && (value ?? 0) > 0;
  return (
    <div
      className={cn(
        "flex items-center gap-3 rounded-lg border px-4 py-3",
        hot ? "border-warning/50 bg-warning/5" : "border-border",
      )}
    >
      <Icon aria-hidden="true" className={cn("size-5 shrink-0", hot ? "text-warning" : "text-muted-foreground")} />
      <div className="grid min-w-0 flex-1 gap-0.5">
        <span className="text-xs font-medium text-muted-foreground">{label}</span>
        {pending ? (
          <Skeleton className="h-6 w-10" />
        ) : failed ? (
          <span className="text-sm text-muted-foreground">Not available right now</span>
        ) : value ? (
          <span className="text-xl font-semibold tabular-nums leading-6">{fmt(value)}</span>
        ) : (
          <span className="text-sm">{zero}</span>
        )}
      </div>
      {value ? (
        <Button asChild variant={hot ? "primary" : "outline"} size="sm">
          <Link href={href} aria-label={`View ${label.toLowerCase()}`}>
            View
            <ArrowRight aria-hidden="true" />
          </Link>
        </Button>
      ) : null}
    </div>
  );
}

function FunnelSkeleton() {
  return (
    <div role="status" aria-live="polite" className="grid grid-cols-2 gap-3 sm:grid-cols-4">
      <span className="sr-only">Loading this month's numbers…</span>
      {[0, 1, 2, 3].map((i) => (
        <div key={i} className="grid gap-2 rounded-lg border border-border px-3 py-2.5">
          <Skeleton className="h-3 w-16" />
          <Skeleton className="h-7 w-12" />
          <Skeleton className="h-3 w-20" />
        </div>
      ))}
    </div>
  );
}
