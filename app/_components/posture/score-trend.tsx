"use client";

import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFigure } from "@/app/_components/charts/chart-figure";

export type ScorePoint = { month: string; label: string; score: number; live: boolean };

/** Monthly posture scores (stored months, then this month live) with the band edges. Data in props only. */
export function ScoreTrend({ data }: { data: ScorePoint[] }) {
  const first = data[0];
  const last = data[data.length - 1];
  const summary =
    first && last
      ? `From ${first.score} in ${first.label} to ${last.score} in ${last.label}${last.live ? " (this month, live)" : ""}. 80 and above is good, below 60 needs attention.`
      : "No scores yet.";
  return (
    <ChartFigure
      title="Posture score per month"
      summary={summary}
      table={{
        columns: ["Month", "Score"],
        rows: data.map((p) => [p.live ? `${p.label} (live)` : p.label, p.score]),
      }}
    >
      <LineChart
        responsive
        data={data}
        margin={{ top: 20, right: 16, bottom: 0, left: 0 }}
        style={{ width: "100%", height: 200 }}
        accessibilityLayer
      >
        <CartesianGrid stroke="var(--color-border)" strokeDasharray="3 3" vertical={false} />
        <XAxis
          dataKey="label"
          tick={{ fill: "var(--color-muted-foreground)", fontSize: 12 }}
          tickLine={false}
          axisLine={{ stroke: "var(--color-border)" }}
          // Points inset from the axis, so the first score's label clears the tick labels.
          padding={{ left: 18, right: 18 }}
        />
        <YAxis
          domain={[0, 100]}
          ticks={[0, 20, 40, 60, 80, 100]}
          tick={{ fill: "var(--color-muted-foreground)", fontSize: 12 }}
          tickLine={false}
          axisLine={false}
          width={32}
        />
        <ReferenceLine y={80} stroke="var(--color-success)" strokeDasharray="4 4" />
        <ReferenceLine y={60} stroke="var(--color-warning)" strokeDasharray="4 4" />
        <Tooltip
          contentStyle={{
            background: "var(--color-popover)",
            border: "1px solid var(--color-border)",
            borderRadius: 6,
            color: "var(--color-popover-foreground)",
            fontSize: 12,
          }}
          formatter={(v, _n, item) => [`${v}${(item.payload as ScorePoint).live ? " (live)" : ""}`, "Score"]}
        />
        <Line
          // Straight segments: a smoothed curve would show scores between months that never existed.
          type="linear"
          dataKey="score"
          name="Score"
          stroke="var(--color-primary)"
          strokeWidth={2}
          dot={{ r: 3 }}
          label={{ position: "top", fill: "var(--color-foreground)", fontSize: 11 }}
          isAnimationActive={false}
        />
      </LineChart>
    </ChartFigure>
  );
}
