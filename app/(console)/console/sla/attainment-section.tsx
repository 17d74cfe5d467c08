"use client";

import { CalendarRange, SearchX } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Card, CardContent } from "@/app/_components/ui/card";
import { Pager } from "@/app/_components/ui/pager";
import { EmptyState, LoadingState } from "@/app/_components/ui/states";
import { Table, TBody, TD, TH, THead, TR } from "@/app/_components/ui/table";
import { cn } from "@/app/_lib/cn";
import type { Metric, SlaSeverity } from "@/db/schema/contracts";
import type { CustomerListParams } from "../_components/customer-list-params";
import { CustomerListToolbar } from "../_components/customer-list-toolbar";
import { QueryError } from "../_components/query-error";
import type { RouterOutputs } from "../_components/types";
import {
  attainmentBand,
  BAND_CLASSES,
  BAND_LABELS,
  formatAttainment,
  METRICS,
  monthLabel,
  SLA_SEVERITIES,
} from "./_lib/sla-format";
import { AttainmentDialog, type DialogTarget } from "./attainment-dialog";
import { SectionHeading } from "./section-heading";
import { ATTAINMENT_SORT_OPTIONS, ATTAINMENT_SORTS, type AttainmentSort } from "./sla-params";

export type AttainmentData = RouterOutputs["sla"]["attainment"];
export type AttainmentQuery = {
  data?: AttainmentData;
  isPending: boolean;
  isError: boolean;
  isPlaceholderData: boolean;
  error: unknown;
  refetch: () => unknown;
};

type Counts = { met: number; breached: number; open: number; attainment: number | null };
export type Matrix = {
  bySeverity: { severity: SlaSeverity; metrics: ({ metric: Metric } & Counts)[] }[];
  byMetric: ({ metric: Metric } & Counts)[];
  overall: Counts;
};

const share = (met: number, breached: number) => (met + breached ? met / (met + breached) : null);

/** The server's matrices added up (one customer's month as is; several for an "all customers" total). */
export function sumMatrices(list: readonly Pick<AttainmentData["cells"][number], "bySeverity">[]): Matrix {
  const bySeverity = SLA_SEVERITIES.map((severity) => ({
    severity,
    metrics: METRICS.map((metric) => {
      let met = 0;
      let breached = 0;
      let open = 0;
      for (const m of list) {
        const c = m.bySeverity.find((s) => s.severity === severity)?.metrics.find((x) => x.metric === metric);
        met += c?.met ?? 0;
        breached += c?.breached ?? 0;
        open += c?.open ?? 0;
      }
      return { metric, met, breached, open, attainment: share(met, breached) };
    }),
  }));
  const byMetric = METRICS.map((metric) => {
    const cells = bySeverity.map((s) => s.metrics.find((m) => m.metric === metric)!);
    const met = cells.reduce((a, c) => a + c.met, 0);
    const breached = cells.reduce((a, c) => a + c.breached, 0);
    const open = cells.reduce((a, c) => a + c.open, 0);
    return { metric, met, breached, open, attainment: share(met, breached) };
  });
  const met = byMetric.reduce((a, c) => a + c.met, 0);
  const breached = byMetric.reduce((a, c) => a + c.breached, 0);
  const open = byMetric.reduce((a, c) => a + c.open, 0);
  return { bySeverity, byMetric, overall: { met, breached, open, attainment: share(met, breached) } };
}

/** Customer × month grid of overall attainment, a page of customers at a time; each cell opens its detail. */
export function AttainmentSection({
  query,
  list,
  filtered,
  onList,
}: {
  query: AttainmentQuery;
  list: CustomerListParams<AttainmentSort>;
  /** One customer picked in the page header: no search, sort or pager. */
  filtered: boolean;
  onList: (next: { q?: string | null; sort?: string | null; page?: number | null }) => void;
}) {
  const [target, setTarget] = useState<DialogTarget | null>(null);
  const data = query.data;
  const months = data?.months ?? [];
  const current = months[months.length - 1];
  const gridRef = useRef<HTMLDivElement>(null);
  // On a narrow screen the grid scrolls sideways: start at the newest months, which matter most.
  useEffect(() => {
    const scroller = gridRef.current?.firstElementChild;
    if (current && scroller instanceof HTMLElement) scroller.scrollLeft = scroller.scrollWidth;
  }, [current]);

  // The server sends the page's customers in order (a customer with no clocks has a row and shows "—").
  const rows = data?.customers ?? [];
  const cellOf = (id: string, month: string) => data?.cells.find((c) => c.customerId === id && c.month === month);
  // Provider-wide, summed in the database: every customer, whatever the search or page.
  const totals = (data?.totals ?? []).map((t) => ({ month: t.month, matrix: sumMatrices([t]) }));
  const total = data?.total ?? 0;

  return (
    <Card id="attainment" className="scroll-mt-20">
      <SectionHeading
        title="Attainment"
        description={`Share of decided clocks that met their target (met ÷ met + breached), by the month the clock started in the customer's time zone. Open clocks count once decided. Last ${months.length || 6} months; select a cell for its detail.`}
      />
      {filtered ? null : (
        <div className="px-5 pb-4">
          <CustomerListToolbar
            q={list.q}
            sort={list.sort}
            sorts={ATTAINMENT_SORT_OPTIONS}
            onChange={(next) =>
              onList({
                ...(next.q !== undefined ? { q: next.q || null } : {}),
                ...(next.sort ? { sort: next.sort === ATTAINMENT_SORTS[0] ? null : next.sort } : {}),
                page: null,
              })
            }
          />
        </div>
      )}
      <CardContent className="px-0 pb-0">
        {query.isPending ? (
          <LoadingState label="Loading attainment…" className="px-5" />
        ) : query.isError && !data ? (
          <QueryError title="Could not load attainment" error={query.error} onRetry={() => query.refetch()} />
        ) : rows.length === 0 && list.q && !filtered ? (
          <EmptyState
            icon={SearchX}
            className="border-t border-border py-10"
            title={`No customer matches “${list.q}”`}
            action={
              <Button variant="outline" size="sm" onClick={() => onList({ q: null, page: null })}>
                Clear search
              </Button>
            }
          />
        ) : rows.length === 0 ? (
          <EmptyState
            icon={CalendarRange}
            className="border-t border-border py-10"
            title={total ? "No customers on this page" : "No customers yet"}
            description={
              total ? undefined : "Clocks start when an incident of a severity with a contract target opens."
            }
            action={
              total ? (
                <Button variant="outline" size="sm" onClick={() => onList({ page: null })}>
                  Go to the first page
                </Button>
              ) : undefined
            }
          />
        ) : (
          <div ref={gridRef}>
            <Table
              className={cn("text-[13px]", query.isPlaceholderData && "opacity-60")}
              wrapperClassName="border-t border-border"
            >
              <caption className="sr-only">
                Overall SLA attainment by customer and month
                {list.sort === "worst" ? ", worst attainment first" : ", by name"}. Each cell is a button that opens the
                month's detail.
              </caption>
              <THead>
                <TR>
                  <TH className="sticky left-0 z-10 bg-card pl-5">Customer</TH>
                  {months.map((m) => (
                    <TH key={m} className="text-center">
                      {monthLabel(m)}
                      {m === current ? <span className="block text-[11px] font-normal">to date</span> : null}
                    </TH>
                  ))}
                </TR>
              </THead>
              <TBody>
                {rows.map((r) => (
                  <TR key={r.id} className="hover:bg-transparent">
                    <TH scope="row" className="sticky left-0 z-10 max-w-48 bg-card pl-5 font-medium text-foreground">
                      <span className="line-clamp-2 whitespace-normal break-words">{r.name}</span>
                    </TH>
                    {months.map((m) => {
                      const cell = cellOf(r.id, m);
                      return (
                        <TD key={m} className="px-1.5 py-1.5 text-center">
                          <GridCell
                            label={`${r.name}, ${monthLabel(m)}`}
                            matrix={cell ? sumMatrices([cell]) : null}
                            onOpen={(matrix) =>
                              setTarget({ customerId: r.id, title: r.name, month: m, current: m === current, matrix })
                            }
                          />
                        </TD>
                      );
                    })}
                  </TR>
                ))}
                {total > 1 ? (
                  <TR className="border-t-2 hover:bg-transparent">
                    <TH scope="row" className="sticky left-0 z-10 bg-card pl-5 font-semibold text-foreground">
                      All customers
                    </TH>
                    {totals.map(({ month, matrix }) => (
                      <TD key={month} className="px-1.5 py-1.5 text-center">
                        <GridCell
                          label={`All customers, ${monthLabel(month)}`}
                          matrix={matrix.overall.met + matrix.overall.breached + matrix.overall.open ? matrix : null}
                          onOpen={(mx) =>
                            setTarget({ title: "All customers", month, current: month === current, matrix: mx })
                          }
                        />
                      </TD>
                    ))}
                  </TR>
                ) : null}
              </TBody>
            </Table>
            {filtered ? null : (
              <div className="border-t border-border px-5 py-3">
                <Pager
                  page={data?.page ?? 1}
                  pageSize={data?.pageSize ?? 25}
                  total={total}
                  noun="customer"
                  label="Pages of customers"
                  onPage={(page) => onList({ page })}
                />
              </div>
            )}
            <Legend />
          </div>
        )}
      </CardContent>
      <AttainmentDialog target={target} onClose={() => setTarget(null)} />
    </Card>
  );
}

function GridCell({ label, matrix, onOpen }: { label: string; matrix: Matrix | null; onOpen: (m: Matrix) => void }) {
  if (!matrix) {
    return (
      <span
        className={cn("grid min-w-20 rounded-md border px-2 py-1.5", BAND_CLASSES.none)}
        title="No SLA clocks started this month"
      >
        <span className="text-sm font-semibold">—</span>
        <span className="text-[11px]">no clocks</span>
      </span>
    );
  }
  const { met, breached, open, attainment } = matrix.overall;
  const band = attainmentBand(attainment);
  const decided = met + breached;
  const detail = decided ? `${met}/${decided} met` : `${open} open`;
  return (
    <button
      type="button"
      onClick={() => onOpen(matrix)}
      className={cn(
        "grid w-full min-w-20 rounded-md border px-2 py-1.5 transition-[filter] hover:brightness-95 dark:hover:brightness-125",
        BAND_CLASSES[band],
      )}
    >
      {/* The accessible name starts with the visible text (WCAG 2.5.3), then the context a screen reader needs. */}
      <span className="text-sm font-semibold tabular-nums">{formatAttainment(attainment)}</span>
      <span className="text-[11px] tabular-nums">{detail}</span>
      <span className="sr-only">
        {` ${label}: ${met} met, ${breached} breached, ${open} open${attainment === null ? ", nothing decided yet" : ""}. Show detail.`}
      </span>
    </button>
  );
}

function Legend() {
  const items = [
    { band: "good", text: "≥ 95 %" },
    { band: "watch", text: "85–95 %" },
    { band: "poor", text: "< 85 %" },
    { band: "none", text: "— nothing decided" },
  ] as const;
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1 border-t border-border px-5 py-3 text-xs text-muted-foreground">
      {items.map((i) => (
        <li key={i.band} className="inline-flex items-center gap-1.5">
          <span aria-hidden="true" className={cn("size-3 rounded-sm border", BAND_CLASSES[i.band])} />
          {i.text}
          <span className="sr-only"> ({BAND_LABELS[i.band]})</span>
        </li>
      ))}
      <li className="basis-full sm:ml-auto sm:basis-auto">Numbers are rounded down.</li>
    </ul>
  );
}
