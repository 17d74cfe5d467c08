import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { requireStaff } from "@/app/_lib/session";
import { getQueryClient, HydrateClient, prefetch, serverCaller, trpc } from "@/app/_lib/trpc/server";
import { NoAccess } from "../../_components/no-access";
import { canDo } from "../../_components/permissions";
import { isUuid } from "../sensor-params";
import { SensorDetail } from "./sensor-detail";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

/**
 * The sensor, into the request's query cache, or null when there is none. Staff sensor calls are per customer: the
 * list links carry `?customer=`; without it (or with a wrong one) the customer is looked up in the all-sensors list.
 */
const loadSensor = cache(async (sensorId: string, customerParam: string) => {
  if (!isUuid(sensorId)) return null;
  const byCustomer = async (customerId: string) => {
    try {
      return await getQueryClient().fetchQuery(trpc.sensors.byId.queryOptions({ customerId, sensorId }));
    } catch (e) {
      if (e instanceof TRPCError && (e.code === "NOT_FOUND" || e.code === "BAD_REQUEST")) return null;
      throw e;
    }
  };
  if (isUuid(customerParam)) {
    const sensor = await byCustomer(customerParam);
    if (sensor) return sensor;
  }
  const owner = (await (await serverCaller()).sensors.all()).find((s) => s.id === sensorId);
  return owner ? byCustomer(owner.customerId) : null;
});

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const info = await requireStaff();
  if (!canDo(info, "sensor:read")) return { title: "Sensor" };
  // A failed load is the page's to report (error.tsx); the tab still gets a title.
  const sensor = await loadSensor((await params).id, first((await searchParams).customer)).catch(() => undefined);
  if (sensor === undefined) return { title: "Sensor" };
  return { title: sensor ? `${sensor.name} · Sensors` : "Sensor not found" };
}

export default async function SensorPage({ params, searchParams }: Props) {
  const { id } = await params;
  const customerParam = first((await searchParams).customer);
  const info = await requireStaff(`/console/sensors/${id}`);
  if (!canDo(info, "sensor:read")) return <NoAccess title="Sensors" roleLabel={info.roleLabel ?? undefined} />;
  const sensor = await loadSensor(id, customerParam);
  if (!sensor) notFound();
  prefetch(trpc.customers.byId.queryOptions({ customerId: sensor.customerId }));
  return (
    <HydrateClient>
      <SensorDetail sensorId={sensor.id} customerId={sensor.customerId} canManage={canDo(info, "sensor:manage")} />
    </HydrateClient>
  );
}
