import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { isUuid } from "@/app/_components/coverage/asset-params";
import { requireStaff } from "@/app/_lib/session";
import { HydrateClient, serverCaller } from "@/app/_lib/trpc/server";
import { NoAccess } from "../../_components/no-access";
import { canDo } from "../../_components/permissions";
import { AssetView } from "./asset-view";

export const metadata: Metadata = { title: "Asset" };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function AssetPage({ params, searchParams }: Props) {
  const { id } = await params;
  const c = (await searchParams).customer;
  const customerId = (Array.isArray(c) ? c[0] : c) ?? "";
  const info = await requireStaff(`/console/assets/${id}`);
  if (!canDo(info, "asset:read")) return <NoAccess title="Assets" roleLabel={info.roleLabel ?? undefined} />;
  if (!isUuid(id) || !isUuid(customerId)) notFound();
  try {
    const caller = await serverCaller();
    const [asset, customer] = await Promise.all([
      caller.assets.byId({ customerId, assetId: id }),
      caller.customers.byId({ customerId }),
    ]);
    return (
      <HydrateClient>
        <AssetView asset={asset} customerId={customerId} customerName={customer.name} />
      </HydrateClient>
    );
  } catch (e) {
    if (e instanceof TRPCError && e.code === "NOT_FOUND") notFound();
    throw e;
  }
}
