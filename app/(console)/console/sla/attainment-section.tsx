"use client";

import { CalendarRange, SearchX } from "lucide-react";
import { useEffect, useMemo, useRef, useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Card, CardContent } from "@/app/_components/ui/card";
import { Pager } from "@/app/_components/ui/pager";
import { EmptyState, LoadingState } from "@/app/_components/ui/states";
import { Table, TBody, TD, TH, THead, TR } from "@/app/_components/ui/table";
import { cn } from "@/app/_lib/cn";
import { type CustomerListParams, type ListChange, toolbarChange } from "../_components/customer-list-params";
import { CustomerListToolbar } from "../_components/customer-list-toolbar";
import { QueryError } from "../_components/query-error";
import type { RouterOutputs } from "../_components/types";
import { attainmentBand, BAND_CLASSES, BAND_LABELS, formatAttainment, monthLabel } from "./_lib/sla-format";
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

type Cell = AttainmentData["cells"][number];
type Counts = Pick<Cell, "met" | "breached" | "open" | "attainment">;

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
  onList: (next: ListChange) => void;
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
  // Each cell's overall as the server tallied it (the detail is read when a cell opens).
  const cells = useMemo(() => new Map((data?.cells ?? []).map((c) => [`${c.customerId}|${c.month}`, c])), [data]);
  // Provider-wide, summed in the database: every customer, whatever the search or page.
  const totals = data?.totals ?? [];
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
            onChange={(next) => onList(toolbarChange(next, ATTAINMENT_SORTS[0]))}
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
                      const cell = cells.get(`${r.id}|${m}`);
                      return (
                        <TD key={m} className="px-1.5 py-1.5 text-center">
                          <GridCell
                            label={`${r.name}, ${monthLabel(m)}`}
                            counts={cell ?? null}
                            onOpen={() =>
                              cell &&
                              setTarget({
                                customerId: r.id,
                                title: r.name,
                                month: m,
                                current: m === current,
                                overall: cell,
                              })
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
                    {totals.map((t) => (
                      <TD key={t.month} className="px-1.5 py-1.5 text-center">
                        <GridCell
                          label={`All customers, ${monthLabel(t.month)}`}
                          counts={t.overall.met + t.overall.breached + t.overall.open ? t.overall : null}
                          onOpen={() =>
                            setTarget({
                              title: "All customers",
                              month: t.month,
                              current: t.month === current,
                              overall: t.overall,
                              matrix: t,
                            })
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

function GridCell({ label, counts, onOpen }: { label: string; counts: Counts | null; onOpen: () => void }) {
  if (!counts) {
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
  const { met, breached, open, attainment } = counts;
  const band = attainmentBand(attainment);
  const decided = met + breached;
  const detail = decided ? `${met}/${decided} met` : `${open} open`;
  return (
    <button
      type="button"
      onClick={onOpen}
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
