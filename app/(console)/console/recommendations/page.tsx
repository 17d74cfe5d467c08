import type { Metadata } from "next";
import { requireStaff } from "@/app/_lib/session";
import { HydrateClient, prefetch, trpc } from "@/app/_lib/trpc/server";
import { NoAccess } from "../_components/no-access";
import { canDo } from "../_components/permissions";
import { readRecFilters, toRecInput } from "./rec-params";
import { RecommendationsConsole } from "./recommendations-console";

export const metadata: Metadata = { title: "Recommendations" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function RecommendationsPage({ searchParams }: Props) {
  const info = await requireStaff("/console/recommendations");
  if (!canDo(info, "recommendation:read"))
    return <NoAccess title="Recommendations" roleLabel={info.roleLabel ?? undefined} />;
  const params = await searchParams;
  const filters = readRecFilters((k) => {
    const v = params[k];
    return Array.isArray(v) ? v[0] : v;
  });
  prefetch(trpc.recommendations.list.queryOptions(toRecInput(filters)));
  // The picked customer's name for the filter (a bounded lookup by id, never every customer).
  if (filters.customer) prefetch(trpc.customers.options.queryOptions({ id: filters.customer }));
  return (
    <HydrateClient>
      <RecommendationsConsole canManage={canDo(info, "recommendation:manage")} />
    </HydrateClient>
  );
}
