"use client";

import { useQuery } from "@tanstack/react-query";
import { isUuid } from "@/app/_components/coverage/asset-params";
import { BandLegend } from "@/app/_components/coverage/band-legend";
import { HeatMap } from "@/app/_components/coverage/heat-map";
import { CLASS_LABELS } from "@/app/_components/coverage/labels";
import { ProviderHeatMap } from "@/app/_components/coverage/provider-heat-map";
import { RaiseList } from "@/app/_components/coverage/raise-list";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { PageHeader } from "@/app/_components/ui/page-header";
import { LoadingState } from "@/app/_components/ui/states";
import { useTRPC } from "@/app/_lib/trpc/client";
import { useUrlParams } from "@/app/_lib/use-url-params";
import { CustomerPicker } from "../_components/customer-picker";
import { QueryError } from "../_components/query-error";

export function VisibilityView() {
  const trpc = useTRPC();
  const url = useUrlParams();
  const customer = isUuid(url.get("customer")) ? url.get("customer") : "";
  // The picked customer's name, from the picker's own lookup by id (the same query, so no second request).
  const picked = useQuery({ ...trpc.customers.options.queryOptions({ id: customer }), enabled: Boolean(customer) });
  const name = picked.data?.[0]?.name ?? "this customer";
  return (
    <>
      <PageHeader
        title="ATT&CK visibility"
        description="Which ATT&CK techniques the working sensors can see: across all customers, or for one."
      />
      <div className="grid gap-4">
        <CustomerPicker
          className="max-w-sm"
          value={customer || undefined}
          onChange={(id) => url.set({ customer: id })}
        />
        <BandLegend />
        {customer ? <CustomerMap customerId={customer} name={name} /> : <ProviderMap />}
      </div>
    </>
  );
}

function CustomerMap({ customerId, name }: { customerId: string; name: string }) {
  const trpc = useTRPC();
  const q = useQuery(trpc.visibility.heatMap.queryOptions({ customerId }));
  if (q.isPending) return <LoadingState label="Loading the heat map…" />;
  if (q.isError) return <QueryError title="Could not load the heat map" error={q.error} onRetry={() => q.refetch()} />;
  const m = q.data;
  return (
    <div className="grid gap-4">
      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>Working sensor classes</CardTitle>
            <CardDescription>Classes with at least one healthy or degraded sensor.</CardDescription>
          </CardHeader>
          <CardContent className="text-sm">
            {m.classes.length ? m.classes.map((c) => CLASS_LABELS[c]).join(", ") : "None: no technique is visible."}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>What would raise visibility most</CardTitle>
            <CardDescription>Techniques whose band would rise if the class were added.</CardDescription>
          </CardHeader>
          <CardContent>
            <RaiseList raise={m.raise} />
          </CardContent>
        </Card>
      </div>
      <HeatMap columns={m.columns} label={`ATT&CK heat map of ${name}`} />
    </div>
  );
}

function ProviderMap() {
  const trpc = useTRPC();
  const q = useQuery(trpc.visibility.provider.queryOptions());
  if (q.isPending) return <LoadingState label="Loading the provider view…" />;
  if (q.isError)
    return <QueryError title="Could not load the provider view" error={q.error} onRetry={() => q.refetch()} />;
  return (
    <div className="grid gap-2">
      <p className="text-sm text-muted-foreground">
        Each cell shows how many of the {q.data.customers} active customers see the technique at all; the colour is that
        share (high: two thirds or more). Pick a customer for their heat map.
      </p>
      <ProviderHeatMap columns={q.data.columns} />
    </div>
  );
}
