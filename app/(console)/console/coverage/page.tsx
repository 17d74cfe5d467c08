import type { Metadata } from "next";
import { requireStaff } from "@/app/_lib/session";
import { HydrateClient } from "@/app/_lib/trpc/server";
import { NoAccess } from "../_components/no-access";
import { canDo } from "../_components/permissions";
import { CoverageView } from "./coverage-view";

export const metadata: Metadata = { title: "Coverage" };

export default async function CoveragePage() {
  const info = await requireStaff("/console/coverage");
  if (!canDo(info, "sensor:read")) return <NoAccess title="Coverage" roleLabel={info.roleLabel ?? undefined} />;
  return (
    <HydrateClient>
      <CoverageView />
    </HydrateClient>
  );
}
