"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "@/app/_components/ui/alert";
import { Badge } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { Checkbox } from "@/app/_components/ui/checkbox";
import { LoadingState } from "@/app/_components/ui/states";
import { useTRPC } from "@/app/_lib/trpc/client";
import { errorMessage } from "../_components/errors";
import { QueryError } from "../_components/query-error";
import { span, zoneName } from "./_lib/time";

/** The SOC manager's inbox: time off to decide, swaps both analysts agreed to. */
export function RequestsSection({ zone }: { zone: string }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const q = useQuery(trpc.roster.requests.queryOptions());
  const [allowGap, setAllowGap] = useState(false);
  const done = { onSuccess: () => qc.invalidateQueries({ queryKey: trpc.roster.pathKey() }) };
  const off = useMutation(trpc.roster.decideTimeOff.mutationOptions(done));
  const swap = useMutation(trpc.roster.decideSwap.mutationOptions(done));
  const error = off.error ?? swap.error;
  const busy = off.isPending || swap.isPending;
  return (
    <Card>
      <CardHeader>
        <CardTitle>Requests</CardTitle>
        <CardDescription>
          Approving is a change to the plan: one that opens a gap needs "allow gap". Times in {zoneName(zone)}.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3">
        {error ? <Alert tone="danger">{errorMessage(error)}</Alert> : null}
        {error && /allow gap/.test(errorMessage(error)) ? (
          <Checkbox
            label="Allow gap (recorded in the audit log)"
            checked={allowGap}
            onChange={(e) => setAllowGap(e.target.checked)}
          />
        ) : null}
        {q.isPending ? (
          <LoadingState rows={2} />
        ) : q.isError ? (
          <QueryError error={q.error} onRetry={() => q.refetch()} title="Could not load requests" />
        ) : q.data.timeOff.length + q.data.swaps.length === 0 ? (
          <p className="text-sm text-muted-foreground">Nothing waiting.</p>
        ) : (
          <ul className="grid gap-2 text-sm">
            {q.data.timeOff.map((t) => (
              <li key={t.id} className="flex flex-wrap items-center gap-2 rounded-md border border-border p-2">
                <Badge tone="info">Time off</Badge>
                <span className="font-medium">{t.name}</span>
                <span className="text-muted-foreground">
                  {span(t.from, t.to, zone)}
                  {t.reason ? ` · ${t.reason}` : ""}
                </span>
                <span className="ml-auto flex gap-1">
                  <Button size="sm" disabled={busy} onClick={() => off.mutate({ id: t.id, approve: true, allowGap })}>
                    Approve
                  </Button>
                  <Button
                    size="sm"
                    variant="outline"
                    disabled={busy}
                    onClick={() => off.mutate({ id: t.id, approve: false })}
                  >
                    Reject
                  </Button>
                </span>
              </li>
            ))}
            {q.data.swaps.map((s) => (
              <li key={s.id} className="flex flex-wrap items-center gap-2 rounded-md border border-border p-2">
                <Badge tone={s.status === "accepted" ? "primary" : "neutral"}>
                  {s.status === "accepted" ? "Swap, agreed" : "Swap, asked"}
                </Badge>
                <span>
                  <span className="font-medium">{s.requester}</span> gives {s.give},{" "}
                  <span className="font-medium">{s.counterpart}</span> gives {s.take}
                </span>
                {s.status === "accepted" ? (
                  <span className="ml-auto flex gap-1">
                    <Button
                      size="sm"
                      disabled={busy}
                      onClick={() => swap.mutate({ id: s.id, approve: true, allowGap })}
                    >
                      Approve
                    </Button>
                    <Button
                      size="sm"
                      variant="outline"
                      disabled={busy}
                      onClick={() => swap.mutate({ id: s.id, approve: false })}
                    >
                      Reject
                    </Button>
                  </span>
                ) : (
                  <span className="ml-auto text-muted-foreground">Waiting for {s.counterpart}</span>
                )}
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
