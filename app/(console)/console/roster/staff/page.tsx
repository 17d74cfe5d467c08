import type { Metadata } from "next";
import { requireStaff } from "@/app/_lib/session";
import { NoAccess } from "../../_components/no-access";
import { canDo } from "../../_components/permissions";
import { StaffView } from "./staff-view";

export const metadata: Metadata = { title: "Staff profiles" };

export default async function StaffProfilesPage() {
  const info = await requireStaff("/console/roster/staff");
  if (!canDo(info, "roster:read")) return <NoAccess title="Staff profiles" roleLabel={info.roleLabel ?? undefined} />;
  return <StaffView canManage={canDo(info, "roster:manage")} />;
}
