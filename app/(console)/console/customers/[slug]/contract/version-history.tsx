"use client";

import { Badge } from "@/app/_components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { coverageSummary } from "@/app/_lib/contract-terms";
import { TIER_SHORT } from "@/server/contracts/templates";
import { DateTime } from "../../../_components/date-time";
import type { RouterOutputs } from "../../../_components/types";
import { ChangesList } from "./changes-list";
import { statusOf, type VersionStatus } from "./contract-versions";
import { diffTerms } from "./terms-diff";

type Data = RouterOutputs["contracts"]["ofCustomer"];
const STATUS: Record<VersionStatus, { label: string; tone: "success" | "info" | "neutral" }> = {
  in_force: { label: "In force", tone: "success" },
  scheduled: { label: "Scheduled", tone: "info" },
  superseded: { label: "Superseded", tone: "neutral" },
};

export function VersionHistory({
  data,
  timeZone,
  staffNames,
}: {
  data: Data;
  timeZone: string;
  staffNames: ReadonlyMap<string, string> | null;
}) {
  const who = (id: string | null) =>
    id === null ? "System" : (staffNames?.get(id) ?? (staffNames ? "A former staff member" : "A staff member"));
  return (
    <Card>
      <CardHeader>
        <CardTitle>Version history</CardTitle>
        <CardDescription>
          Each change is a new version from its effective time; incidents keep the version in force when they opened.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-6">
        {data.contracts.map((c) => (
          <section key={c.id} aria-label={`Versions of ${c.reference}`} className="grid gap-3">
            {data.contracts.length > 1 ? <h3 className="font-mono text-sm font-medium">{c.reference}</h3> : null}
            <ol className="grid gap-0">
              {c.versions.map((v) => {
                const prev = c.versions.find((p) => p.version === v.version - 1);
                const changes = prev ? diffTerms(prev, v) : null;
                const status = STATUS[statusOf(v, data.current)];
                return (
                  <li key={v.id} className="relative grid gap-2 border-l-2 border-border pb-5 pl-5 last:pb-0">
                    <span
                      aria-hidden="true"
                      className="absolute top-1 -left-[7px] size-3 rounded-full border-2 border-card bg-primary"
                    />
                    <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                      <h4 className="text-sm font-semibold">Version {v.version}</h4>
                      <Badge tone={status.tone}>{status.label}</Badge>
                      <span className="text-sm text-muted-foreground">
                        effective from <DateTime value={v.effectiveFrom} timeZone={timeZone} />
                      </span>
                    </div>
                    {v.note ? <p className="text-sm break-words whitespace-pre-line">{v.note}</p> : null}
                    <p className="text-xs text-muted-foreground">
                      {who(v.createdBy)} · <DateTime value={v.createdAt} />
                    </p>
                    {changes === null ? (
                      <p className="text-sm text-muted-foreground">
                        {v.version === 1 ? "First version: " : "Previous version not found: "}
                        {TIER_SHORT[v.tier]} · {coverageSummary(v.coverage)} · {v.licensedEndpoints} endpoints
                      </p>
                    ) : changes.length === 0 ? (
                      <p className="text-sm text-muted-foreground">Same terms as version {v.version - 1}.</p>
                    ) : (
                      <ChangesList changes={changes} />
                    )}
                  </li>
                );
              })}
            </ol>
          </section>
        ))}
      </CardContent>
    </Card>
  );
}
