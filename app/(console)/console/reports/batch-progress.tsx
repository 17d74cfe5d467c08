import { CircleAlert, CircleCheck, LoaderCircle } from "lucide-react";
import type { ReactNode } from "react";
import { cn } from "@/app/_lib/cn";
import { formatMonth } from "@/lib/format";
import { DateTime } from "../_components/date-time";
import type { BatchProgress, MonthEndRun } from "./report-labels";

const pct = (n: number, total: number) => `${total ? (n / total) * 100 : 0}%`;

type Run = Pick<BatchProgress, "total" | "done" | "failed" | "running" | "pending" | "finished" | "errors">;

/** A "generate all" run: done (and failed) reports out of all, the counts, and what went wrong. */
export function BatchProgressView({ batch }: { batch: BatchProgress }) {
  const month = formatMonth(batch.month);
  return (
    <RunProgress
      run={batch}
      label={`Reports for ${month}`}
      title={batch.finished ? `Last run: ${month}` : `Generating ${month}`}
      since={
        <>
          Started <DateTime value={batch.createdAt} />
        </>
      }
    />
  );
}

/** The scheduled month-end run, as 06:00 comes to each customer's time zone in turn. */
export function MonthEndRunView({ run }: { run: MonthEndRun }) {
  const month = formatMonth(run.month);
  return (
    <RunProgress
      run={run}
      label={`Month-end run for ${month}`}
      title={`Month-end run: ${month}`}
      since={
        run.firstAt ? (
          <>
            06:00 local from <DateTime value={run.firstAt} />
          </>
        ) : null
      }
      extra={
        <>
          {run.waiting ? (
            <li>
              <Dot className="bg-muted-foreground/30" />
              {run.waiting} before 06:00 in their zone
              {run.nextAt ? (
                <>
                  {" "}
                  (next <DateTime value={run.nextAt} />)
                </>
              ) : null}
            </li>
          ) : null}
          {run.missed ? (
            <li className="text-warning">
              <Dot className="bg-warning" />
              {run.missed} not queued (schedule missed; generate by hand)
            </li>
          ) : null}
        </>
      }
    />
  );
}

function RunProgress({
  run,
  label,
  title,
  since,
  extra,
}: {
  run: Run;
  label: string;
  title: string;
  since: ReactNode;
  extra?: ReactNode;
}) {
  const settled = run.done + run.failed;
  const summary = `${settled} of ${run.total} reports finished${run.failed ? `, ${run.failed} failed` : ""}`;
  return (
    <div className="grid gap-2">
      <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 text-sm">
        <p className="flex items-center gap-2 font-medium">
          {!run.finished ? (
            <LoaderCircle aria-hidden="true" className="size-4 animate-spin text-primary" />
          ) : run.failed ? (
            <CircleAlert aria-hidden="true" className="size-4 text-destructive" />
          ) : (
            <CircleCheck aria-hidden="true" className="size-4 text-success" />
          )}
          {title}
        </p>
        {since ? <p className="text-xs text-muted-foreground">{since}</p> : null}
      </div>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={run.total}
        aria-valuenow={settled}
        aria-valuetext={summary}
        className="flex h-2.5 w-full overflow-hidden rounded-full bg-muted"
      >
        <div
          className="h-full bg-success transition-[width] duration-500"
          style={{ width: pct(run.done, run.total) }}
        />
        <div
          className="h-full bg-destructive transition-[width] duration-500"
          style={{ width: pct(run.failed, run.total) }}
        />
        <div
          className={cn("h-full bg-primary/40 transition-[width] duration-500", !run.finished && "animate-pulse")}
          style={{ width: pct(run.running, run.total) }}
        />
      </div>
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted-foreground tabular-nums" aria-live="polite">
        <li>
          <Dot className="bg-success" />
          {run.done} done
        </li>
        {run.failed ? (
          <li className="text-destructive">
            <Dot className="bg-destructive" />
            {run.failed} failed
          </li>
        ) : null}
        {run.running ? (
          <li>
            <Dot className="bg-primary/40" />
            {run.running} generating
          </li>
        ) : null}
        {run.pending ? (
          <li>
            <Dot className="bg-muted-foreground/30" />
            {run.pending} queued
          </li>
        ) : null}
        {extra}
        <li className="ml-auto">{run.total} in all</li>
      </ul>
      {run.errors.length ? (
        <ul className="grid gap-1 rounded-md border border-destructive/30 bg-destructive/5 px-3 py-2 text-xs">
          {run.errors.map((e, i) => (
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
