"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Inbox, RotateCw, SearchX, X } from "lucide-react";
import { useCallback, useMemo, useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Card } from "@/app/_components/ui/card";
import { PageHeader } from "@/app/_components/ui/page-header";
import { Pager } from "@/app/_components/ui/pager";
import { EmptyState } from "@/app/_components/ui/states";
import { useTRPC } from "@/app/_lib/trpc/client";
import { useUrlParams } from "@/app/_lib/use-url-params";
import { type ActionAlert, AlertActions } from "../_components/alert-actions";
import { FlashMessage, useFlash } from "../_components/flash";
import { TableSkeleton } from "../_components/page-skeleton";
import { QueryError } from "../_components/query-error";
import { useNow } from "../_components/use-now";
import { QueueFiltersBar } from "./queue-filters";
import { FILTER_KEYS, hasQueueFilters, readQueueFilters, techniqueValid, toQueueInput } from "./queue-params";
import { QueueTable } from "./queue-table";

const REFRESH_MS = 15_000;

function ago(ms: number) {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 5) return "just now";
  if (s < 60) return `${s} s ago`;
  const m = Math.floor(s / 60);
  return `${m} min ago`;
}

export function QueueView({
  selfId,
  canTriage,
  canManageIncidents,
}: {
  selfId: string;
  canTriage: boolean;
  canManageIncidents: boolean;
}) {
  const trpc = useTRPC();
  const url = useUrlParams();
  const filters = useMemo(() => readQueueFilters((k) => url.params.get(k)), [url.params]);
  const input = useMemo(() => toQueueInput(filters, selfId), [filters, selfId]);
  const [dialogOpen, setDialogOpen] = useState(false);
  const [selection, setSelection] = useState<{ key: string; ids: Set<string> }>({ key: "", ids: new Set() });
  const { flash, show, dismiss } = useFlash();
  const now = useNow(5000);

  const queue = useQuery({
    ...trpc.alerts.queue.queryOptions(input),
    placeholderData: keepPreviousData,
    refetchInterval: dialogOpen ? false : REFRESH_MS,
  });
  const staff = useQuery(trpc.staff.list.queryOptions());

  // The selection belongs to one page of one filter: changing either starts afresh.
  const key = JSON.stringify(input);
  const selectedIds = selection.key === key ? selection.ids : new Set<string>();
  const rows = queue.data?.rows ?? [];
  const selectedRows = rows.filter((r) => selectedIds.has(r.id));

  const setFilters = useCallback((patch: Record<string, string>) => url.set({ ...patch, page: null }), [url.set]);
  const toggle = (id: string, checked: boolean) => {
    const next = new Set(selectedIds);
    if (checked) next.add(id);
    else next.delete(id);
    setSelection({ key, ids: next });
  };
  const toggleAll = (checked: boolean) =>
    setSelection({ key, ids: checked ? new Set(rows.map((r) => r.id)) : new Set() });
  const clearSelection = () => setSelection({ key, ids: new Set() });

  const actionAlerts: ActionAlert[] = selectedRows.map((r) => ({
    id: r.id,
    title: r.title,
    customerId: r.customerId,
    customerName: r.customerName,
    customerSlug: r.customerSlug,
    incidentId: r.incidentId,
    incidentReference: r.incidentReference,
    status: r.status,
  }));

  const total = queue.data?.total ?? 0;
  const pageSize = queue.data?.pageSize ?? 50;
  const page = queue.data?.page ?? filters.page;
  const _from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const _to = Math.min(total, page * pageSize);
  const filtered = hasQueueFilters(filters);
  const clearFilters = () => url.set({ ...Object.fromEntries(FILTER_KEYS.map((k) => [k, null])), page: null });

  return (
    <>
      <PageHeader
        title="Alert queue"
        description="Every customer's alerts, most severe first, then oldest. Triage them here or escalate them to an incident."
      />
      <div className="grid gap-4">
        <QueueFiltersBar filters={filters} staff={staff.data?.members ?? []} selfId={selfId} onChange={setFilters} />
        {!techniqueValid(filters.technique) ? (
          <p className="text-sm text-warning">
            “{filters.technique}” is not an ATT&CK technique id, so the technique filter is not applied.
          </p>
        ) : null}

        <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 text-sm">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <span className="font-medium" aria-live="polite">
              {queue.data ? `${total.toLocaleString("en-GB")} alert${total === 1 ? "" : "s"}` : "Loading alerts…"}
              {filtered && queue.data ? <span className="font-normal text-muted-foreground"> match</span> : null}
            </span>
            {filtered ? (
              <Button variant="link" size="sm" className="h-auto text-sm" onClick={clearFilters}>
                <X aria-hidden="true" className="size-3.5" />
                Clear filters
              </Button>
            ) : null}
          </div>
          <div className="flex items-center gap-2 text-xs text-muted-foreground">
            {queue.isRefetchError ? (
              <span className="text-warning">Could not refresh; retrying.</span>
            ) : queue.data && now ? (
              <span>
                Updated {ago(now - queue.dataUpdatedAt)}
                {dialogOpen ? " · paused" : ""}
              </span>
            ) : null}
            <Button
              variant="ghost"
              size="icon-sm"
              aria-label="Refresh now"
              title="Refresh now"
              disabled={queue.isFetching}
              onClick={() => queue.refetch()}
            >
              <RotateCw aria-hidden="true" className={queue.isFetching ? "animate-spin" : undefined} />
            </Button>
          </div>
        </div>

        {canTriage && selectedRows.length > 0 ? (
          <section
            aria-label="Bulk actions"
            className="sticky top-16 z-20 flex flex-wrap items-center gap-2 rounded-lg border border-primary/30 bg-card px-3 py-2 shadow-md"
          >
            <span className="mr-1 text-sm font-medium">
              {selectedRows.length} selected
              {new Set(selectedRows.map((r) => r.customerId)).size > 1 ? (
                <span className="font-normal text-muted-foreground">
                  {" "}
                  · {new Set(selectedRows.map((r) => r.customerId)).size} customers
                </span>
              ) : null}
            </span>
            <AlertActions
              alerts={actionAlerts}
              selfId={selfId}
              canTriage={canTriage}
              canManageIncidents={canManageIncidents}
              onDialogChange={setDialogOpen}
              onDone={(f) => {
                if (f.tone === "success") clearSelection();
                show(f);
              }}
            />
            <Button size="sm" variant="ghost" className="ml-auto" onClick={clearSelection}>
              Clear selection
            </Button>
          </section>
        ) : null}

        {queue.isPending ? (
          <TableSkeleton rows={10} />
        ) : queue.isError && !queue.data ? (
          <Card>
            <QueryError title="Could not load the queue" error={queue.error} onRetry={() => queue.refetch()} />
          </Card>
        ) : rows.length === 0 ? (
          <Card>
            {filtered || page > 1 ? (
              <EmptyState
                icon={SearchX}
                title={page > 1 && total > 0 ? "This page is empty" : "No alerts match these filters"}
                description={
                  page > 1 && total > 0 ? "The queue has fewer pages now." : "Widen the filters or clear them."
                }
                action={
                  <Button
                    variant="outline"
                    size="sm"
                    onClick={page > 1 && total > 0 ? () => url.set({ page: null }) : clearFilters}
                  >
                    {page > 1 && total > 0 ? "Back to the first page" : "Clear filters"}
                  </Button>
                }
              />
            ) : (
              <EmptyState
                icon={Inbox}
                title="The queue is clear"
                description="No open alerts right now. New alerts appear here as sensors send them; this page refreshes itself."
              />
            )}
          </Card>
        ) : (
          <div
            className={queue.isPlaceholderData ? "grid gap-3 opacity-60 transition-opacity" : "grid gap-3"}
            aria-busy={queue.isFetching}
          >
            <QueueTable
              rows={rows}
              selected={selectedIds}
              onToggle={toggle}
              onToggleAll={toggleAll}
              selectable={canTriage}
            />
            <Pager
              label="Queue pages"
              page={page}
              pageSize={pageSize}
              total={total}
              onPage={(p) => url.set({ page: p > 1 ? String(p) : null })}
            />
          </div>
        )}
      </div>
      <FlashMessage flash={flash} onDismiss={dismiss} />
    </>
  );
}
