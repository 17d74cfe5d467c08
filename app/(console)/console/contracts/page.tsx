import type { Metadata } from "next";
import { PageHeader } from "@/app/_components/ui/page-header";
import { requireStaff } from "@/app/_lib/session";
import { HydrateClient, prefetch, trpc } from "@/app/_lib/trpc/server";
import { NoAccess } from "../_components/no-access";
import { canDo } from "../_components/permissions";
import { ContractsView } from "./contracts-view";

export const metadata: Metadata = { title: "Contracts" };

export default async function ContractsPage() {
  const info = await requireStaff("/console/contracts");
  if (!canDo(info, "contract:read")) return <NoAccess title="Contracts" roleLabel={info.roleLabel ?? undefined} />;
  prefetch(trpc.contracts.list.queryOptions());
  return (
    <HydrateClient>
      <PageHeader
        title="Contracts"
        description="What each customer bought — tier, term, coverage hours and licence — against what is deployed today."
      />
      <ContractsView canManage={canDo(info, "contract:manage")} />
    </HydrateClient>
  );
}
