"use client";

import { useQuery } from "@tanstack/react-query";
import { Building2 } from "lucide-react";
import { Card } from "@/app/_components/ui/card";
import { EmptyState } from "@/app/_components/ui/states";
import { useTRPC } from "@/app/_lib/trpc/client";
import { TableSkeleton } from "../_components/page-skeleton";
import { QueryError } from "../_components/query-error";
import { ContractsTable } from "./contracts-table";
import { NeedsAttention } from "./needs-attention";

export function ContractsView({ canManage }: { canManage: boolean }) {
  const trpc = useTRPC();
  const list = useQuery(trpc.contracts.list.queryOptions());

  if (list.isPending) return <TableSkeleton rows={6} />;
  if (list.isError) {
    return (
      <Card>
        <QueryError title="Could not load contracts" error={list.error} onRetry={() => list.refetch()} />
      </Card>
    );
  }
  if (list.data.length === 0) {
    return (
      <Card>
        <EmptyState
          icon={Building2}
          title="No active customers"
          description="Contracts belong to customers; onboard a customer first."
        />
      </Card>
    );
  }
  return (
    <div className="grid gap-6">
      <NeedsAttention rows={list.data} canManage={canManage} />
      <ContractsTable rows={list.data} canManage={canManage} />
    </div>
  );
}
