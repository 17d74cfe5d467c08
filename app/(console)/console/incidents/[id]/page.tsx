import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { requireStaff } from "@/app/_lib/session";
import { getQueryClient, HydrateClient, prefetch, trpc } from "@/app/_lib/trpc/server";
import { NoAccess } from "../../_components/no-access";
import { canDo } from "../../_components/permissions";
import { visibleText } from "../../_components/safe-text";
import { IncidentWorkspace } from "./incident-workspace";

type Props = { params: Promise<{ id: string }> };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The incident, into the request's query cache, or null when there is none. */
const loadIncident = cache(async (id: string) => {
  if (!UUID.test(id)) return null;
  try {
    return await getQueryClient().fetchQuery(trpc.incidents.byId.queryOptions({ incidentId: id }));
  } catch (e) {
    if (e instanceof TRPCError && (e.code === "NOT_FOUND" || e.code === "BAD_REQUEST")) return null;
    throw e;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const info = await requireStaff();
  if (!canDo(info, "incident:read")) return { title: "Incident" };
  const detail = await loadIncident((await params).id);
  if (!detail) return { title: "Incident not found" };
  const title = visibleText(detail.incident.title);
  return { title: `${detail.reference} ${title.length > 70 ? `${title.slice(0, 69)}…` : title}` };
}

export default async function IncidentPage({ params }: Props) {
  const { id } = await params;
  const info = await requireStaff(`/console/incidents/${id}`);
  if (!canDo(info, "incident:read")) return <NoAccess title="Incident" roleLabel={info.roleLabel ?? undefined} />;
  const detail = await loadIncident(id);
  if (!detail) notFound();
  prefetch(trpc.staff.list.queryOptions());
  return (
    <HydrateClient>
      <IncidentWorkspace incidentId={id} selfId={info.user.id} canManage={canDo(info, "incident:manage")} />
    </HydrateClient>
  );
}
