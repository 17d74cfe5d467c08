import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { requireStaff } from "@/app/_lib/session";
import { getQueryClient, HydrateClient, trpc } from "@/app/_lib/trpc/server";
import { NoAccess } from "../../_components/no-access";
import { canDo } from "../../_components/permissions";
import { HuntWorkspace } from "./hunt-workspace";

type Props = { params: Promise<{ id: string }> };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The hunt, into the request's query cache, or null when there is none (no loading boundary above: a 404). */
const loadHunt = cache(async (id: string) => {
  if (!UUID.test(id)) return null;
  try {
    return await getQueryClient().fetchQuery(trpc.hunts.byId.queryOptions({ huntId: id }));
  } catch (e) {
    if (e instanceof TRPCError && (e.code === "NOT_FOUND" || e.code === "BAD_REQUEST")) return null;
    throw e;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const info = await requireStaff();
  if (!canDo(info, "hunt:read")) return { title: "Threat hunt" };
  const hunt = await loadHunt((await params).id).catch(() => undefined);
  if (hunt === undefined) return { title: "Threat hunt" };
  return { title: hunt ? `${hunt.title} · Threat hunts` : "Threat hunt not found" };
}

export default async function HuntPage({ params }: Props) {
  const { id } = await params;
  const info = await requireStaff(`/console/hunts/${id}`);
  if (!canDo(info, "hunt:read")) return <NoAccess title="Threat hunt" roleLabel={info.roleLabel ?? undefined} />;
  if (!(await loadHunt(id))) notFound();
  return (
    <HydrateClient>
      <HuntWorkspace id={id} canManage={canDo(info, "hunt:manage")} />
    </HydrateClient>
  );
}
