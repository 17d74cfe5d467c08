import type { Metadata } from "next";
import { PageHeader } from "@/app/_components/ui/page-header";
import { requireStaff } from "@/app/_lib/session";
import { HydrateClient, prefetch, trpc } from "@/app/_lib/trpc/server";
import { DROP_FLAG } from "@/server/posture/overview";
import { paramGetter, readCustomerListParams } from "../_components/customer-list-params";
import { NoAccess } from "../_components/no-access";
import { canDo } from "../_components/permissions";
import { POSTURE_SORTS, postureOverviewInput } from "./posture-params";
import { PostureView } from "./posture-view";

export const metadata: Metadata = { title: "Posture" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PosturePage({ searchParams }: Props) {
  const info = await requireStaff("/console/posture");
  if (!canDo(info, "posture:read")) return <NoAccess title="Posture" roleLabel={info.roleLabel ?? undefined} />;
  const list = readCustomerListParams(paramGetter(await searchParams), POSTURE_SORTS);
  prefetch(trpc.posture.overview.queryOptions(postureOverviewInput(list)));
  return (
    <HydrateClient>
      <PageHeader
        title="Posture"
        description={`Every customer's live score (the last 30 days, recomputed for each customer every few minutes), the last closed month's score and its change from the month before, in points; a drop of ${DROP_FLAG} points or more is flagged.`}
      />
      <PostureView />
    </HydrateClient>
  );
}
