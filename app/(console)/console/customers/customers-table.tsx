"use client";

import { useQuery } from "@tanstack/react-query";
import { Building2, SearchX } from "lucide-react";
import { useMemo, useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Card } from "@/app/_components/ui/card";
import Link from "@/app/_components/ui/link";
import { EmptyState } from "@/app/_components/ui/states";
import { Table, TBody, TD, TH, THead, TR } from "@/app/_components/ui/table";
import { useTRPC } from "@/app/_lib/trpc/client";
import { useUrlParams } from "@/app/_lib/use-url-params";
import { CustomerStatusBadge } from "../_components/badges";
import { DateTime } from "../_components/date-time";
import { FilterInput } from "../_components/filter-input";
import { TableSkeleton } from "../_components/page-skeleton";
import { QueryError } from "../_components/query-error";
import { countryName } from "./customer-fields";
import { NewCustomerDialog } from "./new-customer-dialog";

export function CustomersTable({ canCreate }: { canCreate: boolean }) {
  const trpc = useTRPC();
  const customers = useQuery(trpc.customers.list.queryOptions());
  const url = useUrlParams();
  const [q, setQ] = useState(() => url.get("q"));

  const rows = customers.data ?? [];
  const filtered = useMemo(() => {
    const needle = q.trim().toLowerCase();
    if (!needle) return customers.data ?? [];
    return (customers.data ?? []).filter((c) =>
      [c.name, c.slug, c.industry, c.country, countryName(c.country) ?? "", c.timezone].some((v) =>
        v.toLowerCase().includes(needle),
      ),
    );
  }, [customers.data, q]);

  function filter(value: string) {
    setQ(value);
    url.set({ q: value.trim() || null });
  }

  if (customers.isPending) return <TableSkeleton rows={6} />;
  if (customers.isError) {
    return (
      <Card>
        <QueryError title="Could not load customers" error={customers.error} onRetry={() => customers.refetch()} />
      </Card>
    );
  }
  if (rows.length === 0) {
    return (
      <Card>
        <EmptyState
          icon={Building2}
          title="No customers yet"
          description="Customers you onboard appear here, with their users, contacts and audit trail."
          action={canCreate ? <NewCustomerDialog label="Add the first customer" /> : null}
        />
      </Card>
    );
  }

  return (
    <div className="grid gap-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <FilterInput
          label="Filter customers"
          placeholder="Filter by name, industry, country…"
          value={q}
          onChange={filter}
        />
        <p className="text-sm text-muted-foreground" aria-live="polite">
          {filtered.length === rows.length
            ? `${rows.length} customer${rows.length === 1 ? "" : "s"}`
            : `${filtered.length} of ${rows.length} customers`}
        </p>
      </div>
      {filtered.length === 0 ? (
        <Card>
          <EmptyState
            icon={SearchX}
            title={`No customers match “${q.trim()}”`}
            description="Try another name, slug, industry, country or time zone."
            action={
              <Button variant="outline" size="sm" onClick={() => filter("")}>
                Clear filter
              </Button>
            }
          />
        </Card>
      ) : (
        <Table framed>
          <THead>
            <TR>
              <TH>Name</TH>
              <TH className="hidden lg:table-cell">Industry</TH>
              <TH className="hidden sm:table-cell">Country</TH>
              <TH className="hidden xl:table-cell">Time zone</TH>
              <TH className="text-right">Users</TH>
              <TH>Status</TH>
              <TH className="hidden md:table-cell">Created</TH>
            </TR>
          </THead>
          <TBody>
            {filtered.map((c) => (
              <TR key={c.id}>
                <TD className="max-w-80">
                  <Link
                    href={`/console/customers/${c.slug}`}
                    className="block font-medium break-words text-foreground hover:text-primary hover:underline sm:truncate"
                  >
                    {c.name}
                  </Link>
                  <div className="font-mono text-xs break-all text-muted-foreground sm:truncate">{c.slug}</div>
                </TD>
                <TD className="hidden lg:table-cell">{c.industry}</TD>
                <TD className="hidden whitespace-nowrap sm:table-cell">
                  <span title={countryName(c.country) ?? undefined}>{c.country}</span>
                </TD>
                <TD className="hidden whitespace-nowrap text-muted-foreground xl:table-cell">
                  {c.timezone.replaceAll("_", " ")}
                </TD>
                <TD className="text-right tabular-nums">{c.users}</TD>
                <TD>
                  <CustomerStatusBadge status={c.status} />
                </TD>
                <TD className="hidden whitespace-nowrap text-muted-foreground md:table-cell">
                  <DateTime value={c.createdAt} mode="date" />
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
    </div>
  );
}
