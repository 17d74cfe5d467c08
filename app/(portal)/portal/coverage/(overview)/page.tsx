import type { Metadata } from "next";
import { PageHeader } from "@/app/_components/ui/page-header";
import { requireCustomer } from "@/app/_lib/session";
import { HydrateClient, prefetch, serverCaller, trpc } from "@/app/_lib/trpc/server";
import { CoverageOverview } from "../coverage-overview";

export const metadata: Metadata = { title: "Coverage" };

export default async function PortalCoveragePage() {
  const info = await requireCustomer("/portal/coverage");
  prefetch(trpc.myCoverage.summary.queryOptions());
  const branding = await (await serverCaller()).me.branding();
  return (
    <HydrateClient>
      <PageHeader
        title="Coverage"
        description={`What ${branding.providerName} monitors for you under your contract, whether each sensor is reporting, and what you could fix.`}
      />
      <CoverageOverview timeZone={info.customer.timezone} providerName={branding.providerName} />
    </HydrateClient>
  );
}
