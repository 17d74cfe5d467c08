import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { hostLabel } from "@/app/_components/coverage/labels";
import { PageHeader } from "@/app/_components/ui/page-header";
import { requireCustomer } from "@/app/_lib/session";
import { loadMyAsset } from "./load";
import { MyAssetDetail } from "./my-asset-detail";

export const metadata: Metadata = { title: "Asset" };

export default async function PortalAssetPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const info = await requireCustomer(`/portal/coverage/assets/${id}`);
  const asset = await loadMyAsset(id);
  if (!asset) notFound();
  return (
    <>
      <PageHeader
        title={hostLabel(asset)}
        description="What we know about this host, which of your sensors report it and the open incidents that involve it."
        breadcrumbs={[
          { label: "Coverage", href: "/portal/coverage" },
          { label: "Assets", href: "/portal/coverage/assets" },
          { label: hostLabel(asset) },
        ]}
      />
      <MyAssetDetail asset={asset} timeZone={info.customer.timezone} />
    </>
  );
}
