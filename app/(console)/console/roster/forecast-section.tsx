"use client";

import { useQuery } from "@tanstack/react-query";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { LoadingState } from "@/app/_components/ui/states";
import { useTRPC } from "@/app/_lib/trpc/client";
import { QueryError } from "../_components/query-error";
import { ForecastChart } from "./forecast-chart";

const DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/** Required (policy and Erlang-C forecast) against rostered headcount per UTC hour of the coming week. */
export function ForecastSection() {
  const trpc = useTRPC();
  const q = useQuery(trpc.roster.forecast.queryOptions());
  return (
    <Card>
      <CardHeader>
        <CardTitle>Forecast: required vs rostered</CardTitle>
        <CardDescription>
          Per hour of the week (UTC), from the last 8 weeks of alerts
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
            data={q.data.hours.map((h) => ({
              label: `${DAYS[Math.floor(h.hour / 24)]} ${String(h.hour % 24).padStart(2, "0")}:00`,
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
