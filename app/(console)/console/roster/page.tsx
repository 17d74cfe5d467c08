import type { Metadata } from "next";
import { requireStaff } from "@/app/_lib/session";
import { NoAccess } from "../_components/no-access";
import { canDo } from "../_components/permissions";
import { RosterView } from "./roster-view";

export const metadata: Metadata = { title: "Roster" };

export default async function RosterPage() {
  const info = await requireStaff("/console/roster");
  if (!canDo(info, "roster:read")) return <NoAccess title="Roster" roleLabel={info.roleLabel ?? undefined} />;
  return <RosterView canManage={canDo(info, "roster:manage")} />;
}
