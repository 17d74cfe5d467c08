import type { Metadata } from "next";
import { requireStaff } from "@/app/_lib/session";
import { NoAccess } from "../../_components/no-access";
import { canDo } from "../../_components/permissions";
import { PlanView } from "./plan-view";

export const metadata: Metadata = { title: "Plan rosters" };

export default async function PlanPage() {
  const info = await requireStaff("/console/roster/plan");
  if (!canDo(info, "roster:read")) return <NoAccess title="Plan rosters" roleLabel={info.roleLabel ?? undefined} />;
  return <PlanView canManage={canDo(info, "roster:manage")} />;
}
