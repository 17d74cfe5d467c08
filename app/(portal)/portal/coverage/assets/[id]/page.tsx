import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { isUuid } from "@/app/_components/coverage/asset-params";
import { hostLabel } from "@/app/_components/coverage/labels";
import { PageHeader } from "@/app/_components/ui/page-header";
import { requireCustomer } from "@/app/_lib/session";
import { serverCaller } from "@/app/_lib/trpc/server";
import { MyAssetDetail } from "./my-asset-detail";

export const metadata: Metadata = { title: "Asset" };

export default async function PortalAssetPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const info = await requireCustomer(`/portal/coverage/assets/${id}`);
  if (!isUuid(id)) notFound();
  let asset: Awaited<ReturnType<Awaited<ReturnType<typeof serverCaller>>["myAssets"]["byId"]>>;
  try {
    asset = await (await serverCaller()).myAssets.byId({ assetId: id });
  } catch (e) {
    if (e instanceof TRPCError && e.code === "NOT_FOUND") notFound();
    throw e;
  }
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
