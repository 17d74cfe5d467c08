import type { Metadata } from "next";
import { requireStaff } from "@/app/_lib/session";
import { HydrateClient, prefetch, trpc } from "@/app/_lib/trpc/server";
import { NoAccess } from "../../_components/no-access";
import { canDo } from "../../_components/permissions";
import { isUuid } from "../sensor-params";
import { SensorsView } from "../sensors-view";

export const metadata: Metadata = { title: "Sensors" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SensorsPage({ searchParams }: Props) {
  const info = await requireStaff("/console/sensors");
  if (!canDo(info, "sensor:read")) return <NoAccess title="Sensors" roleLabel={info.roleLabel ?? undefined} />;
  prefetch(trpc.sensors.all.queryOptions());
  const c = (await searchParams).customer;
  const customer = (Array.isArray(c) ? c[0] : c) ?? "";
  if (isUuid(customer)) prefetch(trpc.customers.options.queryOptions({ id: customer }));
  return (
    <HydrateClient>
      <SensorsView canManage={canDo(info, "sensor:manage")} />
    </HydrateClient>
  );
}
