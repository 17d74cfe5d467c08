"use client";

import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";

export type ScorePoint = { month: string; label: string; score: number; live: boolean };

/** Monthly posture scores (stored months, then this month live) with the band edges. Data in props only. */
export function ScoreTrend({ data }: { data: ScorePoint[] }) {
  return (
    <LineChart
      responsive
      data={data}
      margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
      style={{ width: "100%", height: 200 }}
      accessibilityLayer
    >
      <CartesianGrid stroke="var(--color-border)" strokeDasharray="3 3" vertical={false} />
      <XAxis
        dataKey="label"
        tick={{ fill: "var(--color-muted-foreground)", fontSize: 12 }}
        tickLine={false}
        axisLine={{ stroke: "var(--color-border)" }}
      />
      <YAxis
        domain={[0, 100]}
        ticks={[0, 60, 80, 100]}
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
        type="monotone"
        dataKey="score"
        name="Score"
        stroke="var(--color-primary)"
        strokeWidth={2}
        dot={{ r: 3 }}
        isAnimationActive={false}
      />
    </LineChart>
  );
}
