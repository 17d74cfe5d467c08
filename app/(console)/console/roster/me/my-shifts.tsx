"use client";

import { useQuery } from "@tanstack/react-query";
import { Badge } from "@/app/_components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { PageHeader } from "@/app/_components/ui/page-header";
import { LoadingState } from "@/app/_components/ui/states";
import { useTRPC } from "@/app/_lib/trpc/client";
import { QueryError } from "../../_components/query-error";
import { dayTime, hm, useRosterZone, zoneName } from "../_lib/time";
import { CalendarLink } from "./calendar-link";
import { SwapList } from "./swap-list";
import { TimeOffForm } from "./time-off-form";

/** An analyst's next six weeks of shifts (their time), their time off and swaps, and their calendar feed. */
export function MyShifts({ canRequest }: { canRequest: boolean }) {
  const trpc = useTRPC();
  const q = useQuery(trpc.roster.mine.queryOptions());
  const zone = useRosterZone();
  return (
    <div className="grid gap-6">
      <PageHeader
        title="My shifts"
        description={`The next six weeks, times in ${zone ? zoneName(zone) : "your time zone"} (the zone chosen in the header); each shift also names its roster's zone.`}
        breadcrumbs={[{ label: "Roster", href: "/console/roster" }, { label: "My shifts" }]}
      />
      {q.isPending || !zone ? (
        <LoadingState rows={5} />
      ) : q.isError ? (
        <QueryError error={q.error} onRetry={() => q.refetch()} title="Could not load your shifts" />
      ) : (
        <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
          <Card>
            <CardHeader>
              <CardTitle>Shifts</CardTitle>
            </CardHeader>
            <CardContent>
              {q.data.shifts.length === 0 ? (
                <p className="text-sm text-muted-foreground">You have no shifts in the next six weeks.</p>
              ) : (
                <ul className="grid gap-2 text-sm">
                  {q.data.shifts.map((s) => (
                    <li
                      key={s.key}
                      className="flex flex-wrap items-baseline gap-x-2 gap-y-1 rounded-md border border-border p-2"
                    >
                      <span className="font-medium">{dayTime(s.start, zone)}</span>
                      <span className="tabular-nums text-muted-foreground">– {hm(s.end, zone)}</span>
                      <span>
                        {s.slot} · {s.team}
                      </span>
                      <span className="text-muted-foreground">
                        {s.roster} roster,{" "}
                        {s.timeZone === zone
                          ? zoneName(s.timeZone)
                          : `${hm(s.start, s.timeZone)}–${hm(s.end, s.timeZone)} ${zoneName(s.timeZone)}`}
                      </span>
                      {s.onTimeOff ? <Badge tone="warning">Time off</Badge> : null}
                      {s.colleagues.length ? (
                        <span className="w-full text-xs text-muted-foreground">
                          With {s.colleagues.map((c) => c.name).join(", ")}
                        </span>
                      ) : null}
                    </li>
                  ))}
                </ul>
              )}
            </CardContent>
          </Card>
          <div className="grid content-start gap-6">
            <CalendarLink />
            {canRequest ? <TimeOffForm timeOff={q.data.timeOff} zone={zone} /> : null}
            {canRequest ? <SwapList data={q.data} zone={zone} /> : null}
          </div>
        </div>
      )}
    </div>
  );
}
