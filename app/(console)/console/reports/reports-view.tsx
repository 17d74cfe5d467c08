"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Building2, SearchX } from "lucide-react";
import { useMemo, useState } from "react";
import { PdfPreviewDialog, type PreviewTarget } from "@/app/_components/reports/pdf-preview-dialog";
import { Button } from "@/app/_components/ui/button";
import { Card } from "@/app/_components/ui/card";
import { Pager } from "@/app/_components/ui/pager";
import { EmptyState } from "@/app/_components/ui/states";
import { cn } from "@/app/_lib/cn";
import { useTRPC } from "@/app/_lib/trpc/client";
import { useUrlParams } from "@/app/_lib/use-url-params";
import { formatMonth } from "@/lib/format";
import { readCustomerListParams } from "../_components/customer-list-params";
import { CustomerListToolbar } from "../_components/customer-list-toolbar";
import { FlashMessage, useFlash } from "../_components/flash";
import { TableSkeleton } from "../_components/page-skeleton";
import { QueryError } from "../_components/query-error";
import { GenerateDialog } from "./generate-dialog";
import { MonthEndCard } from "./month-end-card";
import type { CellAction } from "./report-cell";
import { isBusy } from "./report-labels";
import { ReportMatrixTable } from "./report-matrix";
import { REPORT_SORT_OPTIONS, REPORT_SORTS, reportMatrixInput } from "./reports-params";
import { VersionsDialog } from "./versions-dialog";

export function ReportsView({ canGenerate }: { canGenerate: boolean }) {
  const trpc = useTRPC();
  const url = useUrlParams();
  const list = useMemo(() => readCustomerListParams(url.get, REPORT_SORTS), [url.get]);
  const matrix = useQuery({
    ...trpc.reports.matrix.queryOptions(reportMatrixInput(list)),
    placeholderData: keepPreviousData,
    // While any report on the page is queued or rendering, follow it to the end.
    refetchInterval: (q) =>
      q.state.data?.customers.some((c) => c.cells.some((cell) => isBusy(cell.status))) ? 1500 : false,
  });
  const [action, setAction] = useState<CellAction | null>(null);
  const [preview, setPreview] = useState<PreviewTarget | null>(null);
  const { flash, show, dismiss } = useFlash();

  const customers = matrix.data?.customers ?? [];
  /** Search, sort and page go to the URL; a new search or sort starts at the first page. */
  function setList(next: { q?: string | null; sort?: string | null; page?: number | null }) {
    url.set(next);
  }

  function onAction(a: CellAction) {
    if (a.kind === "preview" && a.cell.latest) {
      setPreview({
        returnFocus: a.trigger,
        versionId: a.cell.latest.id,
        title: `${a.customer.name}: ${formatMonth(a.cell.month)}`,
        description: `Version ${a.cell.latest.version} · ${a.cell.latest.pages} pages`,
      });
    } else setAction(a);
  }

  if (matrix.isPending) return <TableSkeleton rows={7} />;
  if (matrix.isError) {
    return (
      <Card>
        <QueryError title="Could not load the reports" error={matrix.error} onRetry={() => matrix.refetch()} />
      </Card>
    );
  }
  if (matrix.data.total === 0 && !list.q) {
    return (
      <Card>
        <EmptyState
          icon={Building2}
          title="No active customers"
          description="Reports are made per customer; once a customer is onboarded, its months appear here."
        />
      </Card>
    );
  }
  return (
    <div className="grid gap-6">
      <MonthEndCard months={matrix.data.ended} canGenerate={canGenerate} />
      <div className="grid gap-3">
        <CustomerListToolbar
          q={list.q}
          sort={list.sort}
          sorts={REPORT_SORT_OPTIONS}
          onChange={(next) =>
            setList({
              ...(next.q !== undefined ? { q: next.q || null } : {}),
              ...(next.sort ? { sort: next.sort === REPORT_SORTS[0] ? null : next.sort } : {}),
              page: null,
            })
          }
        />
        <Card className={cn("overflow-hidden", matrix.isPlaceholderData && "opacity-60")}>
          {customers.length === 0 ? (
            list.q ? (
              <EmptyState
                icon={SearchX}
                title={`No customer matches “${list.q}”`}
                action={
                  <Button variant="outline" size="sm" onClick={() => setList({ q: null, page: null })}>
                    Clear search
                  </Button>
                }
              />
            ) : (
              <EmptyState
                icon={Building2}
                title="No customers on this page"
                action={
                  <Button variant="outline" size="sm" onClick={() => setList({ page: null })}>
                    Go to the first page
                  </Button>
                }
              />
            )
          ) : (
            <ReportMatrixTable
              months={matrix.data.months}
              customers={customers}
              canGenerate={canGenerate}
              onAction={onAction}
            />
          )}
          {matrix.data.total > 0 ? (
            <div className="border-t border-border px-4 py-3 sm:px-5">
              <Pager
                page={matrix.data.page}
                pageSize={matrix.data.pageSize}
                total={matrix.data.total}
                noun="customer"
                label="Pages of customers"
                onPage={(page) => setList({ page: page > 1 ? page : null })}
              />
            </div>
          ) : null}
        </Card>
      </div>
      <GenerateDialog
        target={action?.kind === "generate" ? action : null}
        onClose={() => setAction(null)}
        returnFocus={action?.trigger ?? null}
        onQueued={(message) => show({ tone: "success", message })}
      />
      <VersionsDialog
        target={action?.kind === "versions" ? { customer: action.customer, month: action.cell.month } : null}
        onClose={() => setAction(null)}
        returnFocus={action?.trigger ?? null}
        onPreview={(v) =>
          setPreview({
            versionId: v.id,
            title: `${action?.customer.name ?? "Report"}: ${formatMonth(v.month)}`,
            description: `Version ${v.version} · ${v.pages} pages`,
          })
        }
      />
      <PdfPreviewDialog target={preview} onClose={() => setPreview(null)} />
      <FlashMessage flash={flash} onDismiss={dismiss} />
    </div>
  );
}
