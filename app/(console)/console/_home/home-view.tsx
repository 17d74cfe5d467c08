"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { LoadingState } from "@/app/_components/ui/states";
import { useTRPC } from "@/app/_lib/trpc/client";
import { QueryError } from "../_components/query-error";
import { useViewTimeZone } from "../_components/view-time-zone";
import { AgeingTile } from "./ageing-tile";
import { CustomersTile } from "./customers-tile";
import { DecisionsTile } from "./decisions-tile";
import { IncidentsTile } from "./incidents-tile";
import { IntakeTile } from "./intake-tile";
import { WorkloadTile } from "./workload-tile";

/** Loads the home in the viewer's time zone (days of the intake trend are theirs) and refreshes it live. */
export function HomeView() {
  const timeZone = useViewTimeZone();
  const trpc = useTRPC();
  const home = useQuery({
    ...trpc.operations.home.queryOptions({ timeZone: timeZone ?? "UTC" }),
    enabled: timeZone !== null,
    refetchInterval: 30_000,
    placeholderData: keepPreviousData,
  });
  if (home.isError)
    return (
      <QueryError title="Could not load the operations overview" error={home.error} onRetry={() => home.refetch()} />
    );
  if (!home.data) return <LoadingState label="Loading the operations overview…" />;
  const d = home.data;
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <DecisionsTile data={d.decisions} />
      <IntakeTile data={d.intake} />
      <AgeingTile data={d.ageing} />
      <IncidentsTile data={d.incidents} />
      <WorkloadTile rows={d.workload} />
      <CustomersTile rows={d.customers} total={d.customerCount} />
    </div>
  );
}
