"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { SearchX, ShieldCheck, X } from "lucide-react";
import { useCallback, useMemo } from "react";
import { Button } from "@/app/_components/ui/button";
import { Card } from "@/app/_components/ui/card";
import { Field } from "@/app/_components/ui/field";
import { Input } from "@/app/_components/ui/input";
import Link from "@/app/_components/ui/link";
import { PageHeader } from "@/app/_components/ui/page-header";
import { Pager } from "@/app/_components/ui/pager";
import { SafeText, visibleText } from "@/app/_components/ui/safe-text";
import { Select } from "@/app/_components/ui/select";
import { EmptyState } from "@/app/_components/ui/states";
import { Table, TBody, TD, TH, THead, TR } from "@/app/_components/ui/table";
import { cn } from "@/app/_lib/cn";
import { useTRPC } from "@/app/_lib/trpc/client";
import { useUrlParams } from "@/app/_lib/use-url-params";
import { CustomerPicker } from "../_components/customer-picker";
import { DateTime } from "../_components/date-time";
import { TableSkeleton } from "../_components/page-skeleton";
import { QueryError } from "../_components/query-error";
import { MIN_SEVERITY_OPTIONS, SeverityIdBadge } from "../_components/severity";
import { CustomerVisibilityBadge, IncidentStatusBadge } from "../_components/status-badges";
import type { RouterOutputs } from "../_components/types";
import { useDebouncedText } from "../_components/use-debounced-text";
import {
  hasIncidentFilters,
  INCIDENT_FILTER_KEYS,
  INCIDENT_STATUS_OPTIONS,
  readIncidentFilters,
  toIncidentInput,
} from "./incidents-params";

type Row = RouterOutputs["incidents"]["list"]["rows"][number];

/** The later of the incident row's last change and its latest alert event. */
const lastActivity = (r: Row) => new Date(Math.max(r.updatedAt.getTime(), r.latestEventTime.getTime()));

export function IncidentsView({ selfId }: { selfId: string }) {
  const trpc = useTRPC();
  const url = useUrlParams();
  const filters = useMemo(() => readIncidentFilters((k) => url.params.get(k)), [url.params]);
  const input = useMemo(() => toIncidentInput(filters, selfId), [filters, selfId]);
  const list = useQuery({
    ...trpc.incidents.list.queryOptions(input),
    placeholderData: keepPreviousData,
    refetchInterval: 30_000,
  });
  const staff = useQuery(trpc.staff.list.queryOptions());
  const setFilters = useCallback((patch: Record<string, string>) => url.set({ ...patch, page: null }), [url.set]);
  const [q, setQ] = useDebouncedText(filters.q, (v) => setFilters({ q: v }));
  const clear = () => {
    setQ("");
    url.set({ ...Object.fromEntries(INCIDENT_FILTER_KEYS.map((k) => [k, null])), page: null });
  };
  const filtered = hasIncidentFilters(filters);
  const members = staff.data?.members ?? [];
  const knownAssignee =
    !filters.assignee || filters.assignee === "mine" || members.some((m) => m.userId === filters.assignee);

  const rows = list.data?.rows ?? [];
  const total = list.data?.total ?? 0;
  const pageSize = list.data?.pageSize ?? 25;
  const page = list.data?.page ?? filters.page;
  const _from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const _to = Math.min(total, page * pageSize);

  return (
    <>
      <PageHeader
        title="Incidents"
        description="Every customer's incidents, most severe first, then by latest activity."
      />
      <div className="grid gap-4">
        <search
          aria-label="Filter incidents"
          className="grid grid-cols-2 gap-x-3 gap-y-2 sm:grid-cols-3 lg:grid-cols-[minmax(0,1.5fr)_repeat(4,minmax(0,1fr))]"
        >
          <Field label="Search" className="col-span-2 sm:col-span-3 lg:col-span-1">
            <Input
              type="search"
              placeholder="Incident title"
              value={q}
              maxLength={120}
              onChange={(e) => setQ(e.target.value)}
            />
          </Field>
          <CustomerPicker value={filters.customer || undefined} onChange={(id) => setFilters({ customer: id ?? "" })} />
          <Field label="Status">
            <Select value={filters.status} onChange={(e) => setFilters({ status: e.target.value })}>
              {INCIDENT_STATUS_OPTIONS.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Severity">
            <Select
              placeholder="Any severity"
              value={filters.severity}
              onChange={(e) => setFilters({ severity: e.target.value })}
            >
              {MIN_SEVERITY_OPTIONS.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Assignee">
            <Select
              placeholder="Anyone"
              value={filters.assignee}
              onChange={(e) => setFilters({ assignee: e.target.value })}
            >
              <option value="mine">Assigned to me</option>
              {knownAssignee ? null : <option value={filters.assignee}>Someone else</option>}
              <optgroup label="Staff">
                {members
                  .filter((m) => m.userId !== selfId)
                  .map((m) => (
                    <option key={m.userId} value={m.userId}>
                      {m.name}
                    </option>
                  ))}
              </optgroup>
            </Select>
          </Field>
        </search>

        <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
          <span className="font-medium" aria-live="polite">
            {list.data ? `${total.toLocaleString("en-GB")} incident${total === 1 ? "" : "s"}` : "Loading incidents…"}
          </span>
          {filtered ? (
            <Button variant="link" size="sm" className="h-auto text-sm" onClick={clear}>
              <X aria-hidden="true" className="size-3.5" />
              Clear filters
            </Button>
          ) : null}
        </div>

        {list.isPending ? (
          <TableSkeleton rows={8} />
        ) : list.isError && !list.data ? (
          <Card>
            <QueryError title="Could not load incidents" error={list.error} onRetry={() => list.refetch()} />
          </Card>
        ) : rows.length === 0 ? (
          <Card>
            {filtered ? (
              <EmptyState
                icon={SearchX}
                title="No incidents match these filters"
                description="Widen the filters or clear them."
                action={
                  <Button variant="outline" size="sm" onClick={clear}>
                    Clear filters
                  </Button>
                }
              />
            ) : (
              <EmptyState
                icon={ShieldCheck}
                title="No open incidents"
                description="Incidents are opened by escalating alerts from the queue, or by correlation when new alerts share a host, user or address with an open incident."
                action={
                  <Button asChild variant="outline" size="sm">
                    <Link href="/console/queue">Go to the alert queue</Link>
                  </Button>
                }
              />
            )}
          </Card>
        ) : (
          <div className={cn("grid gap-3", list.isPlaceholderData && "opacity-60 transition-opacity")}>
            <Table framed className="text-[13px]">
              <THead>
                <TR>
                  <TH>Ref.</TH>
                  <TH>Title</TH>
                  <TH>Customer</TH>
                  <TH>Severity</TH>
                  <TH>Status</TH>
                  <TH className="hidden md:table-cell">Assignee</TH>
                  <TH className="text-right">Alerts</TH>
                  <TH>
                    <span className="sr-only">Visible to customer</span>
                    <span aria-hidden="true">Portal</span>
                  </TH>
                  <TH className="hidden sm:table-cell">Last activity</TH>
                </TR>
              </THead>
              <TBody>
                {rows.map((r) => (
                  <TR key={r.id}>
                    <TD className="py-2 whitespace-nowrap">
                      <Link
                        href={`/console/incidents/${r.id}`}
                        className="font-mono text-xs font-medium text-primary hover:underline"
                      >
                        {r.reference}
                      </Link>
                    </TD>
                    <TD className="max-w-80 min-w-56 py-2">
                      <Link
                        href={`/console/incidents/${r.id}`}
                        title={visibleText(r.title)}
                        className="line-clamp-2 font-medium break-words text-foreground hover:text-primary hover:underline"
                      >
                        <SafeText text={r.title} />
                      </Link>
                    </TD>
                    <TD className="max-w-36 py-2">
                      <span className="line-clamp-2 break-words">{r.customerName}</span>
                    </TD>
                    <TD className="py-2">
                      <SeverityIdBadge value={r.severity} />
                    </TD>
                    <TD className="py-2">
                      <IncidentStatusBadge status={r.status} />
                    </TD>
                    <TD
                      className={cn("hidden max-w-32 py-2 md:table-cell", !r.assigneeName && "text-muted-foreground")}
                    >
                      <span className="line-clamp-2 break-words">{r.assigneeName ?? "—"}</span>
                    </TD>
                    <TD className="py-2 text-right tabular-nums">{r.alertCount}</TD>
                    <TD className="py-2">
                      <CustomerVisibilityBadge visible={r.visibleToCustomer} compact />
                    </TD>
                    <TD className="hidden py-2 whitespace-nowrap text-muted-foreground sm:table-cell">
                      <DateTime value={lastActivity(r)} mode="relative" />
                    </TD>
                  </TR>
                ))}
              </TBody>
            </Table>
            <Pager
              label="Incident pages"
              page={page}
              pageSize={pageSize}
              total={total}
              onPage={(p) => url.set({ page: p > 1 ? String(p) : null })}
            />
          </div>
        )}
      </div>
    </>
  );
}
