"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { MessageCircleQuestion, SearchX, ShieldCheck, X } from "lucide-react";
import { useCallback, useEffect, useMemo, useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Card } from "@/app/_components/ui/card";
import { Field } from "@/app/_components/ui/field";
import { Input } from "@/app/_components/ui/input";
import Link from "@/app/_components/ui/link";
import { PageHeader } from "@/app/_components/ui/page-header";
import { Pager } from "@/app/_components/ui/pager";
import { SafeText } from "@/app/_components/ui/safe-text";
import { Select } from "@/app/_components/ui/select";
import { EmptyState, ErrorState, Skeleton } from "@/app/_components/ui/states";
import { Table, TBody, TD, TH, THead, TR } from "@/app/_components/ui/table";
import { useTRPC } from "@/app/_lib/trpc/client";
import { useUrlParams } from "@/app/_lib/use-url-params";
import { trpcErrorInfo } from "../_lib/labels";
import { IncidentSeverityBadge, IncidentStatusBadge } from "./_components/badges";
import {
  INCIDENT_STATUSES,
  lastActivity,
  type MyIncidentRow,
  SEVERITY_LABELS,
  STATUS_LABELS,
} from "./_components/labels";
import { When } from "./_components/when";
import {
  hasIncidentFilters,
  type IncidentFilters,
  NO_FILTERS,
  readIncidentFilters,
  toListInput,
  WAITING_INPUT,
} from "./incident-params";

export function IncidentsView({
  timeZone,
  providerName,
  canAnswer,
}: {
  timeZone: string;
  providerName: string;
  canAnswer: boolean;
}) {
  const trpc = useTRPC();
  const url = useUrlParams();
  const filters = useMemo(() => readIncidentFilters((k) => url.params.get(k)), [url.params]);
  const setFilters = useCallback(
    (patch: Partial<Record<keyof IncidentFilters, string>>) => url.set({ ...patch, page: null }),
    [url.set],
  );
  const list = useQuery(
    trpc.myIncidents.list.queryOptions(toListInput(filters), { placeholderData: keepPreviousData }),
  );
  const waiting = useQuery(trpc.myIncidents.list.queryOptions(WAITING_INPUT));

  const data = list.data;
  const rows = data?.rows ?? [];
  const _lastPage = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;

  return (
    <>
      <PageHeader
        title="Incidents"
        description={`Security incidents ${providerName} has investigated for your organisation, and where each one stands.`}
      />
      <div className="grid gap-4">
        <WaitingCallout
          rows={waiting.data?.rows ?? []}
          total={waiting.data?.total ?? 0}
          canAnswer={canAnswer}
          providerName={providerName}
        />
        <FiltersBar filters={filters} onChange={setFilters} />
        {list.isPending ? (
          <ListSkeleton />
        ) : list.isError && !data ? (
          <Card>
            <ErrorState
              title="Could not load your incidents"
              message={trpcErrorInfo(list.error).message}
              onRetry={() => void list.refetch()}
            />
          </Card>
        ) : rows.length === 0 ? (
          <Card>
            {hasIncidentFilters(filters) || filters.page > 1 ? (
              <EmptyState
                icon={SearchX}
                title="No incidents match these filters"
                description="Clear a filter or search for another word from the title."
                action={
                  <Button variant="outline" size="sm" onClick={() => url.set(NO_FILTERS)}>
                    Clear filters
                  </Button>
                }
              />
            ) : (
              <EmptyState
                icon={ShieldCheck}
                title="No incidents"
                description={`When ${providerName} finds something that needs your attention, it appears here and your escalation contacts are told.`}
              />
            )}
          </Card>
        ) : (
          <div className="grid gap-3">
            <IncidentsTable rows={rows} timeZone={timeZone} stale={list.isPlaceholderData} />
            {data ? (
              <Pager
                noun="incident"
                page={data.page}
                total={data.total}
                pageSize={data.pageSize}
                onPage={(page) => url.set({ page: page === 1 ? null : page })}
              />
            ) : null}
          </div>
        )}
      </div>
    </>
  );
}

function WaitingCallout({
  rows,
  total,
  canAnswer,
  providerName,
}: {
  rows: MyIncidentRow[];
  total: number;
  canAnswer: boolean;
  providerName: string;
}) {
  if (total === 0) return null;
  return (
    <section
      aria-labelledby="waiting-heading"
      className="grid gap-3 rounded-lg border border-warning/40 bg-warning/5 px-4 py-4 sm:px-5"
    >
      <div className="flex items-start gap-3">
        <MessageCircleQuestion aria-hidden="true" className="mt-0.5 size-5 shrink-0 text-warning" />
        <div className="grid min-w-0 gap-0.5">
          <h2 id="waiting-heading" className="text-sm font-semibold">
            Waiting on you: {total} incident{total === 1 ? "" : "s"}
          </h2>
          <p className="text-sm text-muted-foreground">
            {providerName} has asked your organisation a question and needs the answer to continue.
            {canAnswer ? "" : " An admin of your organisation can answer."}
          </p>
        </div>
      </div>
      <ul className="grid gap-2 sm:pl-8">
        {rows.map((r) => (
          <li key={r.id}>
            <Link
              href={`/portal/incidents/${r.id}`}
              className="flex min-w-0 flex-wrap items-center gap-x-3 gap-y-1 rounded-md border border-border bg-card px-3 py-2 text-sm hover:border-ring hover:bg-accent"
            >
              <span className="font-mono text-xs text-muted-foreground">{r.reference}</span>
              <span className="min-w-0 flex-1 font-medium break-words">
                <SafeText text={r.title} />
              </span>
              <IncidentSeverityBadge severity={r.severity} />
              <span className="text-xs font-medium text-primary">{canAnswer ? "Answer" : "View"} →</span>
            </Link>
          </li>
        ))}
      </ul>
      {total > rows.length ? (
        <p className="text-xs text-muted-foreground sm:pl-8">
          Showing {rows.length} of {total}.{" "}
          <Link href="/portal/incidents?status=waiting_on_customer" className="underline underline-offset-2">
            See all
          </Link>
        </p>
      ) : null}
    </section>
  );
}

function FiltersBar({
  filters,
  onChange,
}: {
  filters: IncidentFilters;
  onChange: (patch: Partial<Record<keyof IncidentFilters, string>>) => void;
}) {
  const [q, setQ] = useState(filters.q);
  useEffect(() => setQ((v) => (v.trim() === filters.q ? v : filters.q)), [filters.q]);
  useEffect(() => {
    if (q.trim() === filters.q) return;
    const timer = setTimeout(() => onChange({ q: q.trim() }), 350);
    return () => clearTimeout(timer);
  }, [q, filters.q, onChange]);

  return (
    <search
      aria-label="Filter incidents"
      className="grid grid-cols-2 items-end gap-3 lg:grid-cols-[1fr_1fr_1.5fr_auto]"
    >
      <Field label="Status">
        <Select value={filters.status} onChange={(e) => onChange({ status: e.target.value })}>
          <option value="">All incidents</option>
          <option value="open">Open</option>
          <option value="closed">Closed</option>
          <optgroup label="By status">
            {INCIDENT_STATUSES.filter((s) => s !== "closed").map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </optgroup>
        </Select>
      </Field>
      <Field label="Severity">
        <Select value={filters.severity} onChange={(e) => onChange({ severity: e.target.value })}>
          <option value="">Any severity</option>
          {[5, 4, 3, 2].map((n) => (
            <option key={n} value={String(n)}>
              {n === 5 ? "Critical only" : `${SEVERITY_LABELS[n]} and above`}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Search titles" className="col-span-2 lg:col-span-1">
        <Input
          type="search"
          placeholder="e.g. PowerShell"
          value={q}
          maxLength={120}
          onChange={(e) => setQ(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Escape" && q) {
              e.preventDefault();
              setQ("");
            }
          }}
        />
      </Field>
      <Button
        variant="ghost"
        className="col-span-2 justify-self-start lg:col-span-1 lg:justify-self-auto"
        disabled={!hasIncidentFilters(filters)}
        onClick={() => {
          setQ("");
          onChange({ status: "", severity: "", q: "" });
        }}
      >
        <X aria-hidden="true" />
        Clear
      </Button>
    </search>
  );
}

function IncidentsTable({ rows, timeZone, stale }: { rows: MyIncidentRow[]; timeZone: string; stale: boolean }) {
  return (
    <Table framed aria-busy={stale || undefined} className={stale ? "opacity-60 transition-opacity" : undefined}>
      <THead>
        <TR>
          <TH className="hidden sm:table-cell">Reference</TH>
          <TH>Incident</TH>
          <TH className="hidden md:table-cell">Severity</TH>
          <TH className="hidden md:table-cell">Status</TH>
          <TH className="hidden text-right sm:table-cell">Last activity</TH>
        </TR>
      </THead>
      <TBody>
        {rows.map((r) => (
          <TR key={r.id}>
            <TD className="hidden font-mono text-xs whitespace-nowrap text-muted-foreground sm:table-cell">
              {r.reference}
            </TD>
            <TD className="max-w-xl min-w-0">
              <Link
                href={`/portal/incidents/${r.id}`}
                className="block font-medium break-words text-foreground hover:text-primary hover:underline"
              >
                <SafeText text={r.title} />
              </Link>
              <div className="mt-1 flex flex-wrap items-center gap-1.5 text-xs text-muted-foreground md:hidden">
                <span className="font-mono sm:hidden">{r.reference}</span>
                <IncidentSeverityBadge severity={r.severity} />
                <IncidentStatusBadge status={r.status} />
                <span className="sm:hidden">
                  <When value={lastActivity(r)} timeZone={timeZone} mode="relative" />
                </span>
              </div>
            </TD>
            <TD className="hidden md:table-cell">
              <IncidentSeverityBadge severity={r.severity} />
            </TD>
            <TD className="hidden md:table-cell">
              <IncidentStatusBadge status={r.status} />
            </TD>
            <TD className="hidden text-right whitespace-nowrap text-muted-foreground sm:table-cell">
              <When value={lastActivity(r)} timeZone={timeZone} mode="relative" />
            </TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}

function ListSkeleton() {
  return (
    <div role="status" aria-live="polite" className="overflow-hidden rounded-lg border border-border bg-card">
      <span className="sr-only">Loading incidents…</span>
      <div className="h-9 border-b border-border bg-muted/50" />
      {Array.from({ length: 5 }, (_, i) => (
        <div key={i} className="flex items-center gap-4 border-b border-border px-4 py-3 last:border-0">
          <Skeleton className="h-4 w-16" />
          <Skeleton className="h-4 w-2/5" />
          <Skeleton className="ml-auto h-4 w-20" />
        </div>
      ))}
    </div>
  );
}
