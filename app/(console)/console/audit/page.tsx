import type { Metadata } from "next";
import { requireStaff } from "@/app/_lib/session";
import { HydrateClient, prefetch, trpc } from "@/app/_lib/trpc/server";
import { NoAccess } from "../_components/no-access";
import { canDo } from "../_components/permissions";
import { readFilters, toInput } from "./audit-params";
import { AuditView } from "./audit-view";

export const metadata: Metadata = { title: "Audit log" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AuditPage({ searchParams }: Props) {
  const info = await requireStaff("/console/audit");
  if (!canDo(info, "audit:read")) return <NoAccess title="Audit log" roleLabel={info.roleLabel ?? undefined} />;
  const params = await searchParams;
  const filters = readFilters((k) => {
    const v = params[k];
    return Array.isArray(v) ? v[0] : v;
  });
  // Day bounds are local time: the browser's zone may differ from the server's, so dated filters load in the browser.
  if (!filters.from && !filters.to) {
    prefetch(trpc.audit.list.infiniteQueryOptions(toInput(filters), { getNextPageParam: (p) => p.nextCursor }));
  }
  if (filters.customer) prefetch(trpc.customers.options.queryOptions({ id: filters.customer }));
  prefetch(trpc.audit.actions.queryOptions());
  return (
    <HydrateClient>
      <AuditView canVerify={canDo(info, "audit:verify")} />
    </HydrateClient>
  );
}
