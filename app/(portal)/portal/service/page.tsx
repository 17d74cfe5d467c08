import type { Metadata } from "next";
import { PageHeader } from "@/app/_components/ui/page-header";
import { requireCustomer } from "@/app/_lib/session";
import { HydrateClient, prefetch, serverCaller, trpc } from "@/app/_lib/trpc/server";
import { ServiceOverview } from "./service-overview";

export const metadata: Metadata = { title: "Service & SLA" };

export default async function PortalServicePage() {
  const info = await requireCustomer("/portal/service");
  prefetch(trpc.myContract.get.queryOptions());
  const branding = await (await serverCaller()).me.branding();
  return (
    <HydrateClient>
      <PageHeader
        title="Service & SLA"
        description={`What ${branding.providerName} provides to ${info.customer.name}: the service you bought, when we watch, how fast we respond and what we may do without asking.`}
      />
      <ServiceOverview
        timeZone={info.customer.timezone}
        providerName={branding.providerName}
        supportEmail={branding.supportEmail ?? null}
      />
    </HydrateClient>
  );
}
