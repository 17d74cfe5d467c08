"use client";

import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { SeverityBadge } from "@/app/_components/ui/badge";
import { Dialog, DialogContent } from "@/app/_components/ui/dialog";
import Link from "@/app/_components/ui/link";
import { ErrorState, LoadingState } from "@/app/_components/ui/states";
import { Table, TBody, TD, TH, THead, TR } from "@/app/_components/ui/table";
import { cn } from "@/app/_lib/cn";
import { useTRPC } from "@/app/_lib/trpc/client";
import { errorMessage } from "../_components/errors";
import type { RouterOutputs } from "../_components/types";
import {
  attainmentBand,
  BAND_BAR,
  BAND_CLASSES,
  formatAttainment,
  formatDuration,
  formatTarget,
  METRIC_LABELS,
  METRIC_SHORT,
  METRICS,
  monthLabel,
  plural,
} from "./_lib/sla-format";

type MonthData = RouterOutputs["sla"]["month"];
/** A severity × metric matrix with each metric's and the overall tally, as the server computed it (never re-summed). */
export type Matrix = MonthData["attainment"];
type Counts = Matrix["overall"];

export type DialogTarget = {
  title: string;
  month: string;
  current: boolean;
  /** The cell's overall, shown at once (the grid's figure; the detail's is the same tally). */
  overall: Counts;
} & (
  | /** A customer's month: its detail is read when the dialog opens. */ { customerId: string }
  | /** The all-customers total: its matrix came with the grid. */ { matrix: Matrix }
);

const BAND_TEXT = {
  good: "text-success",
  watch: "text-warning",
  poor: "text-destructive",
  none: "text-muted-foreground",
} as const;

/** One customer-month (or the total over customers): severity × metric attainment, time-to figures and breaches. */
export function AttainmentDialog({ target, onClose }: { target: DialogTarget | null; onClose: () => void }) {
  return (
    <Dialog open={target !== null} onOpenChange={(open) => (open ? null : onClose())}>
      {target ? (
        <DialogContent
          size="lg"
          className="sm:max-w-3xl"
          title={`${target.title} · ${monthLabel(target.month)}${target.current ? " (to date)" : ""}`}
          description="Clocks that started in the month. Each cell: share met of those decided, with met / decided below."
        >
          <DialogBody target={target} />
        </DialogContent>
      ) : null}
    </Dialog>
  );
}

function DialogBody({ target }: { target: DialogTarget }) {
  if ("matrix" in target) return <Figures overall={target.matrix.overall} matrix={target.matrix} />;
  return <CustomerMonth customerId={target.customerId} month={target.month} overall={target.overall} />;
}

/** A customer's month from `sla.month`, read when its cell is opened: the matrix, time-to medians and breaches. */
function CustomerMonth({ customerId, month, overall }: { customerId: string; month: string; overall: Counts }) {
  const trpc = useTRPC();
  const q = useQuery(trpc.sla.month.queryOptions({ customerId, month }));
  return (
    <Figures overall={q.data?.attainment.overall ?? overall} matrix={q.data?.attainment}>
      {q.isPending ? (
        <LoadingState label="Loading the month's detail…" rows={3} />
      ) : q.isError ? (
        <ErrorState
          className="py-4"
          title="Could not load the month's detail"
          message={errorMessage(q.error)}
          onRetry={() => void q.refetch()}
        />
      ) : (
        <MonthDetail data={q.data} />
      )}
    </Figures>
  );
}

function Figures({ overall: o, matrix, children }: { overall: Counts; matrix?: Matrix; children?: ReactNode }) {
  return (
    <div className="grid min-w-0 gap-5">
      <div className="flex flex-wrap items-end gap-x-6 gap-y-3">
        <div className="grid gap-0.5">
          <span className="text-xs text-muted-foreground">Overall</span>
          <span
            className={cn("text-3xl leading-9 font-semibold tabular-nums", BAND_TEXT[attainmentBand(o.attainment)])}
          >
            {formatAttainment(o.attainment)}
          </span>
        </div>
        <p className="pb-1 text-sm text-muted-foreground">
          {plural(o.met, "clock")} met, {o.breached} breached, {o.open} still open.
        </p>
      </div>
      {matrix ? <MatrixDetail matrix={matrix} /> : null}
      {children}
    </div>
  );
}

function MatrixDetail({ matrix }: { matrix: Matrix }) {
  return (
    <>
      <div className="grid gap-2">
        <h3 className="text-sm font-semibold">By metric</h3>
        <ul className="grid gap-2 sm:grid-cols-2">
          {matrix.byMetric.map((m) => (
            <li key={m.metric} className="grid gap-1 rounded-md border border-border px-3 py-2">
              <div className="flex items-baseline justify-between gap-2 text-sm">
                <span className="font-medium">{METRIC_LABELS[m.metric]}</span>
                <span className="tabular-nums">{formatAttainment(m.attainment)}</span>
              </div>
              <Bar share={m.attainment} />
              <span className="text-xs text-muted-foreground tabular-nums">
                {m.met + m.breached ? `${m.met} of ${m.met + m.breached} met` : "nothing decided"}
                {m.open ? `, ${m.open} open` : ""}
              </span>
            </li>
          ))}
        </ul>
      </div>

      <div className="grid min-w-0 gap-2">
        <h3 className="text-sm font-semibold">By severity and metric</h3>
        <Table framed className="text-[13px]">
          <THead>
            <TR>
              <TH>Severity</TH>
              {METRICS.map((m) => (
                <TH key={m} className="text-center">
                  {METRIC_LABELS[m]}
                </TH>
              ))}
            </TR>
          </THead>
          <TBody>
            {matrix.bySeverity.map((s) => (
              <TR key={s.severity} className="hover:bg-transparent">
                <TH scope="row" className="text-foreground">
                  <SeverityBadge severity={s.severity} />
                </TH>
                {s.metrics.map((c) => (
                  <TD key={c.metric} className="px-1.5 py-1.5 text-center">
                    <MatrixCell counts={c} />
                  </TD>
                ))}
              </TR>
            ))}
          </TBody>
        </Table>
      </div>
    </>
  );
}

function MatrixCell({ counts: c }: { counts: Counts }) {
  const decided = c.met + c.breached;
  if (!decided && !c.open) return <span className="text-muted-foreground">—</span>;
  const band = attainmentBand(c.attainment);
  return (
    <span className={cn("grid min-w-20 rounded-md border px-2 py-1", BAND_CLASSES[band])}>
      <span className="font-semibold tabular-nums">{formatAttainment(c.attainment)}</span>
      <span className="text-[11px] tabular-nums">
        {decided ? `${c.met}/${decided}` : ""}
        {decided && c.open ? " · " : ""}
        {c.open ? `${c.open} open` : ""}
      </span>
    </span>
  );
}

function Bar({ share }: { share: number | null }) {
  const band = attainmentBand(share);
  return (
    <span aria-hidden="true" className="block h-1.5 rounded-full bg-muted">
      {share !== null ? (
        <span
          className={cn("block h-1.5 rounded-full", BAND_BAR[band])}
          style={{ width: `${Math.max(2, share * 100)}%` }}
        />
      ) : null}
    </span>
  );
}

/** The customer's own month: time-to medians and the breaches with their cause. */
function MonthDetail({ data: d }: { data: MonthData }) {
  const timeTo = METRICS.map((m) => d.timeTo.find((t) => t.metric === m)).filter((t) => t !== undefined);
  return (
    <>
      <div className="grid gap-2">
        <h3 className="text-sm font-semibold">Median time to</h3>
        {timeTo.length ? (
          <ul className="flex flex-wrap gap-x-5 gap-y-1 text-sm">
            {timeTo.map((t) => (
              <li key={t.metric}>
                <span className="text-muted-foreground">{METRIC_SHORT[t.metric]}</span>{" "}
                <span className="font-medium tabular-nums">{formatDuration(t.medianMs)}</span>{" "}
                <span className="text-xs text-muted-foreground">(n = {t.count})</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-muted-foreground">No clock stopped this month.</p>
        )}
        <p className="text-xs text-muted-foreground">
          Month boundaries in {d.timeZone.replaceAll("_", " ")}. SLA time: pauses and hours outside coverage not
          counted.
        </p>
      </div>
      <div className="grid gap-2">
        <h3 className="text-sm font-semibold">Breaches ({d.breaches.length})</h3>
        {d.breaches.length === 0 ? (
          <p className="text-sm text-muted-foreground">No breaches this month.</p>
        ) : (
          <ul className="grid divide-y divide-border rounded-md border border-border text-sm">
            {d.breaches.map((b) => (
              <li key={b.clockId} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2">
                <Link
                  href={`/console/incidents/${b.incidentId}`}
                  className="font-mono text-xs font-medium text-primary hover:underline"
                >
                  {b.reference}
                </Link>
                <SeverityBadge severity={b.severity} />
                <span className="font-medium">{METRIC_LABELS[b.metric]}</span>
                <span className="text-muted-foreground">
                  target {formatTarget(b.targetMinutes)}
                  {b.stopAt ? `, ${formatDuration(b.elapsedMs - b.targetMinutes * 60_000)} late` : ", not stopped"}
                </span>
                <span className="ml-auto text-xs text-muted-foreground">{b.onDuty ?? "Unassigned"}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </>
  );
}
