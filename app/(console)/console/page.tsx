import type { Metadata } from "next";
import { PageHeader } from "@/app/_components/ui/page-header";
import { requireStaff } from "@/app/_lib/session";
import { NoAccess } from "./_components/no-access";
import { canDo } from "./_components/permissions";
import { HomeView } from "./_home/home-view";

export const metadata: Metadata = { title: "Operations" };
export const dynamic = "force-dynamic";

/** The SOC manager's home: what needs a decision now and how the SOC stands, each tile linking to its list. */
export default async function ConsoleHome() {
  const info = await requireStaff("/console");
  if (!canDo(info, "alert:read") || !canDo(info, "incident:read"))
    return <NoAccess title="Operations" roleLabel={info.roleLabel ?? undefined} />;
  return (
    <>
      <PageHeader
        title="Operations"
        description="What needs a decision now, and how the SOC and every customer stand. Refreshes every 30 seconds."
      />
      <HomeView />
    </>
  );
}
