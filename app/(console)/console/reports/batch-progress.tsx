import { CircleAlert, CircleCheck, LoaderCircle } from "lucide-react";
import { cn } from "@/app/_lib/cn";
import { formatMonth } from "@/app/_lib/format";
import { DateTime } from "../_components/date-time";
import type { BatchProgress } from "./report-labels";

const pct = (n: number, total: number) => `${total ? (n / total) * 100 : 0}%`;

/** A month-end run: a bar of done (and failed) reports out of all, the counts, and what went wrong. */
export function BatchProgressView({ batch }: { batch: BatchProgress }) {
  const settled = batch.done + batch.failed;
  const month = formatMonth(batch.month);
  const summary = `${settled} of ${batch.total} reports finished${batch.failed ? `, ${batch.failed} failed` : ""}`;
  return (
    <div className="grid gap-2">
      <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 text-sm">
        <p className="flex items-center gap-2 font-medium">
          {!batch.finished ? (
            <LoaderCircle aria-hidden="true" className="size-4 animate-spin text-primary" />
          ) : batch.failed ? (
            <CircleAlert aria-hidden="true" className="size-4 text-destructive" />
          ) : (
            <CircleCheck aria-hidden="true" className="size-4 text-success" />
          )}
          {batch.finished ? `Last run: ${month}` : `Generating ${month}`}
        </p>
        <p className="text-xs text-muted-foreground">
          Started <DateTime value={batch.createdAt} />
        </p>
      </div>
      <div
        role="progressbar"
        aria-label={`Reports for ${month}`}
        aria-valuemin={0}
        aria-valuemax={batch.total}
        aria-valuenow={settled}
        aria-valuetext={summary}
        className="flex h-2.5 w-full overflow-hidden rounded-full bg-muted"
      >
        <div
          className="h-full bg-success transition-[width] duration-500"
          style={{ width: pct(batch.done, batch.total) }}
        />
        <div
          className="h-full bg-destructive transition-[width] duration-500"
          style={{ width: pct(batch.failed, batch.total) }}
        />
        <div
          className={cn("h-full bg-primary/40 transition-[width] duration-500", !batch.finished && "animate-pulse")}
          style={{ width: pct(batch.running, batch.total) }}
        />
      </div>
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted-foreground tabular-nums" aria-live="polite">
        <li>
          <Dot className="bg-success" />
          {batch.done} done
        </li>
        {batch.failed ? (
          <li className="text-destructive">
            <Dot className="bg-destructive" />
            {batch.failed} failed
          </li>
        ) : null}
        {!batch.finished ? (
          <>
            <li>
              <Dot className="bg-primary/40" />
              {batch.running} generating
            </li>
            <li>
              <Dot className="bg-muted-foreground/30" />
              {batch.pending} waiting
            </li>
          </>
        ) : null}
        <li className="ml-auto">{batch.total} in all</li>
      </ul>
      {batch.errors.length ? (
        <ul className="grid gap-1 rounded-md border border-destructive/30 bg-destructive/5 px-3 py-2 text-xs">
          {batch.errors.map((e, i) => (
            <li key={`${e.customerName}-${i}`} className="min-w-0 break-words">
              <span className="font-medium text-foreground">{e.customerName}:</span>{" "}
              <span className="text-muted-foreground">{e.error}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function Dot({ className }: { className: string }) {
  return <span aria-hidden="true" className={cn("mr-1.5 inline-block size-2 rounded-full align-middle", className)} />;
}
