"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Building2 } from "lucide-react";
import { useMemo, useState } from "react";
import { PdfPreviewDialog, type PreviewTarget } from "@/app/_components/reports/pdf-preview-dialog";
import { Card } from "@/app/_components/ui/card";
import { EmptyState } from "@/app/_components/ui/states";
import { useTRPC } from "@/app/_lib/trpc/client";
import { useUrlParams } from "@/app/_lib/use-url-params";
import { formatMonth } from "@/lib/format";
import { CustomerListCard } from "../_components/customer-list-card";
import { readCustomerListParams } from "../_components/customer-list-params";
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
      <CustomerListCard
        list={list}
        sorts={REPORT_SORT_OPTIONS}
        page={matrix.data.page}
        pageSize={matrix.data.pageSize}
        total={matrix.data.total}
        empty={customers.length === 0}
        fading={matrix.isPlaceholderData}
        icon={Building2}
        onList={setList}
      >
        <ReportMatrixTable
          months={matrix.data.months}
          customers={customers}
          canGenerate={canGenerate}
          onAction={onAction}
        />
      </CustomerListCard>
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
