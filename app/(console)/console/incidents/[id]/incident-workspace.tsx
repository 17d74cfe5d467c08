"use client";

import { useQuery } from "@tanstack/react-query";
import { Clock } from "lucide-react";
import { Alert } from "@/app/_components/ui/alert";
import { Badge } from "@/app/_components/ui/badge";
import Link from "@/app/_components/ui/link";
import { PageHeader } from "@/app/_components/ui/page-header";
import { SafeText } from "@/app/_components/ui/safe-text";
import { LoadingState } from "@/app/_components/ui/states";
import { useTRPC } from "@/app/_lib/trpc/client";
import { STATUS_LABELS } from "@/server/incidents/lifecycle";
import { DateTime } from "../../_components/date-time";
import { FlashMessage, useFlash } from "../../_components/flash";
import { QueryError } from "../../_components/query-error";
import { SeverityIdBadge } from "../../_components/severity";
import { CustomerVisibilityBadge, IncidentStatusBadge } from "../../_components/status-badges";
import { NewRecommendation } from "../../recommendations/new-recommendation";
import { ActionsCard } from "./actions-card";
import { AlertsCard } from "./alerts-card";
import { AttackCard } from "./attack-card";
import { HeaderActions } from "./header-actions";
import { ObservablesCard } from "./observables-card";
import type { SectionProps } from "./shared";
import { SlaCard } from "./sla-card";
import { SummaryCard } from "./summary-card";
import { TasksCard } from "./tasks-card";
import { Timeline } from "./timeline";

/** The incident workspace: header and actions, then the sections an analyst works in. */
export function IncidentWorkspace({
  incidentId,
  selfId,
  canManage,
}: {
  incidentId: string;
  selfId: string;
  canManage: boolean;
}) {
  const trpc = useTRPC();
  const query = useQuery({ ...trpc.incidents.byId.queryOptions({ incidentId }), refetchInterval: 30_000 });
  const staffQuery = useQuery(trpc.staff.list.queryOptions());
  const { flash, show, dismiss } = useFlash();

  if (!query.data) {
    return (
      <>
        <PageHeader
          title="Incident"
          breadcrumbs={[{ label: "Incidents", href: "/console/incidents" }, { label: "Incident" }]}
        />
        {query.isError ? (
          <QueryError title="Could not load this incident" error={query.error} onRetry={() => query.refetch()} />
        ) : (
          <LoadingState label="Loading incident…" />
        )}
      </>
    );
  }

  const detail = query.data;
  const inc = detail.incident;
  const props: SectionProps = {
    detail,
    canManage,
    selfId,
    staff: staffQuery.data?.members ?? [],
    notify: show,
  };

  return (
    <>
      <PageHeader
        title={
          <span className="flex flex-wrap items-baseline gap-x-2">
            <span className="font-mono text-base font-medium text-muted-foreground">{detail.reference}</span>
            <SafeText text={inc.title} className="break-words" />
          </span>
        }
        breadcrumbs={[{ label: "Incidents", href: "/console/incidents" }, { label: detail.reference }]}
      >
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <SeverityIdBadge value={detail.effectiveSeverity} />
          {inc.severityOverride !== null ? (
            <span className="text-xs text-muted-foreground" title={inc.severityReason ?? undefined}>
              (set by analyst)
            </span>
          ) : null}
          <IncidentStatusBadge status={inc.status} />
          <CustomerVisibilityBadge visible={inc.visibleToCustomer} />
          {!inc.acknowledgedAt ? <Badge tone="warning">Not acknowledged</Badge> : null}
          <Link
            href={`/console/customers/${detail.customerSlug}`}
            className="font-medium text-foreground hover:text-primary hover:underline"
          >
            {detail.customerName}
          </Link>
          <span className="text-muted-foreground">
            {detail.assigneeName ? (
              <>
                Assigned to <span className="text-foreground">{detail.assigneeName}</span>
              </>
            ) : (
              "Unassigned"
            )}
          </span>
        </div>
        {canManage ? <HeaderActions {...props} /> : null}
        {canManage && (inc.status === "closed" || inc.status === "recovered") ? (
          <Alert tone="info" title="Recommend to customer">
            <span className="flex flex-wrap items-center gap-3">
              What should {detail.customerName} change so this does not happen again?
              <NewRecommendation
                fixedCustomerId={inc.customerId}
                origin={{ origin: "incident", incidentId: inc.id }}
                label="Recommend to customer"
                defaults={{ title: `After ${detail.reference}: `, body: "" }}
              />
            </span>
          </Alert>
        ) : null}
        {inc.status === "waiting_on_customer" ? (
          <Alert tone="info" icon={Clock} title="Waiting on the customer">
            When they answer in their portal the incident returns to{" "}
            {STATUS_LABELS[inc.resumeStatus ?? "investigating"].toLowerCase()}.
          </Alert>
        ) : null}
      </PageHeader>

      <div className="mb-6">
        <SlaCard detail={detail} />
      </div>
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="grid min-w-0 gap-6">
          <SummaryCard {...props} />
          <Timeline {...props} />
        </div>
        <div className="grid min-w-0 gap-6">
          <TasksCard {...props} />
          <ActionsCard {...props} />
          <AttackCard {...props} />
        </div>
      </div>
      <div className="mt-6 grid gap-6">
        <AlertsCard detail={detail} />
        <ObservablesCard {...props} />
      </div>
      <p className="mt-6 text-xs text-muted-foreground">
        Last loaded <DateTime value={new Date(query.dataUpdatedAt)} mode="time" />; this page refreshes every 30 s.
      </p>
      <FlashMessage flash={flash} onDismiss={dismiss} />
    </>
  );
}
