"use client";

import { useQuery } from "@tanstack/react-query";
import { Badge } from "@/app/_components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { LoadingState } from "@/app/_components/ui/states";
import { useTRPC } from "@/app/_lib/trpc/client";
import { QueryError } from "../_components/query-error";
import { HOUR, reasonLabel, span, zoneName } from "./_lib/time";

/** Every gap of the next 30 days: when, for how long, why, and which customers are in coverage during it. */
export function GapsSection({ zone }: { zone: string }) {
  const trpc = useTRPC();
  const q = useQuery(trpc.roster.gaps.queryOptions());
  return (
    <Card>
      <CardHeader>
        <CardTitle>Gaps in the next 30 days</CardTitle>
        <CardDescription>
          Hours in which the roster cannot deliver what the contracts sold, with the reasons. Times in {zoneName(zone)}.
        </CardDescription>
      </CardHeader>
      <CardContent>
        {q.isPending ? (
          <LoadingState label="Computing gaps…" rows={3} />
        ) : q.isError ? (
          <QueryError error={q.error} onRetry={() => q.refetch()} title="Could not compute the gaps" />
        ) : q.data.length === 0 ? (
          <p className="text-sm text-muted-foreground">No gaps: every hour of the next 30 days is covered.</p>
        ) : (
          <ul className="grid gap-2">
            {q.data.map((g) => {
              const hours = Math.round(((g.end.getTime() - g.start.getTime()) / HOUR) * 10) / 10;
              return (
                <li
                  key={g.start.toISOString()}
                  className="grid gap-1 rounded-md border border-destructive/40 bg-destructive/5 p-3 text-sm"
                >
                  <div className="flex flex-wrap items-baseline gap-x-2">
                    <span className="font-medium">{span(g.start, g.end, zone)}</span>
                    <span className="text-muted-foreground">{hours} h</span>
                  </div>
                  <div className="flex flex-wrap gap-1">
                    {g.reasons.map((r) => (
                      <Badge key={r} tone="danger">
                        {reasonLabel(r)}
                      </Badge>
                    ))}
                  </div>
                  <div className="text-muted-foreground">
                    {g.customers.length
                      ? `Customers affected: ${g.customers.map((c) => c.name).join(", ")}`
                      : "No customer in coverage (forecast load only)."}
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
