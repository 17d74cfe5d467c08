import type { Metadata } from "next";
import { PageHeader } from "@/app/_components/ui/page-header";
import { requireCustomer } from "@/app/_lib/session";
import { HydrateClient, prefetch, trpc } from "@/app/_lib/trpc/server";
import { MyAssetsView } from "../my-assets-view";

export const metadata: Metadata = { title: "Assets" };

export default async function PortalAssetsPage() {
  const info = await requireCustomer("/portal/coverage/assets");
  prefetch(trpc.myAssets.coverage.queryOptions());
  prefetch(trpc.myAssets.list.queryOptions({ page: 1, pageSize: 50 }));
  return (
    <HydrateClient>
      <PageHeader
        title="Assets"
        description="Your computers and servers as we know them: from your sensors, their inventories and your imports. A host is covered when an endpoint agent (EDR) reported it in the last 7 days."
        breadcrumbs={[{ label: "Coverage", href: "/portal/coverage" }, { label: "Assets" }]}
      />
      <MyAssetsView timeZone={info.customer.timezone} canImport={info.permissions.some((p) => p === "asset:import")} />
    </HydrateClient>
  );
}
