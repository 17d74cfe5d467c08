import type { Metadata } from "next";
import { PageHeader } from "@/app/_components/ui/page-header";
import { requireCustomer } from "@/app/_lib/session";
import { HydrateClient, prefetch, serverCaller, trpc } from "@/app/_lib/trpc/server";
import { SensorsOverview } from "./sensors-overview";

export const metadata: Metadata = { title: "Sensors" };

export default async function PortalSensorsPage() {
  const info = await requireCustomer("/portal/sensors");
  prefetch(trpc.mySensors.list.queryOptions());
  const branding = await (await serverCaller()).me.branding();
  return (
    <HydrateClient>
      <PageHeader
        title="Sensors"
        description={`The sensors and integrations that send your organisation's security alerts to ${branding.providerName}, and whether they are reporting.`}
      />
      <SensorsOverview timeZone={info.customer.timezone} providerName={branding.providerName} />
    </HydrateClient>
  );
}
