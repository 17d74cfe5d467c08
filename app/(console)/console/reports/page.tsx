import type { Metadata } from "next";
import { PageHeader } from "@/app/_components/ui/page-header";
import { requireStaff } from "@/app/_lib/session";
import { HydrateClient, prefetch, trpc } from "@/app/_lib/trpc/server";
import { paramGetter, readCustomerListParams } from "../_components/customer-list-params";
import { NoAccess } from "../_components/no-access";
import { canDo } from "../_components/permissions";
import { REPORT_SORTS, reportMatrixInput } from "./reports-params";
import { ReportsView } from "./reports-view";

export const metadata: Metadata = { title: "Reports" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ReportsPage({ searchParams }: Props) {
  const info = await requireStaff("/console/reports");
  if (!canDo(info, "report:read")) return <NoAccess title="Reports" roleLabel={info.roleLabel ?? undefined} />;
  const list = readCustomerListParams(paramGetter(await searchParams), REPORT_SORTS);
  prefetch(trpc.reports.matrix.queryOptions(reportMatrixInput(list)));
  prefetch(trpc.reports.batch.queryOptions({}));
  return (
    <HydrateClient>
      <PageHeader
        title="Monthly reports"
        description="Each customer's security-posture report, month by month. At 06:00 local time on the 1st, the month-end run generates the month just ended for every customer and e-mails it to their report contacts. Regenerating adds a new version; earlier versions are kept and customers always see the latest."
      />
      <ReportsView canGenerate={canDo(info, "report:generate")} />
    </HydrateClient>
  );
}
