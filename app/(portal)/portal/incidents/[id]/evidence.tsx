"use client";

import { ExternalLink, Fingerprint, ListTree, Radar } from "lucide-react";
import type { ReactNode } from "react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { SafeText } from "@/app/_components/ui/safe-text";
import { EmptyState } from "@/app/_components/ui/states";
import { Table, TBody, TD, TH, THead, TR } from "@/app/_components/ui/table";
import { SOURCE_FORMAT_LABELS } from "@/server/sensors/schema";
import { IncidentSeverityBadge, IncidentStatusBadge } from "../_components/badges";
import { type MyIncident, OBSERVABLE_KIND_LABELS } from "../_components/labels";
import { When } from "../_components/when";

const tableInCard = "[&_tr>*:first-child]:pl-5 [&_tr>*:last-child]:pr-5";

export function FactsCard({ incident: i, timeZone }: { incident: MyIncident; timeZone: string }) {
  const when = (v: Date | null) => (v ? <When value={v} timeZone={timeZone} /> : null);
  const rows: { label: string; value: ReactNode }[] = [
    { label: "Reference", value: <span className="font-mono">{i.reference}</span> },
    { label: "Severity", value: <IncidentSeverityBadge severity={i.severity} /> },
    { label: "Status", value: <IncidentStatusBadge status={i.status} /> },
    { label: "First activity", value: when(i.firstEventTime) },
    { label: "Latest activity", value: when(i.latestEventTime) },
    { label: "Shared with you", value: when(i.customerNotifiedAt) },
    { label: "Contained", value: when(i.containedAt) },
    { label: "Resolved", value: when(i.resolvedAt) },
    { label: "Closed", value: when(i.closedAt) },
  ].filter((r) => r.value !== null);
  return (
    <Card>
      <CardHeader>
        <CardTitle>Details</CardTitle>
      </CardHeader>
      <CardContent>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2.5 text-sm">
          {rows.map((r) => (
            <div key={r.label} className="col-span-2 grid grid-cols-subgrid items-center">
              <dt className="text-muted-foreground">{r.label}</dt>
              <dd className="min-w-0 break-words">{r.value}</dd>
            </div>
          ))}
        </dl>
      </CardContent>
    </Card>
  );
}

export function AlertsCard({ alerts, timeZone }: { alerts: MyIncident["alerts"]; timeZone: string }) {
  const total = alerts.reduce((n, a) => n + a.occurrences, 0);
  return (
    <Card>
      <CardHeader>
        <CardTitle>Alerts</CardTitle>
        <CardDescription>
          {alerts.length === 0
            ? "The detections behind this incident."
            : `${alerts.length} detection${alerts.length === 1 ? "" : "s"} from your sensors${total > alerts.length ? `, seen ${total} times in all` : ""}.`}
        </CardDescription>
      </CardHeader>
      <CardContent className="px-0 pb-0">
        {alerts.length === 0 ? (
          <EmptyState
            icon={Radar}
            className="py-8"
            title="No alerts listed"
            description="This incident was opened by an analyst rather than from a detection."
          />
        ) : (
          <Table className={tableInCard} wrapperClassName="border-t border-border">
            <THead>
              <TR>
                <TH>Alert</TH>
                <TH className="hidden sm:table-cell">Severity</TH>
                <TH className="hidden 2xl:table-cell">Source</TH>
                <TH className="hidden md:table-cell">Time</TH>
                <TH className="text-right" title="How many times the sensor reported it">
                  Seen
                </TH>
              </TR>
            </THead>
            <TBody>
              {alerts.map((a) => (
                <TR key={a.id}>
                  <TD className="min-w-48">
                    <div className="font-medium break-words">
                      <SafeText text={a.title} />
                    </div>
                    <div className="mt-0.5 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-muted-foreground">
                      <span className="sm:hidden">
                        <IncidentSeverityBadge severity={a.severity} />
                      </span>
                      <span className="2xl:hidden">
                        <SourceText alert={a} />
                      </span>
                      <span className="md:hidden">
                        <When value={a.eventTime} timeZone={timeZone} />
                      </span>
                    </div>
                  </TD>
                  <TD className="hidden sm:table-cell">
                    <IncidentSeverityBadge severity={a.severity} />
                  </TD>
                  <TD className="hidden max-w-56 text-xs 2xl:table-cell">
                    <SourceText alert={a} />
                  </TD>
                  <TD className="hidden whitespace-nowrap text-muted-foreground md:table-cell">
                    <When value={a.eventTime} timeZone={timeZone} />
                  </TD>
                  <TD className="text-right tabular-nums">{a.occurrences.toLocaleString("en-GB")}</TD>
                </TR>
              ))}
            </TBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}

function SourceText({ alert: a }: { alert: MyIncident["alerts"][number] }) {
  return (
    <span className="break-words">
      {a.product ? <SafeText text={a.product} /> : SOURCE_FORMAT_LABELS[a.source]}
      {a.sensorName ? (
        <span className="text-muted-foreground">
          {" · "}
          <SafeText text={a.sensorName} />
        </span>
      ) : null}
    </span>
  );
}

const attackUrl = (id: string) => `https://attack.mitre.org/techniques/${id.replace(".", "/")}/`;

export function AttackCard({ tactics }: { tactics: MyIncident["tactics"] }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Attack techniques</CardTitle>
        <CardDescription>What the attacker tried, in MITRE ATT&amp;CK terms, by tactic.</CardDescription>
      </CardHeader>
      <CardContent>
        {tactics.length === 0 ? (
          <EmptyState icon={ListTree} className="py-4" title="None identified" />
        ) : (
          <ul className="grid gap-4">
            {tactics.map((g) => (
              <li key={g.tactic.id} className="grid gap-1.5">
                <p className="text-xs font-semibold tracking-wide text-muted-foreground uppercase">
                  {g.tactic.name} <span className="font-mono font-normal normal-case">{g.tactic.id}</span>
                </p>
                <ul className="grid gap-1">
                  {g.techniques.map((t) => (
                    <li key={t.id}>
                      <a
                        href={attackUrl(t.id)}
                        target="_blank"
                        rel="noopener noreferrer"
                        className="group rounded-sm text-sm break-words hover:text-primary"
                      >
                        <span className="mr-1.5 font-mono text-xs text-muted-foreground group-hover:text-primary">
                          {t.id}
                        </span>
                        <span className="group-hover:underline">{t.name}</span>
                        <ExternalLink aria-hidden="true" className="ml-1 inline size-3 text-muted-foreground" />
                        <span className="sr-only"> (opens attack.mitre.org in a new tab)</span>
                      </a>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}

export function IocsCard({ iocs }: { iocs: MyIncident["iocs"] }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Indicators of compromise</CardTitle>
        <CardDescription>
          Addresses, hashes and names tied to this incident, e.g. to block or search for.
        </CardDescription>
      </CardHeader>
      <CardContent>
        {iocs.length === 0 ? (
          <EmptyState icon={Fingerprint} className="py-4" title="None listed" />
        ) : (
          <ul className="grid gap-3">
            {iocs.map((o) => (
              <li key={o.id} className="grid min-w-0 gap-0.5">
                <span className="text-xs text-muted-foreground">{OBSERVABLE_KIND_LABELS[o.kind] ?? o.kind}</span>
                <span className="font-mono text-sm break-all">
                  <SafeText text={o.value} />
                </span>
                {o.note ? (
                  <span className="text-xs break-words text-muted-foreground">
                    <SafeText text={o.note} />
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
