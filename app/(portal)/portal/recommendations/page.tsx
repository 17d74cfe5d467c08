import type { Metadata } from "next";
import { requireCustomer } from "@/app/_lib/session";
import { HydrateClient, prefetch, trpc } from "@/app/_lib/trpc/server";
import { RecommendationsView } from "./recommendations-view";
import { STATUS_FILTERS, statusInput } from "./status-filter";

export const metadata: Metadata = { title: "Recommendations" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PortalRecommendationsPage({ searchParams }: Props) {
  const info = await requireCustomer("/portal/recommendations");
  const raw = (await searchParams).status;
  const status = STATUS_FILTERS.some((f) => f.value === raw) ? (raw as string) : "";
  prefetch(trpc.myRecommendations.list.queryOptions(statusInput(status)));
  return (
    <HydrateClient>
      <RecommendationsView
        timeZone={info.customer.timezone}
        canRespond={info.permissions.includes("recommendation:respond")}
      />
    </HydrateClient>
  );
}
