"use client";

import { useQuery } from "@tanstack/react-query";
import { ArrowRight, ThumbsUp } from "lucide-react";
import { RecStatusBadge } from "@/app/_components/posture/rec-badges";
import { ScoreCard } from "@/app/_components/posture/score-card";
import { ScoreTrend } from "@/app/_components/posture/score-trend";
import { SeverityBadge } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import { Card, CardContent } from "@/app/_components/ui/card";
import Link from "@/app/_components/ui/link";
import { EmptyState, ErrorState, Skeleton } from "@/app/_components/ui/states";
import { useTRPC } from "@/app/_lib/trpc/client";
import { formatMonth } from "@/lib/format";
import { trpcErrorInfo } from "../_lib/labels";
import { SectionHeader } from "./section-header";

const points = (p: number) =>
  p === 0 ? "no points yet (exposure is capped)" : `+${p.toFixed(p % 1 ? 2 : 0)} ${p === 1 ? "point" : "points"}`;

/** The portal home's lead: the live score, its drivers, the trend, and the next things to do. */
export function PostureHome() {
  const trpc = useTRPC();
  const q = useQuery(trpc.myPosture.summary.queryOptions());
  return (
    <Card>
      <SectionHeader
        title="Your security posture"
        description="A score from 0 to 100 over the last 30 days, from your own data: what we can see, how your sensors ran, what is still open, the threats we handled and how fast you answered us."
        actions={
          <Button asChild variant="outline" size="sm">
            <Link href="/portal/recommendations">
              Recommendations
              <ArrowRight aria-hidden="true" />
            </Link>
          </Button>
        }
      />
      <CardContent className="grid gap-6">
        {q.isPending ? (
          <div role="status" className="grid gap-3">
            <span className="sr-only">Loading your posture score…</span>
            <Skeleton className="h-32 w-full" />
          </div>
        ) : q.isError ? (
          <ErrorState
            title="Could not load your score"
            message={trpcErrorInfo(q.error).message}
            onRetry={() => q.refetch()}
          />
        ) : (
          <>
            <ScoreCard {...q.data} caption="Live score, last 30 days" />
            <div className="grid gap-6 lg:grid-cols-2">
              <section aria-labelledby="trend-h" className="grid content-start gap-2">
                <h3 id="trend-h" className="text-sm font-medium">
                  Trend
                </h3>
                <ScoreTrend data={q.data.trend.map((t) => ({ ...t, label: formatMonth(t.month, "short") }))} />
                <p className="text-xs text-muted-foreground">
                  Dashed lines: 80 and above is good, 60 to 79 fair. Closed months are stored when they end and never
                  change; this month is live.
                </p>
              </section>
              <section aria-labelledby="raise-h" className="grid content-start gap-2">
                <h3 id="raise-h" className="text-sm font-medium">
                  What would raise it most
                </h3>
                {q.data.raise.length === 0 ? (
                  <EmptyState
                    icon={ThumbsUp}
                    className="py-6"
                    title="Nothing open"
                    description="No recommendation is waiting on you."
                  />
                ) : (
                  <ol className="divide-y divide-border rounded-lg border border-border">
                    {q.data.raise.slice(0, 5).map((r) => (
                      <li key={r.id} className="grid gap-1 px-3 py-2.5">
                        <Link
                          href={`/portal/recommendations?open=${r.id}`}
                          className="min-w-0 break-words text-sm font-medium text-primary underline-offset-4 hover:underline"
                        >
                          {r.title}
                        </Link>
                        <span className="flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
                          <SeverityBadge severity={r.severity} />
                          <RecStatusBadge status={r.status} />
                          {points(r.points)}
                        </span>
                      </li>
                    ))}
                  </ol>
                )}
              </section>
            </div>
          </>
        )}
      </CardContent>
    </Card>
  );
}
