"use client";

import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import type { Metric } from "@/db/schema/contracts";
import { formatDuration } from "./_lib/sla-format";

/** One month of the chart: per metric the plotted minutes, the true minutes and how many clocks stand behind them. */
export type TrendPoint = {
  month: string;
  label: string;
} & Partial<Record<Metric, number | null>> &
  Partial<Record<`raw_${Metric}` | `n_${Metric}`, number | null>>;

export type TrendSeries = { key: Metric; name: string; color: string; dash?: string };

/** Tick candidates in minutes: 1 min … 10 d, readable on a log axis. */
const TICKS = [1, 2, 5, 15, 30, 60, 120, 240, 480, 1440, 2880, 5760, 14_400];

export function minutesLabel(m: number): string {
  if (m < 60) return `${m} min`;
  if (m < 1440) return `${m / 60} h`;
  return `${m / 1440} d`;
}

/**
 * The time-to lines on a log scale (acknowledgement takes minutes, resolution days; on a linear axis the fast ones
 * would lie flat on zero). Renders SVG only in the browser, from series shaped by the caller.
 */
export function TrendsChart({
  data,
  series,
  statLabel,
}: {
  data: TrendPoint[];
  series: TrendSeries[];
  statLabel: string;
}) {
  const values = data.flatMap((p) => series.map((s) => p[s.key]).filter((v): v is number => typeof v === "number"));
  const lo = values.length ? Math.min(...values) : 1;
  const hi = values.length ? Math.max(...values) : 60;
  // Head room either side, so no line runs along the frame.
  const min = [...TICKS].reverse().find((t) => t <= lo / 1.25) ?? TICKS[0]!;
  const max = TICKS.find((t) => t >= hi * 1.25) ?? TICKS[TICKS.length - 1]!;
  const ticks = TICKS.filter((t) => t >= min && t <= max);

  return (
    <LineChart
      responsive
      data={data}
      margin={{ top: 12, right: 24, bottom: 0, left: 8 }}
      style={{ width: "100%", height: 300 }}
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
        scale="log"
        domain={[min, max]}
        ticks={ticks}
        allowDataOverflow
        tickFormatter={(v: number) => minutesLabel(v)}
        tick={{ fill: "var(--color-muted-foreground)", fontSize: 12 }}
        tickLine={false}
        axisLine={false}
        width={56}
        label={{
          value: `${statLabel} (log scale)`,
          angle: -90,
          position: "insideLeft",
          offset: -2,
          style: { fill: "var(--color-muted-foreground)", fontSize: 11, textAnchor: "middle" },
        }}
      />
      <Tooltip
        cursor={{ stroke: "var(--color-border)" }}
        content={({ active, payload, label }) => {
          if (!active || !payload?.length) return null;
          const point = payload[0]?.payload as TrendPoint | undefined;
          if (!point) return null;
          return (
            <div className="grid gap-1 rounded-md border border-border bg-popover px-3 py-2 text-xs text-popover-foreground shadow-md">
              <span className="font-semibold">{label}</span>
              {series.map((s) => {
                const raw = point[`raw_${s.key}`];
                const n = point[`n_${s.key}`];
                return (
                  <span key={s.key} className="flex items-center gap-2">
                    <span aria-hidden="true" className="size-2 rounded-full" style={{ background: s.color }} />
                    <span className="min-w-28">{s.name}</span>
                    <span className="font-medium tabular-nums">
                      {typeof raw === "number" ? formatDuration(raw * 60_000) : "no data"}
                    </span>
                    {typeof n === "number" ? <span className="text-muted-foreground">n = {n}</span> : null}
                  </span>
                );
              })}
            </div>
          );
        }}
      />
      <Legend
        verticalAlign="bottom"
        iconType="plainline"
        itemSorter={null}
        wrapperStyle={{ fontSize: 12, paddingTop: 8, color: "var(--color-foreground)" }}
      />
      {series.map((s) => (
        <Line
          key={s.key}
          type="monotone"
          dataKey={s.key}
          name={s.name}
          stroke={s.color}
          strokeWidth={2}
          strokeDasharray={s.dash}
          dot={{ r: 3, fill: s.color, strokeWidth: 0 }}
          activeDot={{ r: 5 }}
          connectNulls={false}
          isAnimationActive={false}
        />
      ))}
    </LineChart>
  );
}
