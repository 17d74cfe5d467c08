import type { Metadata } from "next";
import { requireStaff } from "@/app/_lib/session";
import { HydrateClient, prefetch, trpc } from "@/app/_lib/trpc/server";
import { NoAccess } from "../_components/no-access";
import { canDo } from "../_components/permissions";
import { readQueueFilters, toQueueInput } from "./queue-params";
import { QueueView } from "./queue-view";

export const metadata: Metadata = { title: "Alert queue" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function QueuePage({ searchParams }: Props) {
  const info = await requireStaff("/console/queue");
  if (!canDo(info, "alert:read")) return <NoAccess title="Alert queue" roleLabel={info.roleLabel ?? undefined} />;
  const params = await searchParams;
  const filters = readQueueFilters((k) => {
    const v = params[k];
    return Array.isArray(v) ? v[0] : v;
  });
  prefetch(trpc.alerts.queue.queryOptions(toQueueInput(filters, info.user.id)));
  if (filters.customer) prefetch(trpc.customers.options.queryOptions({ id: filters.customer }));
  prefetch(trpc.staff.list.queryOptions());
  return (
    <HydrateClient>
      <QueueView
        selfId={info.user.id}
        canTriage={canDo(info, "alert:triage")}
        canManageIncidents={canDo(info, "incident:manage")}
      />
    </HydrateClient>
  );
}
