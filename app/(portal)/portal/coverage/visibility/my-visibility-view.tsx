"use client";

import { useQuery } from "@tanstack/react-query";
import { BandLegend } from "@/app/_components/coverage/band-legend";
import { percent } from "@/app/_components/coverage/bands";
import { HeatMap } from "@/app/_components/coverage/heat-map";
import { CLASS_LABELS } from "@/app/_components/coverage/labels";
import { RaiseList } from "@/app/_components/coverage/raise-list";
import { Alert } from "@/app/_components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { ErrorState, LoadingState } from "@/app/_components/ui/states";
import { useTRPC } from "@/app/_lib/trpc/client";

export function MyVisibilityView() {
  const trpc = useTRPC();
  const q = useQuery(trpc.myVisibility.heatMap.queryOptions());
  if (q.isPending) return <LoadingState label="Loading the map…" />;
  if (q.isError) return <ErrorState title="The map could not be loaded" onRetry={() => q.refetch()} />;
  const m = q.data;
  const observable = m.columns.filter((c) => c.ratio !== null);
  const weakest = [...observable].sort((a, b) => (a.ratio ?? 0) - (b.ratio ?? 0)).slice(0, 3);
  return (
    <div className="grid gap-4">
      {m.classes.length === 0 ? (
        <Alert tone="warning" title="No sensor is reporting">
          None of your sensors is working right now, so no technique is visible. See your sensors for what to fix.
        </Alert>
      ) : null}
      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>In plain words</CardTitle>
          </CardHeader>
          <CardContent className="grid gap-2 text-sm">
            <p>
              Working today:{" "}
              <strong>{m.classes.length ? m.classes.map((c) => CLASS_LABELS[c]).join(", ") : "nothing"}</strong>.
            </p>
            {weakest.length ? (
              <p>
                You see least of{" "}
                {weakest.map((c, i) => (
                  <span key={c.tactic.id}>
                    {i ? (i === weakest.length - 1 ? " and " : ", ") : ""}
                    <strong>{c.tactic.name.toLowerCase()}</strong> ({percent(c.ratio)})
                  </span>
                ))}
                .
              </p>
            ) : null}
            <p>
              A marked cell is a technique we detected in one of your incidents in the last 90 days. Techniques such as
              an attacker researching you happen outside your network: no sensor can see them, so they are shown apart
              and never count against you.
            </p>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>What would help most</CardTitle>
            <CardDescription>Adding one of these kinds of sensor would let us see more techniques.</CardDescription>
          </CardHeader>
          <CardContent>
            <RaiseList raise={m.raise} plain />
          </CardContent>
        </Card>
      </div>
      <BandLegend />
      <p className="text-xs text-muted-foreground">
        Move to a cell (or hover it) to see which data your sensors collect for that technique and which they miss.
      </p>
      <HeatMap columns={m.columns} label="Your ATT&CK heat map" />
    </div>
  );
}
