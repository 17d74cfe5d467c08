"use client";

import { useQuery } from "@tanstack/react-query";
import { CircleCheck } from "lucide-react";
import { useState } from "react";
import { Alert, type AlertTone } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { PageHeader } from "@/app/_components/ui/page-header";
import { SafeText } from "@/app/_components/ui/safe-text";
import { ErrorState, LoadingState } from "@/app/_components/ui/states";
import { useTRPC } from "@/app/_lib/trpc/client";
import { trpcErrorInfo } from "../../_lib/labels";
import { IncidentSeverityBadge, IncidentStatusBadge } from "../_components/badges";
import { STATUS_DESCRIPTIONS } from "../_components/labels";
import { ActionHistory, PendingActions } from "./actions";
import { AlertsCard, AttackCard, FactsCard, IocsCard } from "./evidence";
import { QuestionCard } from "./question-card";
import { SlaEvidence } from "./sla-evidence";
import { Timeline } from "./timeline";

export type IncidentPermissions = { comment: boolean; answer: boolean; approve: boolean };
export type Notice = { tone: AlertTone; text: string } | null;

export function IncidentDetail({
  incidentId,
  timeZone,
  providerName,
  can,
}: {
  incidentId: string;
  timeZone: string;
  providerName: string;
  can: IncidentPermissions;
}) {
  const trpc = useTRPC();
  const query = useQuery(trpc.myIncidents.byId.queryOptions({ incidentId }));
  const [notice, setNotice] = useState<Notice>(null);
  const crumbs = [{ label: "Incidents", href: "/portal/incidents" }, { label: query.data?.reference ?? "Incident" }];

  if (!query.data) {
    return (
      <>
        <PageHeader title="Incident" breadcrumbs={crumbs} />
        {query.isError ? (
          <Card>
            <ErrorState
              title="Could not load this incident"
              message={trpcErrorInfo(query.error).message}
              onRetry={() => void query.refetch()}
            />
          </Card>
        ) : (
          <LoadingState label="Loading incident…" />
        )}
      </>
    );
  }

  const inc = query.data;
  const pending = inc.actions.filter((a) => a.status === "requested");
  const decided = inc.actions.filter((a) => a.status !== "requested");
  const question = inc.waitingOnYou ? inc.timeline.findLast((e) => e.kind === "question") : undefined;

  return (
    <>
      <PageHeader title={<SafeText text={inc.title} className="break-words" />} breadcrumbs={crumbs}>
        <div className="grid gap-2">
          <div className="flex flex-wrap items-center gap-2">
            <span className="font-mono text-xs text-muted-foreground">{inc.reference}</span>
            <IncidentSeverityBadge severity={inc.severity} />
            <IncidentStatusBadge status={inc.status} />
          </div>
          <p className="text-sm text-muted-foreground">{STATUS_DESCRIPTIONS[inc.status]}</p>
        </div>
      </PageHeader>

      <div className="grid gap-6">
        {notice ? (
          <Alert
            tone={notice.tone}
            icon={notice.tone === "success" ? CircleCheck : undefined}
            action={
              <Button variant="ghost" size="sm" onClick={() => setNotice(null)}>
                Dismiss
              </Button>
            }
          >
            <span aria-live="polite">{notice.text}</span>
          </Alert>
        ) : null}

        {inc.waitingOnYou ? (
          <QuestionCard
            incidentId={inc.id}
            question={question}
            timeZone={timeZone}
            providerName={providerName}
            canAnswer={can.answer}
            onDone={setNotice}
          />
        ) : null}

        {pending.length > 0 ? (
          <PendingActions
            incidentId={inc.id}
            actions={pending}
            timeZone={timeZone}
            providerName={providerName}
            canApprove={can.approve}
            onDone={setNotice}
          />
        ) : null}

        <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
          <div className="grid min-w-0 content-start gap-6">
            {inc.summary ? (
              <Card>
                <CardHeader>
                  <CardTitle>Summary</CardTitle>
                </CardHeader>
                <CardContent>
                  <p className="text-sm leading-relaxed break-words whitespace-pre-wrap">
                    <SafeText text={inc.summary} />
                  </p>
                </CardContent>
              </Card>
            ) : null}
            <Timeline
              incidentId={inc.id}
              entries={inc.timeline}
              timeZone={timeZone}
              providerName={providerName}
              canComment={can.comment}
              onDone={setNotice}
            />
            <AlertsCard alerts={inc.alerts} timeZone={timeZone} />
          </div>
          <div className="grid min-w-0 content-start gap-6">
            <FactsCard incident={inc} timeZone={timeZone} />
            <SlaEvidence incidentId={inc.id} timeZone={timeZone} />
            <AttackCard tactics={inc.tactics} />
            <IocsCard iocs={inc.iocs} />
            {decided.length > 0 ? <ActionHistory actions={decided} timeZone={timeZone} /> : null}
          </div>
        </div>
      </div>
    </>
  );
}
