"use client";

import { useQuery } from "@tanstack/react-query";
import { ArrowLeftRight, Minus, Plus, TriangleAlert } from "lucide-react";
import { useState } from "react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { LoadingState } from "@/app/_components/ui/states";
import { useTRPC } from "@/app/_lib/trpc/client";
import { QueryError } from "../_components/query-error";
import { useReturnFocus } from "./_lib/return-focus";
import { addDays, dayLabel, zoneName } from "./_lib/time";
import { CoverageBar } from "./coverage-bar";
import { OverrideDialog, type OverrideTarget } from "./override-dialog";
import { ShiftChip } from "./shift-chip";

/** Day rows in the console's zone: the hourly cover bar (red where there is a gap) and the shifts that start that day. */
export function Timeline({
  from,
  to,
  days,
  zone,
  canManage,
}: {
  from: number;
  to: number;
  days: number;
  zone: string;
  canManage: boolean;
}) {
  const trpc = useTRPC();
  const q = useQuery(trpc.roster.timeline.queryOptions({ from: new Date(from), to: new Date(to) }));
  const [target, setTarget] = useState<OverrideTarget | null>(null);
  const focus = useReturnFocus();
  const compact = days > 7;
  return (
    <Card>
      <CardHeader>
        <CardTitle>Timeline</CardTitle>
        <CardDescription>
          Each bar is one day in {zoneName(zone)}, hour by hour: on duty against required (policy minimum and alert
          forecast); red marks a gap.
          {canManage ? " Select a shift to change who works it." : ""}
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3">
        {q.isPending ? (
          <LoadingState label="Loading shifts…" rows={5} />
        ) : q.isError ? (
          <QueryError error={q.error} onRetry={() => q.refetch()} title="Could not load the timeline" />
        ) : q.data.rosters.length === 0 ? (
          <p className="text-sm text-muted-foreground">No rosters yet.</p>
        ) : (
          <>
            <Legend rosters={q.data.rosters} />
            <ol className="grid gap-2">
              {Array.from({ length: days }, (_, i) => {
                const a = addDays(from, i, zone);
                const b = addDays(from, i + 1, zone);
                const shifts = q.data.instances
                  .filter((s) => s.start.getTime() >= a && s.start.getTime() < b)
                  .sort((x, y) => x.start.getTime() - y.start.getTime());
                return (
                  <li
                    key={a}
                    className="grid gap-1.5 border-b border-border pb-2 last:border-0 md:grid-cols-[8rem_1fr] md:gap-3"
                  >
                    <div className="text-sm font-medium">{dayLabel(a, zone)}</div>
                    <div className="grid min-w-0 gap-1.5">
                      <CoverageBar from={a} to={b} hours={q.data.hours} zone={zone} />
                      <div className="flex flex-wrap gap-1.5">
                        {shifts.map((s) => (
                          <ShiftChip
                            key={s.key}
                            shift={s}
                            roster={q.data.rosters.find((r) => r.id === s.rosterId)!}
                            compact={compact}
                            zone={zone}
                            onSelect={
                              canManage
                                ? () => {
                                    focus.remember();
                                    setTarget({ shift: s, roster: q.data.rosters.find((r) => r.id === s.rosterId)! });
                                  }
                                : undefined
                            }
                          />
                        ))}
                      </div>
                    </div>
                  </li>
                );
              })}
            </ol>
          </>
        )}
      </CardContent>
      {target && q.data ? (
        <OverrideDialog
          target={target}
          staff={q.data.staff}
          zone={zone}
          onClose={() => {
            setTarget(null);
            focus.restore();
          }}
        />
      ) : null}
    </Card>
  );
}

function Legend({ rosters }: { rosters: { id: string; name: string; timeZone: string }[] }) {
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted-foreground" aria-label="Rosters and their zones">
      {rosters.map((r) => (
        <li key={r.id}>
          <span className="font-medium text-foreground">{r.name}</span> · {r.timeZone}
        </li>
      ))}
      <li className="flex items-center gap-1">
        <span aria-hidden className="inline-block size-3 rounded-sm bg-destructive" /> gap
      </li>
      <li className="flex items-center gap-1">
        <span aria-hidden className="inline-block size-3 rounded-sm bg-success/60" /> covered
      </li>
      <li className="flex items-center gap-1">
        <Plus aria-hidden className="size-3" /> override
      </li>
      <li className="flex items-center gap-1">
        <Minus aria-hidden className="size-3" /> <span className="line-through">removed</span>
      </li>
      <li className="flex items-center gap-1">
        <ArrowLeftRight aria-hidden className="size-3" /> swap
      </li>
      <li>
        <span className="line-through">Name</span> (off) time off
      </li>
      <li className="flex items-center gap-1 text-destructive">
        <TriangleAlert aria-hidden className="size-3" /> SLA breaches
      </li>
    </ul>
  );
}
