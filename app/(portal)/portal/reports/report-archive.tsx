"use client";

import { useQuery } from "@tanstack/react-query";
import { FileChartColumn, ShieldCheck } from "lucide-react";
import { Alert } from "@/app/_components/ui/alert";
import { Card } from "@/app/_components/ui/card";
import { EmptyState, ErrorState, LoadingState } from "@/app/_components/ui/states";
import { useTRPC } from "@/app/_lib/trpc/client";
import { formatMonth } from "@/lib/format";
import { trpcErrorInfo } from "../_lib/labels";
import { ReportMonthCard } from "./report-month-card";

/** The organisation's monthly reports, newest month first; `highlight` is the month an e-mail linked to. */
export function ReportArchive({ highlight, timeZone }: { highlight: string | null; timeZone: string }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.myReports.list.queryOptions());
  if (query.isPending) return <LoadingState label="Loading your reports…" />;
  if (query.isError) {
    return (
      <Card>
        <ErrorState
          title="Your reports could not be loaded"
          message={trpcErrorInfo(query.error).message}
          onRetry={() => query.refetch()}
        />
      </Card>
    );
  }
  if (query.data.length === 0) {
    return (
      <Card>
        <EmptyState
          icon={FileChartColumn}
          title="No reports yet"
          description="Your first monthly report arrives at 06:00 on the 1st of next month."
        />
      </Card>
    );
  }
  const missing = highlight && !query.data.some((m) => m.month === highlight);
  return (
    <div className="grid gap-4">
      {missing ? (
        <Alert tone="info" title={`There is no report for ${formatMonth(highlight)} here yet`}>
          If it was issued only just now, reload this page in a few minutes; otherwise ask your security provider.
        </Alert>
      ) : null}
      <ol className="grid gap-4" aria-label="Reports by month">
        {query.data.map((entry) => (
          <li key={entry.month}>
            <ReportMonthCard entry={entry} timeZone={timeZone} highlighted={entry.month === highlight} />
          </li>
        ))}
      </ol>
      <Alert tone="info" icon={ShieldCheck} title="Checking a forwarded copy">
        Every report has a SHA-256 checksum. To be sure a PDF someone forwarded is the one we issued, compute its
        checksum (macOS/Linux: <code className="font-mono">shasum -a 256 file.pdf</code>; Windows PowerShell:{" "}
        <code className="font-mono">Get-FileHash file.pdf</code>) and compare it with the one shown here.
      </Alert>
    </div>
  );
}
