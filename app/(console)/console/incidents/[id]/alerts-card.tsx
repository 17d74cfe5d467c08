"use client";

import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/app/_components/ui/card";
import Link from "@/app/_components/ui/link";
import { SafeText, visibleText } from "@/app/_components/ui/safe-text";
import { Table, TBody, TD, TH, THead, TR } from "@/app/_components/ui/table";
import { SOURCE_FORMAT_LABELS } from "@/server/sensors/schema";
import { DateTime } from "../../_components/date-time";
import { SeverityIdBadge } from "../../_components/severity";
import { VerdictBadge } from "../../_components/status-badges";
import { TechniqueChips } from "../../_components/technique-chips";
import { inCardTable } from "../../_components/ui-classes";
import type { SectionProps } from "./shared";

export function AlertsCard({ detail }: Pick<SectionProps, "detail">) {
  const alerts = detail.alerts;
  return (
    <Card id="alerts">
      <CardHeader>
        <CardTitle>Alerts in this incident</CardTitle>
        <CardDescription>
          {alerts.length ? `${alerts.length}, by event time` : "No alerts: this incident was opened by hand."}
        </CardDescription>
      </CardHeader>
      {alerts.length ? (
        <CardContent className="px-0 pb-0">
          <Table className={`text-[13px] ${inCardTable}`}>
            <THead>
              <TR>
                <TH className="w-24">Severity</TH>
                <TH>Alert</TH>
                <TH className="hidden lg:table-cell">Techniques</TH>
                <TH>Event time</TH>
                <TH className="text-right">Seen</TH>
                <TH>Verdict</TH>
              </TR>
            </THead>
            <TBody>
              {alerts.map((a) => (
                <TR key={a.id}>
                  <TD className="py-2">
                    <SeverityIdBadge value={a.severity} />
                  </TD>
                  <TD className="max-w-96 min-w-56 py-2">
                    <Link
                      href={`/console/alerts/${a.id}`}
                      title={visibleText(a.title)}
                      className="line-clamp-2 font-medium break-words text-foreground hover:text-primary hover:underline"
                    >
                      <SafeText text={a.title} />
                    </Link>
                    <div className="truncate text-xs text-muted-foreground">
                      {SOURCE_FORMAT_LABELS[a.source]}
                      {a.sensorName ? ` · ${a.sensorName}` : ""}
                    </div>
                  </TD>
                  <TD className="hidden py-2 lg:table-cell">
                    <TechniqueChips ids={a.techniques} max={2} />
                  </TD>
                  <TD className="py-2 whitespace-nowrap text-muted-foreground">
                    <DateTime value={a.eventTime} />
                  </TD>
                  <TD className="py-2 text-right tabular-nums">
                    {a.occurrences > 1 ? `×${a.occurrences}` : <span className="text-muted-foreground">·</span>}
                  </TD>
                  <TD className="py-2">
                    {a.verdict ? (
                      <VerdictBadge verdict={a.verdict} />
                    ) : (
                      <span className="text-muted-foreground">—</span>
                    )}
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>
        </CardContent>
      ) : null}
    </Card>
  );
}
