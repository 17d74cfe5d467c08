"use client";

import { useQuery } from "@tanstack/react-query";
import { Clock, Scissors } from "lucide-react";
import type { ReactNode } from "react";
import { Alert } from "@/app/_components/ui/alert";
import { Badge } from "@/app/_components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/app/_components/ui/card";
import Link from "@/app/_components/ui/link";
import { PageHeader } from "@/app/_components/ui/page-header";
import { SafeText } from "@/app/_components/ui/safe-text";
import { LoadingState } from "@/app/_components/ui/states";
import { useTRPC } from "@/app/_lib/trpc/client";
import { SOURCE_FORMAT_LABELS } from "@/server/sensors/schema";
import { AlertActions } from "../../_components/alert-actions";
import { DateTime } from "../../_components/date-time";
import { FlashMessage, useFlash } from "../../_components/flash";
import { QueryError } from "../../_components/query-error";
import { SeverityIdBadge } from "../../_components/severity";
import { AlertStatusBadge, IncidentStatusBadge, VerdictBadge } from "../../_components/status-badges";
import { EntityGroups, entityCount, readEntities } from "./entities";
import { RawPayload } from "./raw-payload";

export type TechniqueInfo = { id: string; name: string | null; tactics: string[] };

function Facts({ children }: { children: ReactNode }) {
  return <dl className="grid grid-cols-[7rem_minmax(0,1fr)] gap-x-4 gap-y-2.5 text-sm">{children}</dl>;
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="min-w-0 break-words">{children ?? <span className="text-muted-foreground">—</span>}</dd>
    </>
  );
}

const TRUNCATED_LABELS: Record<string, string> = {
  title: "title",
  description: "description",
  product: "product",
  vendorStatus: "vendor status",
};
const truncatedLabel = (f: string) =>
  TRUNCATED_LABELS[f] ?? (/^processes\.\d+\.commandLine$/.test(f) ? `command line ${Number(f.split(".")[1]) + 1}` : f);

export function AlertDetail({
  alertId,
  techniques,
  selfId,
  canTriage,
  canManageIncidents,
}: {
  alertId: string;
  techniques: TechniqueInfo[];
  selfId: string;
  canTriage: boolean;
  canManageIncidents: boolean;
}) {
  const trpc = useTRPC();
  const query = useQuery(trpc.alerts.byId.queryOptions({ alertId }));
  const incidentId = query.data?.alert.incidentId ?? null;
  const incident = useQuery({
    ...trpc.incidents.byId.queryOptions({ incidentId: incidentId ?? "" }),
    enabled: Boolean(incidentId),
  });
  const { flash, show, dismiss } = useFlash();
  const crumbs = [{ label: "Alert queue", href: "/console/queue" }, { label: "Alert" }];

  if (!query.data) {
    return (
      <>
        <PageHeader title="Alert" breadcrumbs={crumbs} />
        {query.isError ? (
          <QueryError title="Could not load this alert" error={query.error} onRetry={() => query.refetch()} />
        ) : (
          <LoadingState label="Loading alert…" />
        )}
      </>
    );
  }

  const { alert: a, customerName, customerSlug, sensorName, assigneeName } = query.data;
  const entities = readEntities(a.entities);
  const reference = incident.data?.reference ?? null;

  return (
    <>
      <PageHeader
        title={<SafeText text={a.title} className="break-words" />}
        breadcrumbs={[
          { label: "Alert queue", href: "/console/queue" },
          { label: customerName, href: `/console/queue?customer=${a.customerId}` },
          { label: "Alert" },
        ]}
      >
        <div className="flex flex-wrap items-center gap-2">
          <SeverityIdBadge value={a.severity} />
          <AlertStatusBadge status={a.status} />
          {a.verdict ? <VerdictBadge verdict={a.verdict} /> : null}
          <Link
            href={`/console/customers/${customerSlug}`}
            className="text-sm font-medium text-foreground hover:text-primary hover:underline"
          >
            {customerName}
          </Link>
          {a.incidentId ? (
            <Link
              href={`/console/incidents/${a.incidentId}`}
              className="font-mono text-sm font-medium text-primary hover:underline"
            >
              {reference ?? "Incident"}
            </Link>
          ) : null}
          <span className="text-sm text-muted-foreground">
            {assigneeName ? `Assigned to ${assigneeName}` : "Unassigned"}
          </span>
        </div>
        {canTriage ? (
          <div className="flex flex-wrap items-center gap-2">
            <AlertActions
              alerts={[
                {
                  id: a.id,
                  title: a.title,
                  customerId: a.customerId,
                  customerName,
                  customerSlug,
                  incidentId: a.incidentId,
                  incidentReference: reference,
                  status: a.status,
                },
              ]}
              selfId={selfId}
              canTriage={canTriage}
              canManageIncidents={canManageIncidents}
              onDone={show}
            />
          </div>
        ) : null}
      </PageHeader>

      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="grid min-w-0 gap-6">
          {a.clockSkew || a.truncated.length ? (
            <div className="grid gap-2">
              {a.clockSkew ? (
                <Alert tone="warning" icon={Clock} title="The sensor's clock looks wrong">
                  It reported the event at{" "}
                  {a.originalEventTime ? <DateTime value={a.originalEventTime} /> : "an unknown time"}, more than a day
                  ahead of when it arrived, so the event time was set to the time received.
                </Alert>
              ) : null}
              {a.truncated.length ? (
                <Alert tone="info" icon={Scissors} title="Some fields were cut to length at intake">
                  {a.truncated.map(truncatedLabel).join(", ")}. The raw payload below has them whole.
                </Alert>
              ) : null}
            </div>
          ) : null}
          {a.description ? (
            <Card>
              <CardHeader>
                <CardTitle>Description</CardTitle>
              </CardHeader>
              <CardContent>
                <p className="text-sm leading-relaxed break-words whitespace-pre-wrap">
                  <SafeText text={a.description} />
                </p>
              </CardContent>
            </Card>
          ) : null}
          <Card>
            <CardHeader>
              <CardTitle>Entities</CardTitle>
              <CardDescription>Hosts, users, processes and indicators the vendor named.</CardDescription>
            </CardHeader>
            <CardContent>
              {entityCount(entities) ? (
                <EntityGroups entities={entities} />
              ) : (
                <p className="text-sm text-muted-foreground">The alert names no entities.</p>
              )}
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>ATT&CK techniques</CardTitle>
            </CardHeader>
            <CardContent>
              {techniques.length ? (
                <ul className="grid gap-2">
                  {techniques.map((t) => (
                    <li key={t.id} className="flex flex-wrap items-baseline gap-x-3 gap-y-0.5 text-sm">
                      <span className="font-mono text-xs font-medium">{t.id}</span>
                      <span className="font-medium">{t.name ?? "Not in the shipped ATT&CK dataset"}</span>
                      {t.tactics.length ? (
                        <span className="text-xs text-muted-foreground">{t.tactics.join(" · ")}</span>
                      ) : null}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="text-sm text-muted-foreground">The vendor mapped no ATT&CK technique.</p>
              )}
            </CardContent>
          </Card>
          {a.rawPrunedAt ? (
            <Card>
              <CardContent className="py-4 text-sm text-muted-foreground">
                <span className="font-semibold text-foreground">Raw payload removed</span> on{" "}
                <DateTime value={a.rawPrunedAt} />: vendors&apos; payloads are kept for a set time after an alert was
                last received. The normalised alert above is kept.
              </CardContent>
            </Card>
          ) : (
            <RawPayload raw={a.raw} />
          )}
        </div>

        <div className="grid min-w-0 gap-6">
          <Card>
            <CardHeader>
              <CardTitle>Triage</CardTitle>
            </CardHeader>
            <CardContent>
              <Facts>
                <Fact label="Status">
                  <AlertStatusBadge status={a.status} />
                </Fact>
                <Fact label="Assignee">{assigneeName}</Fact>
                <Fact label="Acknowledged">{a.acknowledgedAt ? <DateTime value={a.acknowledgedAt} /> : null}</Fact>
                <Fact label="Verdict">{a.verdict ? <VerdictBadge verdict={a.verdict} /> : null}</Fact>
                <Fact label="Reason">
                  {a.verdictReason ? (
                    <span className="whitespace-pre-wrap">
                      <SafeText text={a.verdictReason} />
                    </span>
                  ) : null}
                </Fact>
                <Fact label="Incident">
                  {a.incidentId ? (
                    <span className="grid justify-items-start gap-1">
                      <Link
                        href={`/console/incidents/${a.incidentId}`}
                        className="font-medium text-primary hover:underline"
                      >
                        {reference ?? "Open the incident"}
                        {incident.data ? (
                          <>
                            {" "}
                            <SafeText text={incident.data.incident.title} className="font-normal text-foreground" />
                          </>
                        ) : null}
                      </Link>
                      {incident.data ? <IncidentStatusBadge status={incident.data.incident.status} /> : null}
                    </span>
                  ) : null}
                </Fact>
              </Facts>
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>Facts</CardTitle>
            </CardHeader>
            <CardContent>
              <Facts>
                <Fact label="Source">{SOURCE_FORMAT_LABELS[a.source]}</Fact>
                <Fact label="Product">{a.product ? <SafeText text={a.product} /> : null}</Fact>
                <Fact label="Sensor">{sensorName ?? <span className="text-muted-foreground">Removed</span>}</Fact>
                <Fact label="Vendor alert id">
                  {a.vendorAlertId ? <SafeText text={a.vendorAlertId} className="font-mono text-xs break-all" /> : null}
                </Fact>
                <Fact label="Vendor status">{a.vendorStatus ? <SafeText text={a.vendorStatus} /> : null}</Fact>
                <Fact label="Vendor severity">{a.vendorSeverity ? <SafeText text={a.vendorSeverity} /> : null}</Fact>
                <Fact label="Event time">
                  <span className="inline-flex flex-wrap items-center gap-1.5">
                    <DateTime value={a.eventTime} />
                    {a.clockSkew ? <Badge tone="warning">Clock skew</Badge> : null}
                  </span>
                </Fact>
                <Fact label="Vendor created">{a.vendorCreatedAt ? <DateTime value={a.vendorCreatedAt} /> : null}</Fact>
                <Fact label="Received">
                  <DateTime value={a.receivedAt} />
                </Fact>
                <Fact label="Last seen">
                  <DateTime value={a.lastSeenAt} />
                </Fact>
                <Fact label="Occurrences">{a.occurrences > 1 ? `×${a.occurrences}` : "Once"}</Fact>
              </Facts>
            </CardContent>
          </Card>
        </div>
      </div>
      <FlashMessage flash={flash} onDismiss={dismiss} />
    </>
  );
}
