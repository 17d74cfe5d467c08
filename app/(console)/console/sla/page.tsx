import type { Metadata } from "next";
import { requireStaff } from "@/app/_lib/session";
import { HydrateClient, prefetch, trpc } from "@/app/_lib/trpc/server";
import { paramGetter, readCustomerListParams } from "../_components/customer-list-params";
import { NoAccess } from "../_components/no-access";
import { canDo } from "../_components/permissions";
import { ATTAINMENT_SORTS, breachWindow, readCustomerParam, slaInputs } from "./sla-params";
import { SlaView } from "./sla-view";

export const metadata: Metadata = { title: "SLA" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SlaPage({ searchParams }: Props) {
  const info = await requireStaff("/console/sla");
  if (!canDo(info, "sla:read")) return <NoAccess title="SLA" roleLabel={info.roleLabel ?? undefined} />;
  const params = await searchParams;
  const customerId = readCustomerParam(Array.isArray(params.customer) ? params.customer[0] : params.customer);
  const period = breachWindow(new Date());
  const input = slaInputs(customerId, period, readCustomerListParams(paramGetter(params), ATTAINMENT_SORTS));
  prefetch(trpc.sla.risk.queryOptions(input.risk));
  prefetch(trpc.sla.attainment.queryOptions(input.attainment));
  prefetch(trpc.sla.breaches.queryOptions(input.breaches));
  // The picker's label only: the picker searches as the user types (never every customer).
  if (customerId) prefetch(trpc.customers.options.queryOptions({ id: customerId }));
  return (
    <HydrateClient>
      <SlaView period={{ from: period.from.toISOString(), to: period.to.toISOString() }} />
    </HydrateClient>
  );
}
