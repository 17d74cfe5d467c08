import type { Metadata } from "next";
import { listInput, readAssetParams } from "@/app/_components/coverage/asset-params";
import { requireStaff } from "@/app/_lib/session";
import { HydrateClient, prefetch, trpc } from "@/app/_lib/trpc/server";
import { NoAccess } from "../../_components/no-access";
import { canDo } from "../../_components/permissions";
import { AssetsView } from "../assets-view";

export const metadata: Metadata = { title: "Assets" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AssetsPage({ searchParams }: Props) {
  const info = await requireStaff("/console/assets");
  if (!canDo(info, "asset:read")) return <NoAccess title="Assets" roleLabel={info.roleLabel ?? undefined} />;
  const sp = await searchParams;
  const params = readAssetParams((k) => {
    const v = sp[k];
    return Array.isArray(v) ? v[0] : v;
  });
  prefetch(trpc.assets.list.queryOptions(listInput(params)));
  if (params.customer) {
    prefetch(trpc.customers.options.queryOptions({ id: params.customer }));
    prefetch(trpc.assets.coverage.queryOptions({ customerId: params.customer }));
  }
  return (
    <HydrateClient>
      <AssetsView canImport={canDo(info, "asset:import")} />
    </HydrateClient>
  );
}
