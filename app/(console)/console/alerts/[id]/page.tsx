import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { visibleText } from "@/app/_components/ui/safe-text";
import { requireStaff } from "@/app/_lib/session";
import { HydrateClient, prefetch, trpc } from "@/app/_lib/trpc/server";
import { tacticsOf, technique } from "@/server/attack/attack";
import { NoAccess } from "../../_components/no-access";
import { canDo } from "../../_components/permissions";
import { AlertDetail, type TechniqueInfo } from "./alert-detail";
import { loadAlert } from "./load";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const info = await requireStaff();
  if (!canDo(info, "alert:read")) return { title: "Alert" };
  const row = await loadAlert((await params).id);
  if (!row) return { title: "Alert not found" };
  const title = visibleText(row.alert.title);
  return { title: `${title.length > 80 ? `${title.slice(0, 79)}…` : title} · Alert` };
}

export default async function AlertPage({ params }: Props) {
  const { id } = await params;
  const info = await requireStaff(`/console/alerts/${id}`);
  if (!canDo(info, "alert:read")) return <NoAccess title="Alert" roleLabel={info.roleLabel ?? undefined} />;
  const row = await loadAlert(id);
  if (!row) notFound();
  // Technique names come from the bundled ATT&CK dataset on the server, so the client does not ship it.
  const techniques: TechniqueInfo[] = row.alert.techniques.map((t) => ({
    id: t,
    name: technique(t)?.name ?? null,
    tactics: tacticsOf(t).map((x) => x.name),
  }));
  prefetch(trpc.staff.list.queryOptions());
  return (
    <HydrateClient>
      <AlertDetail
        alertId={id}
        techniques={techniques}
        selfId={info.user.id}
        canTriage={canDo(info, "alert:triage")}
        canManageIncidents={canDo(info, "incident:manage")}
      />
    </HydrateClient>
  );
}
