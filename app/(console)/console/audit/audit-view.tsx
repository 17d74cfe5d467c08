"use client";

import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { ScrollText, SearchX } from "lucide-react";
import { useCallback, useMemo } from "react";
import { Button } from "@/app/_components/ui/button";
import { Card } from "@/app/_components/ui/card";
import { PageHeader } from "@/app/_components/ui/page-header";
import { EmptyState } from "@/app/_components/ui/states";
import { useTRPC } from "@/app/_lib/trpc/client";
import { useUrlParams } from "@/app/_lib/use-url-params";
import { TableSkeleton } from "../_components/page-skeleton";
import { QueryError } from "../_components/query-error";
import { AuditFiltersBar } from "./audit-filters";
import { type AuditFilters, hasFilters, readFilters, toInput } from "./audit-params";
import { AuditTable } from "./audit-table";
import { useVerifyChain, VerifyChainButton, VerifyChainResult } from "./verify-chain";

export function AuditView({ canVerify }: { canVerify: boolean }) {
  const trpc = useTRPC();
  const url = useUrlParams();
  const filters = useMemo(() => readFilters((k) => url.params.get(k)), [url.params]);
  const input = useMemo(() => toInput(filters), [filters]);
  const setFilters = useCallback((patch: Partial<AuditFilters>) => url.set(patch), [url.set]);

  const actions = useQuery(trpc.audit.actions.queryOptions());
  const log = useInfiniteQuery(
    trpc.audit.list.infiniteQueryOptions(input, {
      getNextPageParam: (page) => page.nextCursor,
      placeholderData: keepPreviousData,
    }),
  );
  const verify = useVerifyChain();

  const entries = useMemo(() => log.data?.pages.flatMap((p) => p.items) ?? [], [log.data]);

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change made by staff, customers and the system, in a tamper-evident hash chain."
        actions={canVerify ? <VerifyChainButton verify={verify} /> : null}
      />
      <div className="grid gap-4">
        <VerifyChainResult verify={verify} />
        <AuditFiltersBar filters={filters} actions={actions.data ?? []} onChange={setFilters} />
        {log.isPending ? (
          <TableSkeleton rows={8} />
        ) : log.isError && !log.data ? (
          <Card>
            <QueryError title="Could not load the audit log" error={log.error} onRetry={() => log.refetch()} />
          </Card>
        ) : entries.length === 0 ? (
          <Card>
            {hasFilters(filters) ? (
              <EmptyState
                icon={SearchX}
                title="No entries match these filters"
                description="Widen the date range or clear a filter."
                action={
                  <Button
                    variant="outline"
                    size="sm"
                    onClick={() => setFilters({ customer: "", action: "", actor: "", from: "", to: "" })}
                  >
                    Clear filters
                  </Button>
                }
              />
            ) : (
              <EmptyState
                icon={ScrollText}
                title="The audit log is empty"
                description="Changes will be recorded here."
              />
            )}
          </Card>
        ) : (
          <div
            className={log.isPlaceholderData ? "grid gap-3 opacity-60 transition-opacity" : "grid gap-3"}
            aria-busy={log.isFetching}
          >
            <AuditTable entries={entries} />
            <div className="flex flex-wrap items-center justify-between gap-3 text-sm text-muted-foreground">
              <span aria-live="polite">
                Showing {entries.length.toLocaleString("en-GB")} {entries.length === 1 ? "entry" : "entries"}
                {log.hasNextPage ? "" : hasFilters(filters) ? ", all that match" : ", back to the first entry"}
              </span>
              {log.hasNextPage ? (
                <Button variant="outline" loading={log.isFetchingNextPage} onClick={() => log.fetchNextPage()}>
                  Load older entries
                </Button>
              ) : null}
            </div>
            {log.isFetchNextPageError ? (
              <p role="alert" className="text-sm text-destructive">
                Could not load more entries. Try again.
              </p>
            ) : null}
          </div>
        )}
      </div>
    </>
  );
}
