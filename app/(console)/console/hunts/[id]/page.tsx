import type { Metadata } from "next";
import { requireStaff } from "@/app/_lib/session";
import { HydrateClient, prefetch, trpc } from "@/app/_lib/trpc/server";
import { NoAccess } from "../../_components/no-access";
import { canDo } from "../../_components/permissions";
import { HuntWorkspace } from "./hunt-workspace";

export const metadata: Metadata = { title: "Threat hunt" };

export default async function HuntPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const info = await requireStaff(`/console/hunts/${id}`);
  if (!canDo(info, "hunt:read")) return <NoAccess title="Threat hunt" roleLabel={info.roleLabel ?? undefined} />;
  const valid = /^[0-9a-f-]{36}$/i.test(id);
  if (valid) prefetch(trpc.hunts.byId.queryOptions({ huntId: id }));
  return (
    <HydrateClient>
      <HuntWorkspace id={valid ? id : "00000000-0000-4000-8000-000000000000"} canManage={canDo(info, "hunt:manage")} />
    </HydrateClient>
  );
}
