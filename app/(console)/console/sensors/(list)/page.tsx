import type { Metadata } from "next";
import { requireStaff } from "@/app/_lib/session";
import { HydrateClient, prefetch, trpc } from "@/app/_lib/trpc/server";
import { NoAccess } from "../../_components/no-access";
import { canDo } from "../../_components/permissions";
import { SensorsView } from "../sensors-view";

export const metadata: Metadata = { title: "Sensors" };

export default async function SensorsPage() {
  const info = await requireStaff("/console/sensors");
  if (!canDo(info, "sensor:read")) return <NoAccess title="Sensors" roleLabel={info.roleLabel ?? undefined} />;
  prefetch(trpc.sensors.all.queryOptions());
  prefetch(trpc.customers.list.queryOptions());
  return (
    <HydrateClient>
      <SensorsView canManage={canDo(info, "sensor:manage")} />
    </HydrateClient>
  );
}
