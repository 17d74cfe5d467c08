import type { Metadata } from "next";
import { requireStaff } from "@/app/_lib/session";
import { HydrateClient, prefetch, trpc } from "@/app/_lib/trpc/server";
import { NoAccess } from "../../_components/no-access";
import { canDo } from "../../_components/permissions";
import { readIncidentFilters, toIncidentInput } from "../incidents-params";
import { IncidentsView } from "../incidents-view";

export const metadata: Metadata = { title: "Incidents" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function IncidentsPage({ searchParams }: Props) {
  const info = await requireStaff("/console/incidents");
  if (!canDo(info, "incident:read")) return <NoAccess title="Incidents" roleLabel={info.roleLabel ?? undefined} />;
  const params = await searchParams;
  const filters = readIncidentFilters((k) => {
    const v = params[k];
    return Array.isArray(v) ? v[0] : v;
  });
  prefetch(trpc.incidents.list.queryOptions(toIncidentInput(filters, info.user.id)));
  if (filters.customer) prefetch(trpc.customers.options.queryOptions({ id: filters.customer }));
  prefetch(trpc.staff.list.queryOptions());
  return (
    <HydrateClient>
      <IncidentsView selfId={info.user.id} />
    </HydrateClient>
  );
}
