"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Lightbulb } from "lucide-react";
import { useMemo, useState } from "react";
import { RecStatusBadge } from "@/app/_components/posture/rec-badges";
import { SeverityBadge } from "@/app/_components/ui/badge";
import { Card } from "@/app/_components/ui/card";
import { PageHeader } from "@/app/_components/ui/page-header";
import { Pager } from "@/app/_components/ui/pager";
import { EmptyState } from "@/app/_components/ui/states";
import { Table, TBody, TD, TH, THead, TR } from "@/app/_components/ui/table";
import { useTRPC } from "@/app/_lib/trpc/client";
import { useUrlParams } from "@/app/_lib/use-url-params";
import { CATEGORY_LABELS, ORIGIN_LABELS } from "@/server/recommendations/labels";
import { DateTime } from "../_components/date-time";
import { TableSkeleton } from "../_components/page-skeleton";
import { QueryError } from "../_components/query-error";
import { BulkBar } from "./bulk-bar";
import { NewRecommendation } from "./new-recommendation";
import { RecFiltersBar } from "./rec-filters";
import { readRecFilters, toRecInput } from "./rec-params";
import { StaffRecDialog } from "./staff-rec-dialog";

export function RecommendationsConsole({ canManage }: { canManage: boolean }) {
  const trpc = useTRPC();
  const url = useUrlParams();
  const filters = useMemo(() => readRecFilters((k) => url.params.get(k)), [url.params]);
  const list = useQuery({
    ...trpc.recommendations.list.queryOptions(toRecInput(filters)),
    placeholderData: keepPreviousData,
  });
  const [selected, setSelected] = useState<string[]>([]);
  const [open, setOpen] = useState<{ id: string; customerId: string } | null>(null);
  const rows = list.data?.rows ?? [];
  const toggle = (id: string) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]));
  return (
    <>
      <PageHeader
        title="Recommendations"
        description="Every customer's recommendations: rule-made ones raise and clear themselves; analysts write the rest."
        actions={canManage ? <NewRecommendation /> : null}
      />
      <div className="grid gap-4">
        <RecFiltersBar filters={filters} set={(p) => url.set({ ...p, page: null })} />
        {canManage && selected.length ? <BulkBar ids={selected} onDone={() => setSelected([])} /> : null}
        {list.isPending ? (
          <TableSkeleton rows={8} />
        ) : list.isError && !list.data ? (
          <Card>
            <QueryError title="Could not load recommendations" error={list.error} onRetry={() => list.refetch()} />
          </Card>
        ) : rows.length === 0 ? (
          <Card>
            <EmptyState icon={Lightbulb} title="No recommendations match" description="Widen the filters." />
          </Card>
        ) : (
          <>
            <Table framed className="text-[13px]">
              <THead>
                <TR>
                  {canManage ? (
                    <TH className="w-8">
                      <span className="sr-only">Select</span>
                    </TH>
                  ) : null}
                  <TH>Title</TH>
                  <TH>Customer</TH>
                  <TH>Severity</TH>
                  <TH>Status</TH>
                  <TH className="hidden lg:table-cell">Category</TH>
                  <TH className="hidden lg:table-cell">Origin</TH>
                  <TH className="hidden md:table-cell">Updated</TH>
                </TR>
              </THead>
              <TBody>
                {rows.map(({ rec, customerName }) => (
                  <TR key={rec.id}>
                    {canManage ? (
                      <TD>
                        <input
                          type="checkbox"
                          className="size-4 accent-primary"
                          aria-label={`Select ${rec.title}`}
                          checked={selected.includes(rec.id)}
                          onChange={() => toggle(rec.id)}
                        />
                      </TD>
                    ) : null}
                    <TD className="max-w-80">
                      <button
                        type="button"
                        className="break-words text-left font-medium text-primary underline-offset-4 hover:underline"
                        onClick={() => setOpen({ id: rec.id, customerId: rec.customerId })}
                      >
                        {rec.title}
                      </button>
                    </TD>
                    <TD className="max-w-40 break-words">{customerName}</TD>
                    <TD>
                      <SeverityBadge severity={rec.severity} />
                    </TD>
                    <TD>
                      <RecStatusBadge status={rec.status} />
                    </TD>
                    <TD className="hidden lg:table-cell">{CATEGORY_LABELS[rec.category]}</TD>
                    <TD className="hidden lg:table-cell">{ORIGIN_LABELS[rec.origin]}</TD>
                    <TD className="hidden md:table-cell">
                      <DateTime value={rec.updatedAt} />
                    </TD>
                  </TR>
                ))}
              </TBody>
            </Table>
            <Pager
              page={list.data!.page}
              pageSize={list.data!.pageSize}
              total={list.data!.total}
              onPage={(p) => url.set({ page: String(p) })}
            />
          </>
        )}
      </div>
      {open ? <StaffRecDialog {...open} canManage={canManage} onClose={() => setOpen(null)} /> : null}
    </>
  );
}
