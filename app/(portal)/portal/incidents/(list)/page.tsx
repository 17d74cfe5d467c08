import type { Metadata } from "next";
import { requireCustomer } from "@/app/_lib/session";
import { HydrateClient, prefetch, serverCaller, trpc } from "@/app/_lib/trpc/server";
import { readIncidentFilters, toListInput, WAITING_INPUT } from "../incident-params";
import { IncidentsView } from "../incidents-view";

export const metadata: Metadata = { title: "Incidents" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PortalIncidentsPage({ searchParams }: Props) {
  const info = await requireCustomer("/portal/incidents");
  const params = await searchParams;
  const filters = readIncidentFilters((k) => {
    const v = params[k];
    return Array.isArray(v) ? v[0] : v;
  });
  prefetch(trpc.myIncidents.list.queryOptions(toListInput(filters)));
  prefetch(trpc.myIncidents.list.queryOptions(WAITING_INPUT));
  const branding = await (await serverCaller()).me.branding();
  return (
    <HydrateClient>
      <IncidentsView
        timeZone={info.customer.timezone}
        providerName={branding.providerName}
        canAnswer={info.permissions.includes("incident:answer")}
      />
    </HydrateClient>
  );
}
