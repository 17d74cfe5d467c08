"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Play } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { Card, CardContent } from "@/app/_components/ui/card";
import { Checkbox } from "@/app/_components/ui/checkbox";
import { Label } from "@/app/_components/ui/label";
import { Select } from "@/app/_components/ui/select";
import { cn } from "@/app/_lib/cn";
import { useTRPC } from "@/app/_lib/trpc/client";
import { formatMonth } from "@/lib/format";
import { errorMessage } from "../_components/errors";
import { BatchProgressView, MonthEndRunView } from "./batch-progress";

/**
 * The scheduled month-end run's progress (polled while it unfolds), "generate all" for one month, and the progress of
 * the latest such run, polled every second until it finishes.
 */
export function MonthEndCard({ months, canGenerate }: { months: string[]; canGenerate: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [month, setMonth] = useState(months[0] ?? "");
  const [send, setSend] = useState(false);
  const batch = useQuery({
    ...trpc.reports.batch.queryOptions({}),
    refetchInterval: (q) => (q.state.data && !q.state.data.finished ? 1000 : false),
  });
  const monthEnd = useQuery({
    ...trpc.reports.monthEnd.queryOptions(),
    refetchInterval: (q) => (q.state.data && !q.state.data.finished ? 5000 : false),
  });
  const run = useMutation(
    trpc.reports.generateAll.mutationOptions({
      onSuccess: async () => {
        setSend(false);
        await queryClient.invalidateQueries({ queryKey: trpc.reports.batch.queryKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.reports.matrix.queryKey() });
      },
    }),
  );

  // When a run finishes, the matrix shows its outcome (it stops polling once nothing is queued).
  const running = Boolean(batch.data && !batch.data.finished);
  const wasRunning = useRef(running);
  useEffect(() => {
    if (wasRunning.current && !running) {
      void queryClient.invalidateQueries({ queryKey: trpc.reports.matrix.queryKey() });
      void queryClient.invalidateQueries({ queryKey: trpc.reports.versions.queryKey() });
    }
    wasRunning.current = running;
  }, [running, queryClient, trpc]);

  if (!canGenerate && !batch.data && !monthEnd.data?.total) return null;
  const chosen = months.includes(month) ? month : (months[0] ?? "");
  return (
    <Card>
      <CardContent className="grid gap-4 pt-4">
        {monthEnd.data && monthEnd.data.total > 0 ? <MonthEndRunView run={monthEnd.data} /> : null}
        {canGenerate ? (
          <form
            className={cn("grid gap-3", monthEnd.data?.total ? "border-t border-border pt-4" : undefined)}
            onSubmit={(e) => {
              e.preventDefault();
              run.mutate({ month: chosen, send });
            }}
          >
            <div className="flex flex-wrap items-end gap-3">
              <div className="grid gap-1.5">
                <Label htmlFor="batch-month">Month</Label>
                <Select
                  id="batch-month"
                  wrapperClassName="w-44"
                  value={chosen}
                  onChange={(e) => setMonth(e.target.value)}
                  disabled={run.isPending}
                >
                  {months.map((m) => (
                    <option key={m} value={m}>
                      {formatMonth(m)}
                    </option>
                  ))}
                </Select>
              </div>
              <Button type="submit" loading={run.isPending} disabled={running || !chosen}>
                {run.isPending ? null : <Play aria-hidden="true" />}
                Generate all for {formatMonth(chosen)}
              </Button>
            </div>
            <Checkbox
              label="E-mail the report contacts where this month has not been sent"
              description="Every customer whose month has ended gets a new version; nobody is e-mailed twice for a month."
              checked={send}
              disabled={run.isPending}
              onChange={(e) => setSend(e.target.checked)}
            />
            {running ? (
              <p className="text-xs text-muted-foreground">A run is in progress; start the next when it finishes.</p>
            ) : null}
            {run.isError ? <Alert tone="danger">{errorMessage(run.error)}</Alert> : null}
          </form>
        ) : null}
        {batch.data ? (
          <div className={canGenerate ? "border-t border-border pt-4" : undefined}>
            <BatchProgressView batch={batch.data} />
          </div>
        ) : null}
      </CardContent>
    </Card>
  );
}
