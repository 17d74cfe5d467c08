import type { ReactNode } from "react";
import { Badge } from "@/app/_components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/app/_components/ui/card";
import Link from "@/app/_components/ui/link";
import type { Criticality } from "@/db/schema/assets";
import { formatShare } from "@/lib/format";
import type { Entitlement } from "@/server/assets/coverage";
import { CRITICALITY_LABELS, CRITICALITY_TONES, hostLabel } from "./labels";

type Uncovered = {
  id: string;
  hostname: string | null;
  fqdn: string | null;
  agentId: string | null;
  criticality: Criticality | null;
};
export type CoverageData = {
  known: number;
  covered: number;
  ratio: number | null;
  entitlement: Entitlement;
  uncovered: Uncovered[];
};

/** EDR coverage, entitlement and the uncovered assets, most critical first. */
export function EdrCoverage({
  data,
  hrefFor,
  plain = false,
}: {
  data: CoverageData;
  hrefFor: (id: string) => string;
  plain?: boolean;
}) {
  const e = data.entitlement;
  return (
    <div className="grid gap-4 lg:grid-cols-[1fr_1.4fr]">
      <Card>
        <CardHeader>
          <CardTitle>EDR coverage</CardTitle>
          <CardDescription>
            {plain
              ? "Computers and servers seen in the last 30 days that an endpoint agent reported in the last 7 days."
              : "Covered (EDR report in 7 days) ÷ known assets (seen in 30 days)."}
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-3">
          <p className="text-3xl font-semibold tabular-nums">
            {data.ratio === null ? "No data" : formatShare(data.ratio)}
            <span className="ml-2 text-sm font-normal text-muted-foreground">
              {data.ratio === null ? "no assets seen in 30 days" : `${data.covered} of ${data.known} assets`}
            </span>
          </p>
          <dl className="grid gap-2 text-sm">
            <Allowance
              label="Endpoints with an agent"
              used={e.endpoints.used}
              licensed={e.endpoints.licensed}
              over={e.endpoints.over}
            />
            <Allowance
              label="Active sensors"
              used={e.sensors.used}
              licensed={e.sensors.licensed}
              over={e.sensors.over}
            />
          </dl>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Uncovered assets</CardTitle>
          <CardDescription>
            {plain
              ? "Seen recently, but no endpoint agent has reported them in the last 7 days."
              : "Known, without an EDR report in 7 days."}
          </CardDescription>
        </CardHeader>
        <CardContent>
          {data.uncovered.length === 0 ? (
            <p className="text-sm text-muted-foreground">Every known asset is covered.</p>
          ) : (
            <ul className="grid gap-1.5 text-sm">
              {data.uncovered.map((a) => (
                <li key={a.id} className="flex min-w-0 items-center justify-between gap-2">
                  <Link
                    href={hrefFor(a.id)}
                    className="min-w-0 truncate font-medium text-primary underline-offset-2 hover:underline"
                  >
                    {hostLabel(a)}
                  </Link>
                  {a.criticality ? (
                    <Badge tone={CRITICALITY_TONES[a.criticality]}>{CRITICALITY_LABELS[a.criticality]}</Badge>
                  ) : null}
                </li>
              ))}
              {data.known - data.covered > data.uncovered.length ? (
                <li className="text-muted-foreground">and {data.known - data.covered - data.uncovered.length} more</li>
              ) : null}
            </ul>
          )}
        </CardContent>
      </Card>
    </div>
  );
}

function Allowance({
  label,
  used,
  licensed,
  over,
}: {
  label: string;
  used: number;
  licensed: number | null;
  over: boolean;
}): ReactNode {
  return (
    <div className="flex flex-wrap items-center justify-between gap-2">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="flex items-center gap-2 tabular-nums">
        {used} {licensed === null ? "(no licence in the contract)" : `of ${licensed} licensed`}
        {over ? <Badge tone="danger">Over licence</Badge> : null}
      </dd>
    </div>
  );
}
