"use client";

import { Area, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFigure } from "@/app/_components/charts/chart-figure";

// A scrolling region is reachable by keyboard and named (as in the shared TableScroll).
const SCROLLS = { tabIndex: 0, role: "region", "aria-label": "Forecast chart, scrolls sideways" } as const;

export type ForecastPoint = { label: string; dayStart: boolean; required: number; rostered: number; forecast: number };

/** Rostered headcount as an area, required as a step line, the forecast alone dashed. Data shaped by the caller. */
export function ForecastChart({ data, zone }: { data: ForecastPoint[]; zone: string }) {
  const short = data.filter((p) => p.rostered < p.required);
  const summary = short.length
    ? `Rostered headcount falls short of what is required in ${short.length} of ${data.length} hours, first on ${short[0]!.label}.`
    : `Rostered headcount meets what is required in all ${data.length} hours.`;
  return (
    <ChartFigure
      title={`Required and rostered analysts per hour of the coming week (${zone})`}
      summary={summary}
      table={{
        columns: [`Hour (${zone})`, "Required", "Rostered", "Forecast alone"],
        rows: data.map((p) => [p.label, p.required, p.rostered, p.forecast]),
      }}
    >
      {/* A week of hours needs room: on a narrow screen the chart keeps its width and scrolls sideways. */}
      <div {...SCROLLS} className="overflow-x-auto rounded-md focus-visible:outline-2 focus-visible:outline-ring">
        <div className="min-w-[36rem]">
          <ComposedChart
            responsive
            data={data}
            margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
            style={{ width: "100%", height: 280 }}
            accessibilityLayer
          >
            <CartesianGrid stroke="var(--color-border)" strokeDasharray="3 3" vertical={false} />
            <XAxis
              dataKey="label"
              ticks={data.filter((p) => p.dayStart).map((p) => p.label)}
              tickFormatter={(v: string) => v.split(",")[0] ?? v}
              minTickGap={8}
              tick={{ fill: "var(--color-muted-foreground)", fontSize: 11 }}
              tickLine={false}
              axisLine={{ stroke: "var(--color-border)" }}
            />
            <YAxis
              allowDecimals={false}
              width={32}
              tick={{ fill: "var(--color-muted-foreground)", fontSize: 11 }}
              tickLine={false}
              axisLine={false}
            />
            <Tooltip
              contentStyle={{
                background: "var(--color-card)",
                border: "1px solid var(--color-border)",
                color: "var(--color-foreground)",
                fontSize: 12,
              }}
            />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Area
              type="stepAfter"
              dataKey="rostered"
              name="Rostered"
              stroke="var(--color-primary)"
              fill="var(--color-primary)"
              fillOpacity={0.2}
              isAnimationActive={false}
            />
            <Line
              type="stepAfter"
              dataKey="required"
              name="Required"
              stroke="var(--color-destructive)"
              strokeWidth={2}
              dot={false}
              isAnimationActive={false}
            />
            <Line
              type="stepAfter"
              dataKey="forecast"
              name="Forecast alone"
              stroke="var(--color-muted-foreground)"
              strokeDasharray="4 3"
              dot={false}
              isAnimationActive={false}
            />
          </ComposedChart>
        </div>
      </div>
    </ChartFigure>
  );
}
