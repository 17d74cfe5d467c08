import type { ReactNode } from "react";
import { Badge } from "@/app/_components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/app/_components/ui/card";
import Link from "@/app/_components/ui/link";
import type { Criticality } from "@/db/schema/assets";
import { CRITICALITY_LABELS, CRITICALITY_TONES } from "./labels";

export type AssetDetailData = {
  agentId: string | null;
  fqdn: string | null;
  hostname: string | null;
  ip: string | null;
  os: string | null;
  owner: string | null;
  criticality: Criticality | null;
  firstSeenAt: Date;
  lastSeenAt: Date;
  importedAt: Date | null;
  covered: boolean;
  sightings: {
    sensorId: string;
    sensorName: string;
    sensorClass: string;
    vendor: string;
    product: string;
    firstSeenAt: Date;
    lastSeenAt: Date;
  }[];
  incidents: { id: string; number: number; title: string; status: string }[];
};

/** Identity, OS, owner, criticality, first/last seen, the sensors that report it and its open incidents. */
export function AssetDetail({
  asset,
  date,
  incidentHref,
  incidentLabel,
}: {
  asset: AssetDetailData;
  date: (d: Date) => ReactNode;
  incidentHref: (id: string) => string;
  incidentLabel: (i: { number: number }) => string;
}) {
  const facts: { k: string; v: ReactNode }[] = [
    { k: "Host name", v: asset.hostname ?? "—" },
    { k: "Fully qualified name", v: asset.fqdn ?? "—" },
    {
      k: "EDR agent id",
      v: asset.agentId ? <span className="break-all font-mono text-xs">{asset.agentId}</span> : "No agent reported",
    },
    { k: "IP address", v: asset.ip ?? "—" },
    { k: "Operating system", v: asset.os ?? "Unknown" },
    { k: "Owner", v: asset.owner ?? "—" },
    {
      k: "Criticality",
      v: asset.criticality ? (
        <Badge tone={CRITICALITY_TONES[asset.criticality]}>{CRITICALITY_LABELS[asset.criticality]}</Badge>
      ) : (
        "Not set"
      ),
    },
    { k: "EDR", v: asset.covered ? <Badge tone="success">Covered</Badge> : <Badge tone="danger">Not covered</Badge> },
    { k: "First seen", v: date(asset.firstSeenAt) },
    { k: "Last seen", v: date(asset.lastSeenAt) },
    { k: "Last imported", v: asset.importedAt ? date(asset.importedAt) : "Never" },
  ];
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Card>
        <CardHeader>
          <CardTitle>Identity</CardTitle>
        </CardHeader>
        <CardContent>
          <dl className="grid grid-cols-[minmax(0,10rem)_minmax(0,1fr)] gap-x-4 gap-y-2 text-sm">
            {facts.map(({ k, v }) => (
              <div key={k} className="contents">
                <dt className="text-muted-foreground">{k}</dt>
                <dd className="min-w-0 break-words">{v}</dd>
              </div>
            ))}
          </dl>
        </CardContent>
      </Card>
      <div className="grid content-start gap-4">
        <Card>
          <CardHeader>
            <CardTitle>Reported by</CardTitle>
          </CardHeader>
          <CardContent>
            {asset.sightings.length === 0 ? (
              <p className="text-sm text-muted-foreground">
                No sensor has reported this host; it is known from an import.
              </p>
            ) : (
              <ul className="grid gap-2 text-sm">
                {asset.sightings.map((s) => (
                  <li key={s.sensorId} className="grid gap-0.5">
                    <span className="font-medium">
                      {s.sensorName}{" "}
                      <span className="font-normal text-muted-foreground">
                        ({s.sensorClass.toUpperCase()}, {s.vendor} {s.product})
                      </span>
                    </span>
                    <span className="text-muted-foreground">
                      First {date(s.firstSeenAt)} · last {date(s.lastSeenAt)}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Open incidents</CardTitle>
          </CardHeader>
          <CardContent>
            {asset.incidents.length === 0 ? (
              <p className="text-sm text-muted-foreground">No open incident involves this host.</p>
            ) : (
              <ul className="grid gap-1.5 text-sm">
                {asset.incidents.map((i) => (
                  <li key={i.id} className="min-w-0 truncate">
                    <Link
                      href={incidentHref(i.id)}
                      className="font-medium text-primary underline-offset-2 hover:underline"
                    >
                      {incidentLabel(i)} {i.title}
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </CardContent>
        </Card>
      </div>
    </div>
  );
}
