import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { visibleText } from "@/app/_components/ui/safe-text";
import { requireStaff } from "@/app/_lib/session";
import { HydrateClient, prefetch, trpc } from "@/app/_lib/trpc/server";
import { NoAccess } from "../../_components/no-access";
import { canDo } from "../../_components/permissions";
import { IncidentWorkspace } from "./incident-workspace";
import { loadIncident } from "./load";

type Props = { params: Promise<{ id: string }> };

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
