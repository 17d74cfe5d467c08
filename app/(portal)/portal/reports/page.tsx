import type { Metadata } from "next";
import { PageHeader } from "@/app/_components/ui/page-header";
import { requireCustomer } from "@/app/_lib/session";
import { HydrateClient, prefetch, serverCaller, trpc } from "@/app/_lib/trpc/server";
import { ReportArchive } from "./report-archive";

export const metadata: Metadata = { title: "Reports" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PortalReportsPage({ searchParams }: Props) {
  const info = await requireCustomer("/portal/reports");
  const params = await searchParams;
  const raw = Array.isArray(params.month) ? params.month[0] : params.month;
  const month = raw && /^\d{4}-(0[1-9]|1[0-2])$/.test(raw) ? raw : null;
  prefetch(trpc.myReports.list.queryOptions());
  const branding = await (await serverCaller()).me.branding();
  return (
    <HydrateClient>
      <PageHeader
        title="Monthly reports"
        description={`Your security-posture report from ${branding.providerName} for each month: what we saw, what we did and how your protection changed. Each report covers a whole month in your time zone and arrives early on the 1st of the next.`}
      />
      <ReportArchive highlight={month} timeZone={info.customer.timezone} />
    </HydrateClient>
  );
}
