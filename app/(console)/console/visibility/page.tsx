import type { Metadata } from "next";
import { isUuid } from "@/app/_components/coverage/asset-params";
import { requireStaff } from "@/app/_lib/session";
import { HydrateClient, prefetch, trpc } from "@/app/_lib/trpc/server";
import { NoAccess } from "../_components/no-access";
import { canDo } from "../_components/permissions";
import { VisibilityView } from "./visibility-view";

export const metadata: Metadata = { title: "ATT&CK visibility" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function VisibilityPage({ searchParams }: Props) {
  const info = await requireStaff("/console/visibility");
  if (!canDo(info, "sensor:read"))
    return <NoAccess title="ATT&CK visibility" roleLabel={info.roleLabel ?? undefined} />;
  const c = (await searchParams).customer;
  const customer = (Array.isArray(c) ? c[0] : c) ?? "";
  if (isUuid(customer)) {
    prefetch(trpc.customers.options.queryOptions({ id: customer }));
    prefetch(trpc.visibility.heatMap.queryOptions({ customerId: customer }));
  } else prefetch(trpc.visibility.provider.queryOptions());
  return (
    <HydrateClient>
      <VisibilityView />
    </HydrateClient>
  );
}
