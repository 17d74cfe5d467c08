"use client";

import { useQuery } from "@tanstack/react-query";
import { FileText } from "lucide-react";
import { CoverageCalendar } from "@/app/_components/contract/coverage-calendar";
import { SlaTargetsTable } from "@/app/_components/contract/sla-targets-table";
import { Alert } from "@/app/_components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { EmptyState, ErrorState, LoadingState } from "@/app/_components/ui/states";
import { useTRPC } from "@/app/_lib/trpc/client";
import { METRICS } from "@/db/schema/contracts";
import { formatDate } from "@/lib/format";
import { trpcErrorInfo } from "../_lib/labels";
import { DeploymentCard } from "./deployment-card";
import { METRIC_PLAIN } from "./labels";
import { ActionsCard, MonitoredCard, ServiceCard } from "./service-cards";

const COLUMNS = Object.fromEntries(METRICS.map((m) => [m, METRIC_PLAIN[m].column])) as Record<
  (typeof METRICS)[number],
  string
>;

export function ServiceOverview({
  timeZone,
  providerName,
  supportEmail,
}: {
  timeZone: string;
  providerName: string;
  supportEmail: string | null;
}) {
  const trpc = useTRPC();
  const query = useQuery(trpc.myContract.get.queryOptions());
  if (query.isPending) return <LoadingState label="Loading your service terms…" />;
  if (query.isError) {
    return (
      <Card>
        <ErrorState
          title="Your service terms could not be loaded"
          message={trpcErrorInfo(query.error).message}
          onRetry={() => query.refetch()}
        />
      </Card>
    );
  }
  const { current, contracts, deployment } = query.data;
  const later = contracts
    .flatMap((c) => c.versions)
    .filter((v) => v.effectiveFrom.getTime() > (current?.effectiveFrom.getTime() ?? 0))
    .sort((a, b) => a.effectiveFrom.getTime() - b.effectiveFrom.getTime())[0];
  const contact = supportEmail ? `your account manager (${supportEmail})` : "your account manager";

  if (!current) {
    return (
      <Card>
        <EmptyState
          icon={FileText}
          title={later ? `Your service starts on ${formatDate(later.effectiveFrom, timeZone)}` : "No service terms yet"}
          description={`Your service terms will appear here once they are in place. Questions? Talk to ${contact}.`}
        />
      </Card>
    );
  }
  const reference = contracts.find((c) => c.id === current.contractId)?.reference ?? null;
  return (
    <div className="grid gap-6">
      {later ? (
        <Alert tone="info" title={`Your service terms change on ${formatDate(later.effectiveFrom, timeZone)}`}>
          This page shows the terms in force today. Ask {contact} what changes.
        </Alert>
      ) : null}
      <div className="grid items-start gap-6 lg:grid-cols-2">
        <ServiceCard terms={current} reference={reference} providerName={providerName} />
        <div className="grid gap-6">
          <Card>
            <CardHeader>
              <CardTitle>When we watch</CardTitle>
              <CardDescription>
                {current.coverage.kind === "24x7"
                  ? "Response times count at any hour."
                  : "Response times count only during these hours."}
              </CardDescription>
            </CardHeader>
            <CardContent>
              <CoverageCalendar
                coverage={current.coverage}
                alwaysText="Around the clock, every day of the year — nights, weekends and holidays included."
              />
            </CardContent>
          </Card>
          <MonitoredCard classes={current.monitoredClasses} />
        </div>
      </div>
      <Card>
        <CardHeader>
          <CardTitle>How fast we respond</CardTitle>
          <CardDescription>
            The longest each step may take, by the incident's severity.{" "}
            {current.clockStart === "received"
              ? "Measured from when the alert reaches us"
              : "Measured from when your security tool raised the alert"}
            {current.pauseOnCustomer ? "; while we wait for an answer from you, the clock stops." : "."}
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4 px-0">
          <SlaTargetsTable
            targets={current.slaTargets}
            metricLabels={COLUMNS}
            tinyLabels={COLUMNS}
            style="long"
            caption="Response times by severity"
            className="[&_tr>*:first-child]:pl-5 [&_tr>*:last-child]:pr-5"
          />
          <div className="grid gap-2 px-5 text-sm">
            <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-2">
              {METRICS.map((m) => (
                <div key={m}>
                  <dt className="inline font-medium">{METRIC_PLAIN[m].column}: </dt>
                  <dd className="inline text-muted-foreground">{METRIC_PLAIN[m].meaning}</dd>
                </div>
              ))}
            </dl>
            <p className="text-muted-foreground">A dash (—) means there is no agreed time for that step.</p>
          </div>
        </CardContent>
      </Card>
      <div className="grid items-start gap-6 lg:grid-cols-2">
        <ActionsCard actions={current.allowedActions} />
        <DeploymentCard deployment={deployment} terms={current} contact={contact} />
      </div>
    </div>
  );
}
