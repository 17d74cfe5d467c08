import type { Metadata } from "next";
import { requireStaff } from "@/app/_lib/session";
import { getQueryClient, HydrateClient, trpc } from "@/app/_lib/trpc/server";
import { paramGetter, readCustomerListParams } from "../_components/customer-list-params";
import { NoAccess } from "../_components/no-access";
import { canDo } from "../_components/permissions";
import {
  ATTAINMENT_SORTS,
  BREACH_PAGE_PARAM,
  breachWindow,
  readBreachPage,
  readCustomerParam,
  slaInputs,
} from "./sla-params";
import { SlaView } from "./sla-view";

export const metadata: Metadata = { title: "SLA" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SlaPage({ searchParams }: Props) {
  const info = await requireStaff("/console/sla");
  if (!canDo(info, "sla:read")) return <NoAccess title="SLA" roleLabel={info.roleLabel ?? undefined} />;
  const params = await searchParams;
  const customerId = readCustomerParam(Array.isArray(params.customer) ? params.customer[0] : params.customer);
  const period = breachWindow(new Date());
  const get = paramGetter(params);
  const input = slaInputs(
    customerId,
    period,
    readCustomerListParams(get, ATTAINMENT_SORTS),
    readBreachPage(get(BREACH_PAGE_PARAM)),
  );
  // Awaited, so the server renders what the browser hydrates with: a prefetch still pending when the server rendered
  // gave loading states there, while the browser, holding the streamed result by then, rendered the data (React's
  // "hydration failed", first in the risk section's "last updated"). loading.tsx shows meanwhile.
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(trpc.sla.risk.queryOptions(input.risk)),
    queryClient.prefetchQuery(trpc.sla.attainment.queryOptions(input.attainment)),
    queryClient.prefetchQuery(trpc.sla.breaches.queryOptions(input.breaches)),
    // The picker's label only: the picker searches as the user types (never every customer).
    customerId ? queryClient.prefetchQuery(trpc.customers.options.queryOptions({ id: customerId })) : null,
  ]);
  return (
    <HydrateClient>
      <SlaView period={{ from: period.from.toISOString(), to: period.to.toISOString() }} />
    </HydrateClient>
  );
}
