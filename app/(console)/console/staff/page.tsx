import type { Metadata } from "next";
import { PageHeader } from "@/app/_components/ui/page-header";
import { requireStaff } from "@/app/_lib/session";
import { HydrateClient, prefetch, serverCaller, trpc } from "@/app/_lib/trpc/server";
import { canDo } from "../_components/permissions";
import { StaffTeam } from "./staff-team";

export const metadata: Metadata = { title: "Staff" };

export default async function StaffPage() {
  const info = await requireStaff("/console/staff");
  const branding = await (await serverCaller()).me.branding();
  prefetch(trpc.staff.list.queryOptions());
  return (
    <HydrateClient>
      <PageHeader
        title="Staff"
        description={`The people at ${branding.providerName} who run the SOC, and what each of them may do.`}
      />
      <StaffTeam
        selfId={info.user.id}
        providerName={branding.providerName}
        can={{
          invite: canDo(info, "staff:invite"),
          manage: canDo(info, "staff:manage"),
          readOutbox: canDo(info, "outbox:read"),
        }}
      />
    </HydrateClient>
  );
}
