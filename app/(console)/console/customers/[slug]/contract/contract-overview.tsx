"use client";

import { CoverageCalendar } from "@/app/_components/contract/coverage-calendar";
import { SlaTargetsTable } from "@/app/_components/contract/sla-targets-table";
import { Alert } from "@/app/_components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { formatDateTime } from "@/lib/format";
import type { RouterOutputs } from "../../../_components/types";
import { inCardTable } from "../../../_components/ui-classes";
import { WarningLines, worstLevel } from "../../../contracts/_components/warnings";
import { DeploymentCard } from "./deployment-card";
import { TermsCard } from "./terms-card";
import { VersionHistory } from "./version-history";

type Data = RouterOutputs["contracts"]["ofCustomer"];
export type ShownVersion = Data["contracts"][number]["versions"][number] & { reference: string };

/** The terms shown (in force, else the next scheduled), warnings, deployment and the version history. */
export function ContractOverview({
  data,
  shown,
  inForce,
  nextChange,
  timeZone,
  staffNames,
}: {
  data: Data;
  shown: ShownVersion;
  inForce: boolean;
  nextChange: ShownVersion | undefined;
  timeZone: string;
  staffNames: ReadonlyMap<string, string> | null;
}) {
  const level = worstLevel(data.warnings);
  return (
    <div className="grid gap-6">
      {!inForce ? (
        <Alert tone="warning" title="No terms in force yet">
          Version {shown.version} takes effect on {formatDateTime(shown.effectiveFrom, timeZone)}; until then incidents
          get no SLA clocks.
        </Alert>
      ) : nextChange ? (
        <Alert tone="info" title="A change is scheduled">
          Version {nextChange.version} takes effect on {formatDateTime(nextChange.effectiveFrom, timeZone)}.
        </Alert>
      ) : null}
      {data.warnings.length ? (
        <Alert
          tone={level === "danger" ? "danger" : level === "warning" ? "warning" : "info"}
          title={level === "info" ? "Notes" : "Needs attention"}
          icon={null}
        >
          <WarningLines warnings={data.warnings} className="text-foreground" />
        </Alert>
      ) : null}
      <div className="grid items-start gap-6 lg:grid-cols-3">
        <div className="grid gap-6 lg:col-span-2">
          <TermsCard terms={shown} reference={shown.reference} title={inForce ? "Terms in force" : "Terms"} />
          <Card>
            <CardHeader>
              <CardTitle>SLA targets</CardTitle>
              <CardDescription>
                Time allowed per severity; “—” means no target. Informational incidents have none.
              </CardDescription>
            </CardHeader>
            <CardContent className="px-0 pb-2">
              <SlaTargetsTable targets={shown.slaTargets} className={inCardTable} caption="SLA targets" />
            </CardContent>
          </Card>
        </div>
        <div className="grid gap-6">
          <Card>
            <CardHeader>
              <CardTitle>Coverage hours</CardTitle>
            </CardHeader>
            <CardContent>
              <CoverageCalendar coverage={shown.coverage} />
            </CardContent>
          </Card>
          <DeploymentCard
            deployment={data.deployment}
            licensedEndpoints={shown.licensedEndpoints}
            licensedSensors={shown.licensedSensors}
            monitoredClasses={shown.monitoredClasses}
          />
        </div>
      </div>
      <VersionHistory data={data} timeZone={timeZone} staffNames={staffNames} />
    </div>
  );
}
