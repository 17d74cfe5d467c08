"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Eye, Server } from "lucide-react";
import { useMemo, useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Card } from "@/app/_components/ui/card";
import { Checkbox } from "@/app/_components/ui/checkbox";
import { Input } from "@/app/_components/ui/input";
import Link from "@/app/_components/ui/link";
import { PageHeader } from "@/app/_components/ui/page-header";
import { Pager } from "@/app/_components/ui/pager";
import { useTRPC } from "@/app/_lib/trpc/client";
import { useUrlParams } from "@/app/_lib/use-url-params";
import { TableSkeleton } from "../_components/page-skeleton";
import { QueryError } from "../_components/query-error";
import { CellDialog, type OpenCell } from "./cell-dialog";
import { readMatrixParams } from "./matrix-params";
import { MatrixSummary } from "./matrix-summary";
import { MatrixTable } from "./matrix-table";

/** Customers × sensor classes against the contract, worst first; refreshes every 30 s. */
export function CoverageView() {
  const trpc = useTRPC();
  const url = useUrlParams();
  const p = useMemo(() => readMatrixParams(url.get), [url.get]);
  const [open, setOpen] = useState<OpenCell | null>(null);
  const matrix = useQuery({
    ...trpc.coverage.matrix.queryOptions({ state: p.state, search: p.q || undefined, page: p.page }),
    refetchInterval: 30_000,
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <PageHeader
        title="Coverage"
        description="Every customer's sensor classes against what the contract sells, the ones that need action first."
        actions={
          <div className="flex flex-wrap gap-2">
            <Button variant="outline" asChild>
              <Link href="/console/assets">
                <Server aria-hidden="true" />
                Assets
              </Link>
            </Button>
            <Button variant="outline" asChild>
              <Link href="/console/visibility">
                <Eye aria-hidden="true" />
                ATT&CK visibility
              </Link>
            </Button>
          </div>
        }
      />
      <div className="grid gap-4">
        {matrix.data ? <MatrixSummary summary={matrix.data.summary} at={matrix.data.at} /> : null}
        <div className="flex flex-wrap items-center gap-x-5 gap-y-2">
          <Input
            type="search"
            aria-label="Search customers"
            placeholder="Search customers"
            className="w-full sm:w-64"
            defaultValue={p.q}
            onChange={(e) => url.set({ q: e.target.value, page: null })}
          />
          <Checkbox
            label="Needs action only"
            checked={p.state === "action"}
            onChange={(e) => url.set({ show: e.target.checked ? "action" : null, page: null })}
          />
        </div>
        {matrix.isPending ? (
          <TableSkeleton rows={8} />
        ) : matrix.isError ? (
          <QueryError
            error={matrix.error}
            onRetry={() => matrix.refetch()}
            title="Could not load the coverage matrix"
          />
        ) : (
          <Card className="overflow-hidden p-0">
            <MatrixTable data={matrix.data} onOpen={setOpen} />
            {matrix.data.pages > 1 ? (
              <div className="border-t p-3">
                <Pager
                  page={matrix.data.page}
                  pageSize={50}
                  total={matrix.data.total}
                  noun="customer"
                  onPage={(page) => url.set({ page: page > 1 ? String(page) : null })}
                />
              </div>
            ) : null}
          </Card>
        )}
      </div>
      <CellDialog cell={open} onClose={() => setOpen(null)} />
    </>
  );
}
