"use client";

import { Pencil } from "lucide-react";
import { type ReactNode, useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { SafeText } from "@/app/_components/ui/safe-text";
import { SEVERITY_LABELS } from "@/server/incidents/severity";
import { DateTime } from "../../_components/date-time";
import { EditDetailsDialog } from "./incident-dialogs";
import type { SectionProps } from "./shared";

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid min-w-0 content-start gap-0.5">
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="min-w-0 text-[13px] break-words">{children}</dd>
    </div>
  );
}

const when = (d: Date | null) =>
  d ? <DateTime value={d} className="whitespace-nowrap" /> : <span className="text-muted-foreground">—</span>;

export function SummaryCard({ detail, canManage, notify }: SectionProps) {
  const [editing, setEditing] = useState(false);
  const inc = detail.incident;
  return (
    <Card id="summary">
      <CardHeader
        actions={
          canManage ? (
            <Button size="sm" variant="ghost" onClick={() => setEditing(true)}>
              <Pencil aria-hidden="true" />
              Edit
            </Button>
          ) : null
        }
      >
        <CardTitle>Summary</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-5">
        {inc.summary ? (
          <p className="text-sm leading-relaxed break-words whitespace-pre-wrap">
            <SafeText text={inc.summary} />
          </p>
        ) : (
          <p className="text-sm text-muted-foreground">
            No summary yet. Write what happened, what is affected and what is being done.
          </p>
        )}
        <dl className="grid grid-cols-2 gap-x-4 gap-y-3 border-t border-border pt-4 sm:grid-cols-3">
          <Fact label="First event">{when(inc.firstEventTime)}</Fact>
          <Fact label="Latest event">{when(inc.latestEventTime)}</Fact>
          <Fact label="First alert received">{when(inc.firstAlertReceivedAt)}</Fact>
          <Fact label="Opened">{when(inc.createdAt)}</Fact>
          <Fact label="Acknowledged">{when(inc.acknowledgedAt)}</Fact>
          <Fact label="Customer notified">{when(inc.customerNotifiedAt)}</Fact>
          <Fact label="Contained">{when(inc.containedAt)}</Fact>
          <Fact label="Resolved">{when(inc.resolvedAt)}</Fact>
          {inc.closedAt ? <Fact label="Closed">{when(inc.closedAt)}</Fact> : null}
          {inc.severityOverride !== null ? (
            <Fact label="Severity set by analyst">
              {SEVERITY_LABELS[inc.severityOverride]} (alerts: {SEVERITY_LABELS[inc.severity]})
              {inc.severityReason ? (
                <span className="block text-xs text-muted-foreground">
                  <SafeText text={inc.severityReason} />
                </span>
              ) : null}
            </Fact>
          ) : null}
        </dl>
        {inc.closeReason ? (
          <div className="grid gap-1 rounded-md bg-muted/60 px-3 py-2 text-sm">
            <span className="text-xs font-medium text-muted-foreground">Closing note</span>
            <p className="break-words whitespace-pre-wrap">
              <SafeText text={inc.closeReason} />
            </p>
          </div>
        ) : null}
      </CardContent>
      {editing ? <EditDetailsDialog detail={detail} onClose={() => setEditing(false)} notify={notify} /> : null}
    </Card>
  );
}
