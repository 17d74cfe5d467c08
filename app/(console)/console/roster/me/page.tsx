import type { Metadata } from "next";
import { requireStaff } from "@/app/_lib/session";
import { NoAccess } from "../../_components/no-access";
import { canDo } from "../../_components/permissions";
import { MyShifts } from "./my-shifts";

export const metadata: Metadata = { title: "My shifts" };

export default async function MyShiftsPage() {
  const info = await requireStaff("/console/roster/me");
  if (!canDo(info, "roster:read")) return <NoAccess title="My shifts" roleLabel={info.roleLabel ?? undefined} />;
  return <MyShifts canRequest={canDo(info, "roster:request")} />;
}
