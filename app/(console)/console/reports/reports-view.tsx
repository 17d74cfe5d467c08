"use client";

import { useQuery } from "@tanstack/react-query";
import { Building2, SearchX } from "lucide-react";
import { useMemo, useState } from "react";
import { PdfPreviewDialog, type PreviewTarget } from "@/app/_components/reports/pdf-preview-dialog";
import { Button } from "@/app/_components/ui/button";
import { Card } from "@/app/_components/ui/card";
import { EmptyState } from "@/app/_components/ui/states";
import { useTRPC } from "@/app/_lib/trpc/client";
import { useUrlParams } from "@/app/_lib/use-url-params";
import { formatMonth } from "@/lib/format";
import { FilterInput } from "../_components/filter-input";
import { FlashMessage, useFlash } from "../_components/flash";
import { TableSkeleton } from "../_components/page-skeleton";
import { QueryError } from "../_components/query-error";
import { GenerateDialog } from "./generate-dialog";
import { MonthEndCard } from "./month-end-card";
import type { CellAction } from "./report-cell";
import { isBusy, MATRIX_MONTHS } from "./report-labels";
import { ReportMatrixTable } from "./report-matrix";
import { VersionsDialog } from "./versions-dialog";

export function ReportsView({ canGenerate }: { canGenerate: boolean }) {
  const trpc = useTRPC();
  const matrix = useQuery({
    ...trpc.reports.matrix.queryOptions({ months: MATRIX_MONTHS }),
    // While any report is queued or rendering, follow it to the end.
    refetchInterval: (q) =>
      q.state.data?.customers.some((c) => c.cells.some((cell) => isBusy(cell.status))) ? 1500 : false,
  });
  const url = useUrlParams();
  const [q, setQ] = useState(() => url.get("q"));
  const [action, setAction] = useState<CellAction | null>(null);
  const [preview, setPreview] = useState<PreviewTarget | null>(null);
  const { flash, show, dismiss } = useFlash();

  const customers = matrix.data?.customers ?? [];
  const filtered = useMemo(() => {
    const needle = q.trim().toLowerCase();
    return needle ? customers.filter((c) => c.name.toLowerCase().includes(needle)) : customers;
  }, [customers, q]);

  function filter(value: string) {
    setQ(value);
    url.set({ q: value.trim() || null });
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
  if (customers.length === 0) {
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
  const ended = matrix.data.months.filter((m) =>
    customers.some((c) => c.cells.some((x) => x.month === m && x.status !== "not-ended")),
  );
  return (
    <div className="grid gap-6">
      <MonthEndCard months={ended} canGenerate={canGenerate} />
      <div className="grid gap-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <FilterInput label="Filter customers" placeholder="Filter by customer name…" value={q} onChange={filter} />
          <p className="text-sm text-muted-foreground" aria-live="polite">
            {filtered.length === customers.length
              ? `${customers.length} customer${customers.length === 1 ? "" : "s"}`
              : `${filtered.length} of ${customers.length} customers`}
          </p>
        </div>
        <Card className="overflow-hidden">
          {filtered.length === 0 ? (
            <EmptyState
              icon={SearchX}
              title={`No customer matches “${q.trim()}”`}
              action={
                <Button variant="outline" size="sm" onClick={() => filter("")}>
                  Clear filter
                </Button>
              }
            />
          ) : (
            <ReportMatrixTable
              months={matrix.data.months}
              customers={filtered}
              canGenerate={canGenerate}
              onAction={onAction}
            />
          )}
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
