"use client";

import { CircleAlert, TriangleAlert, X } from "lucide-react";
import { Button } from "@/app/_components/ui/button";
import Link from "@/app/_components/ui/link";
import { cn } from "@/app/_lib/cn";
import { METRIC_LABELS } from "../sla/_lib/sla-format";
import { DateTime } from "./date-time";
import type { RouterOutputs } from "./types";

export type BannerItem = RouterOutputs["sla"]["banner"]["items"][number];

/** Items load in the browser only, so "today" is the viewer's own. */
const sameDay = (d: Date) => d.toDateString() === new Date().toDateString();

/** One clock on the SLA banner: a link to its incident, "dismiss for me" and (for a SOC manager) "resolve for all". */
export function SlaBannerItem({
  item: a,
  busy,
  onDismiss,
  onResolve,
}: {
  item: BannerItem;
  busy: boolean;
  onDismiss: () => void;
  onResolve?: () => void;
}) {
  const overdue = a.kind === "overdue";
  const Icon = overdue ? CircleAlert : TriangleAlert;
  const what = `${METRIC_LABELS[a.metric]} ${overdue ? "overdue" : "at risk"}`;
  return (
    <li
      className={cn(
        "flex min-h-8 min-w-0 items-center gap-2 rounded-md border py-0.5 pr-0.5 pl-3 text-[13px]",
        overdue ? "border-destructive/40 bg-destructive/10" : "border-warning/40 bg-warning/10",
      )}
    >
      <Icon aria-hidden="true" className={cn("size-4 shrink-0", overdue ? "text-destructive" : "text-warning")} />
      <Link
        href={`/console/incidents/${a.incidentId}`}
        className="min-w-0 flex-1 truncate rounded-sm hover:underline"
        title={`${a.reference} · ${a.customerName}`}
      >
        <span className="font-mono text-xs font-semibold">{a.reference}</span>
        <span aria-hidden="true"> · </span>
        <span className="font-medium">{what}</span>
        {a.dueAt ? (
          <>
            <span aria-hidden="true"> · </span>
            {overdue ? "was due " : "due "}
            <DateTime value={a.dueAt} mode={sameDay(a.dueAt) ? "time" : "datetime"} />
          </>
        ) : null}
        <span className="hidden text-muted-foreground sm:inline"> · {a.customerName}</span>
      </Link>
      {onResolve ? (
        <Button variant="ghost" size="sm" className="h-7 px-2 text-xs" disabled={busy} onClick={onResolve}>
          Resolve for all<span className="sr-only">: {`${a.reference} ${what}`}</span>
        </Button>
      ) : null}
      <Button
        variant="ghost"
        size="icon-sm"
        className="size-7"
        aria-label={`Dismiss for me: ${a.reference} ${what}`}
        title="Dismiss for me"
        disabled={busy}
        onClick={onDismiss}
      >
        <X aria-hidden="true" />
      </Button>
    </li>
  );
}
