"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { CircleAlert, TriangleAlert, X } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { cn } from "@/app/_lib/cn";
import { useTRPC } from "@/app/_lib/trpc/client";
import { METRIC_LABELS } from "../sla/_lib/sla-format";
import { DateTime } from "./date-time";
import { errorMessage } from "./errors";

const SHOWN = 3;

/** Alerts load in the browser only, so "today" is the viewer's own. */
const sameDay = (d: Date) => d.toDateString() === new Date().toDateString();

/**
 * Recent SLA alerts (at risk, breached) across the console as a compact strip: breaches first, each linking to its
 * incident and dismissible. Polls every 30 s; renders nothing when there is nothing to say.
 */
export function SlaBanner({ enabled }: { enabled: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [expanded, setExpanded] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const banner = useQuery({ ...trpc.sla.banner.queryOptions(), enabled, refetchInterval: 30_000 });
  const dismissOne = useMutation(trpc.sla.dismiss.mutationOptions());
  // One clock can have an "at risk" and a later "breached" alert: it is shown once, and dismissing it clears both.
  const dismiss = useMutation({
    mutationFn: async (ids: string[]) => {
      for (const id of ids) await dismissOne.mutateAsync({ id });
    },
    onMutate: () => setFailure(null),
    onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.sla.banner.queryKey() }),
    onError: (e) => setFailure(errorMessage(e)),
  });
  if (!enabled) return null;
  const all = banner.data ?? [];
  const clockKey = (a: (typeof all)[number]) => `${a.incidentId}|${a.metric}`;
  const breachedClocks = new Set(all.filter((a) => a.kind === "breached").map(clockKey));
  const dismissing = new Set(dismiss.isPending ? (dismiss.variables ?? []) : []);
  const items = all
    .filter((a) => !(a.kind === "at_risk" && breachedClocks.has(clockKey(a))) && !dismissing.has(a.id))
    .sort((a, b) => Number(b.kind === "breached") - Number(a.kind === "breached"));
  if (items.length === 0) return null;
  const shown = expanded ? items : items.slice(0, SHOWN);
  const breached = items.filter((a) => a.kind === "breached").length;

  return (
    <section
      aria-label={`SLA alerts: ${breached} breached, ${items.length - breached} at risk`}
      className="mb-6 grid gap-1.5"
    >
      <ul className="grid gap-1.5">
        {shown.map((a) => {
          const isBreach = a.kind === "breached";
          const Icon = isBreach ? CircleAlert : TriangleAlert;
          return (
            <li
              key={a.id}
              className={cn(
                "flex min-h-8 min-w-0 items-center gap-2 rounded-md border py-0.5 pr-0.5 pl-3 text-[13px]",
                isBreach ? "border-destructive/40 bg-destructive/10" : "border-warning/40 bg-warning/10",
              )}
            >
              <Icon
                aria-hidden="true"
                className={cn("size-4 shrink-0", isBreach ? "text-destructive" : "text-warning")}
              />
              <Link
                href={`/console/incidents/${a.incidentId}`}
                className="min-w-0 flex-1 truncate rounded-sm hover:underline"
                title={`${a.reference} · ${a.customerName}`}
              >
                <span className="font-mono text-xs font-semibold">{a.reference}</span>
                <span aria-hidden="true"> · </span>
                <span className="font-medium">
                  {METRIC_LABELS[a.metric]} {isBreach ? "breached" : "at risk"}
                </span>
                {a.dueAt ? (
                  <>
                    <span aria-hidden="true"> · </span>
                    {isBreach ? "was due " : "due "}
                    <DateTime value={a.dueAt} mode={sameDay(a.dueAt) ? "time" : "datetime"} />
                  </>
                ) : null}
                <span className="hidden text-muted-foreground sm:inline"> · {a.customerName}</span>
              </Link>
              <Button
                variant="ghost"
                size="icon-sm"
                className="size-7"
                aria-label={`Dismiss ${a.reference} ${METRIC_LABELS[a.metric].toLowerCase()} ${isBreach ? "breach" : "risk"} alert`}
                title="Dismiss for everyone"
                disabled={dismiss.isPending}
                onClick={() => dismiss.mutate(all.filter((x) => clockKey(x) === clockKey(a)).map((x) => x.id))}
              >
                <X aria-hidden="true" />
              </Button>
            </li>
          );
        })}
      </ul>
      {items.length > SHOWN || failure ? (
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs">
          {items.length > SHOWN ? (
            <Button variant="link" size="sm" className="h-auto text-xs" onClick={() => setExpanded((v) => !v)}>
              {expanded ? "Show fewer" : `Show ${items.length - SHOWN} more`}
            </Button>
          ) : null}
          <Link href="/console/sla#risk" className="text-primary underline-offset-4 hover:underline">
            Open the SLA page
          </Link>
          {failure ? (
            <span role="alert" className="text-destructive">
              Could not dismiss: {failure}
            </span>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
