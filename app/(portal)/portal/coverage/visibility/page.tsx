import type { Metadata } from "next";
import { PageHeader } from "@/app/_components/ui/page-header";
import { requireCustomer } from "@/app/_lib/session";
import { HydrateClient, prefetch, serverCaller, trpc } from "@/app/_lib/trpc/server";
import { MyVisibilityView } from "./my-visibility-view";

export const metadata: Metadata = { title: "ATT&CK visibility" };

export default async function PortalVisibilityPage() {
  await requireCustomer("/portal/coverage/visibility");
  prefetch(trpc.myVisibility.heatMap.queryOptions());
  const branding = await (await serverCaller()).me.branding();
  return (
    <HydrateClient>
      <PageHeader
        title="What your sensors can see"
        description={`MITRE ATT&CK lists the techniques attackers use. Each technique leaves traces in certain kinds of data; ${branding.providerName} can only spot it if a working sensor collects that data. This map shows how much of each technique your sensors can see today.`}
        breadcrumbs={[{ label: "Coverage", href: "/portal/coverage" }, { label: "ATT&CK visibility" }]}
      />
      <MyVisibilityView />
    </HydrateClient>
  );
}
