"use client";

import { useQuery } from "@tanstack/react-query";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { LoadingState } from "@/app/_components/ui/states";
import { useTRPC } from "@/app/_lib/trpc/client";
import { QueryError } from "../_components/query-error";
import { dateIn, dayTime, zoneName } from "./_lib/time";
import { ForecastChart } from "./forecast-chart";

/**
 * Required (policy and Erlang-C forecast) against rostered headcount per hour of the coming week. The forecast is per
 * UTC hour of the week (roster-rules.md); each hour is labelled in the console's zone.
 */
export function ForecastSection({ zone }: { zone: string }) {
  const trpc = useTRPC();
  const q = useQuery(trpc.roster.forecast.queryOptions());
  return (
    <Card>
      <CardHeader>
        <CardTitle>Forecast: required vs rostered</CardTitle>
        <CardDescription>
          The next 7 days hour by hour ({zoneName(zone)}), from the last 8 weeks of alerts
          {q.data
            ? `; ${q.data.policy.handlingMinutes} min handling, ${Math.round(q.data.policy.serviceGoal * 100)} % within ${q.data.targetMinutes} min, ${q.data.policy.shrinkageBp / 100} % shrinkage`
            : ""}
          .
        </CardDescription>
      </CardHeader>
      <CardContent>
        {q.isPending ? (
          <LoadingState label="Loading the forecast…" rows={3} />
        ) : q.isError ? (
          <QueryError error={q.error} onRetry={() => q.refetch()} title="Could not load the forecast" />
        ) : (
          <ForecastChart
            zone={zoneName(zone)}
            data={q.data.hours.map((h, i, all) => ({
              label: dayTime(h.start, zone),
              // The first hour of each day in the console zone carries the axis tick.
              dayStart: i === 0 || dateIn(h.start, zone) !== dateIn(all[i - 1]!.start, zone),
              required: h.required,
              rostered: h.rostered,
              forecast: h.forecast,
            }))}
          />
        )}
      </CardContent>
    </Card>
  );
}
