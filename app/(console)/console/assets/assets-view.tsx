"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Monitor, SearchX } from "lucide-react";
import { useCallback, useMemo } from "react";
import { assetHref, listInput, readAssetParams } from "@/app/_components/coverage/asset-params";
import { AssetTable } from "@/app/_components/coverage/asset-table";
import { EdrCoverage } from "@/app/_components/coverage/edr-coverage";
import { ImportDialog } from "@/app/_components/coverage/import-dialog";
import { Button } from "@/app/_components/ui/button";
import { Card } from "@/app/_components/ui/card";
import { PageHeader } from "@/app/_components/ui/page-header";
import { Pager } from "@/app/_components/ui/pager";
import { EmptyState } from "@/app/_components/ui/states";
import { useTRPC } from "@/app/_lib/trpc/client";
import { useUrlParams } from "@/app/_lib/use-url-params";
import { DateTime } from "../_components/date-time";
import { TableSkeleton } from "../_components/page-skeleton";
import { QueryError } from "../_components/query-error";
import { AssetsFilters } from "./assets-filters";

export function AssetsView({ canImport }: { canImport: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const url = useUrlParams();
  const params = useMemo(() => readAssetParams((k) => url.params.get(k)), [url.params]);
  const onChange = useCallback((patch: Record<string, string>) => url.set(patch), [url.set]);
  // The picked customer's name, from the picker's own lookup by id (the same query, so no second request).
  const picked = useQuery({
    ...trpc.customers.options.queryOptions({ id: params.customer }),
    enabled: Boolean(params.customer),
  });
  const list = useQuery({ ...trpc.assets.list.queryOptions(listInput(params)), placeholderData: keepPreviousData });
  const coverage = useQuery({
    ...trpc.assets.coverage.queryOptions({ customerId: params.customer }),
    enabled: Boolean(params.customer),
  });
  const importer = useMutation(
    trpc.assets.import.mutationOptions({
      onSuccess: (r) => {
        if (r.ok) void queryClient.invalidateQueries({ queryKey: trpc.assets.pathKey() });
      },
    }),
  );
  const customerName = picked.data?.[0]?.name;

  return (
    <>
      <PageHeader
        title="Assets"
        description="Every customer's hosts, learned from alerts, sensor inventories and imports, with their EDR coverage."
        actions={
          canImport && params.customer ? (
            <ImportDialog
              pending={importer.isPending}
              onImport={(csv) => importer.mutateAsync({ customerId: params.customer, csv })}
            />
          ) : null
        }
      />
      <div className="grid gap-4">
        <AssetsFilters params={params} onChange={onChange} />
        {params.customer && coverage.data ? (
          <section aria-label={`EDR coverage of ${customerName ?? "this customer"}`}>
            <EdrCoverage data={coverage.data} hrefFor={(id) => assetHref({ id, customerId: params.customer })} />
          </section>
        ) : null}
        {params.customer && coverage.isError ? (
          <QueryError title="Could not load coverage" error={coverage.error} onRetry={() => coverage.refetch()} />
        ) : null}
        {list.isPending ? (
          <TableSkeleton rows={8} />
        ) : list.isError ? (
          <Card>
            <QueryError title="Could not load assets" error={list.error} onRetry={() => list.refetch()} />
          </Card>
        ) : list.data.total === 0 ? (
          <Card>
            <EmptyState
              icon={params.q || params.criticality || params.coverage ? SearchX : Monitor}
              title={
                params.q || params.criticality || params.coverage ? "No assets match these filters" : "No assets yet"
              }
              description={
                canImport && !params.customer
                  ? "Assets appear as sensors report hosts. Pick a customer to import a CSV inventory."
                  : "Assets appear as sensors report hosts, or from a CSV import."
              }
              action={
                params.q || params.criticality || params.coverage ? (
                  <Button
                    variant="outline"
                    size="sm"
                    onClick={() => onChange({ q: "", criticality: "", coverage: "", page: "" })}
                  >
                    Clear filters
                  </Button>
                ) : null
              }
            />
          </Card>
        ) : (
          <div className="grid gap-3">
            <AssetTable
              rows={list.data.rows}
              showCustomer={!params.customer}
              hrefFor={assetHref}
              date={(d) => <DateTime value={d} mode="relative" />}
            />
            <Pager
              page={params.page}
              pageSize={50}
              total={list.data.total}
              noun="asset"
              onPage={(page) => onChange({ page: page === 1 ? "" : String(page) })}
            />
          </div>
        )}
      </div>
    </>
  );
}
