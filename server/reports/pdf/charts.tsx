import { Circle, G, Line, Path, Polyline, Rect, Svg, Text, View } from "@react-pdf/renderer";
import { FONT_FAMILY } from "./fonts";
import { niceScale } from "./format";
import { INK, MUTED, RULE, s } from "./styles";

/**
 * Presentational SVG charts for the PDF: data in props only, no model knowledge. Every chart copes with zeros and
 * nulls (no NaN coordinates); callers show an empty state instead of a chart when there is nothing to plot.
 */

type LabelProps = {
  x: number;
  y: number;
  children: string;
  size?: number;
  anchor?: "start" | "middle" | "end";
  color?: string;
  bold?: boolean;
};

/** SVG text in the report's font (react-pdf's SVG text defaults to Helvetica, which lacks most scripts). */
export function Label({ x, y, children, size = 7, anchor = "start", color = MUTED, bold = false }: LabelProps) {
  const style = { fontFamily: FONT_FAMILY, fontSize: size, fontWeight: bold ? "bold" : "normal" };
  return (
    <Text x={x} y={y} textAnchor={anchor} fill={color} style={style as never}>
      {children}
    </Text>
  );
}

const clipLabel = (text: string, width: number, size: number) => {
  const max = Math.max(3, Math.floor(width / (size * 0.58)));
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
};

export type Bar = { label: string; value: number; color?: string; note?: string };

/** Horizontal bars with the label on the left and the value (and an optional note) after the bar. */
export function BarList({
  rows,
  width,
  color,
  labelWidth = 110,
  barHeight = 11,
  gap = 6,
}: {
  rows: Bar[];
  width: number;
  color: string;
  labelWidth?: number;
  barHeight?: number;
  gap?: number;
}) {
  const valueWidth = 70;
  const track = Math.max(10, width - labelWidth - valueWidth);
  const max = Math.max(1, ...rows.map((r) => (Number.isFinite(r.value) ? r.value : 0)));
  const height = rows.length * (barHeight + gap);
  return (
    <Svg width={width} height={height} viewBox={`0 0 ${width} ${height}`}>
      {rows.map((r, i) => {
        const y = i * (barHeight + gap) + gap / 2;
        const value = Number.isFinite(r.value) ? Math.max(0, r.value) : 0;
        const w = (value / max) * track;
        const text = `${value.toLocaleString("en-GB")}${r.note ? ` (${r.note})` : ""}`;
        return (
          <G key={r.label}>
            <Label x={0} y={y + barHeight * 0.78} size={7.5} color={INK}>
              {clipLabel(r.label, labelWidth - 6, 7.5)}
            </Label>
            <Rect x={labelWidth} y={y} width={track} height={barHeight} fill="#f1f5f9" />
            {w > 0 ? (
              <Rect x={labelWidth} y={y} width={Math.max(1, w)} height={barHeight} fill={r.color ?? color} />
            ) : null}
            <Label x={labelWidth + Math.max(1, w) + 4} y={y + barHeight * 0.78} size={7.5} color={INK} bold>
              {text}
            </Label>
          </G>
        );
      })}
    </Svg>
  );
}

export type Slice = { label: string; value: number; color: string };

function arc(cx: number, cy: number, r: number, inner: number, start: number, end: number) {
  const p = (radius: number, a: number) =>
    `${(cx + radius * Math.sin(a)).toFixed(2)} ${(cy - radius * Math.cos(a)).toFixed(2)}`;
  const large = end - start > Math.PI ? 1 : 0;
  return `M ${p(r, start)} A ${r} ${r} 0 ${large} 1 ${p(r, end)} L ${p(inner, end)} A ${inner} ${inner} 0 ${large} 0 ${p(inner, start)} Z`;
}

/** A donut of the non-zero slices with the total in the middle. */
export function Donut({ slices, size, caption }: { slices: Slice[]; size: number; caption: string }) {
  const parts = slices.filter((x) => Number.isFinite(x.value) && x.value > 0);
  const total = parts.reduce((a, x) => a + x.value, 0);
  const c = size / 2;
  const r = c - 2;
  const inner = r * 0.58;
  let angle = 0;
  return (
    <Svg width={size} height={size} viewBox={`0 0 ${size} ${size}`}>
      <Circle cx={c} cy={c} r={(r + inner) / 2} stroke="#f1f5f9" strokeWidth={r - inner} fill="none" />
      {parts.map((x) => {
        const sweep = (x.value / total) * 2 * Math.PI;
        // A full ring as two halves: an SVG arc cannot start and end at the same point.
        const d =
          sweep >= 2 * Math.PI - 1e-6
            ? `${arc(c, c, r, inner, 0, Math.PI)} ${arc(c, c, r, inner, Math.PI, 2 * Math.PI)}`
            : arc(c, c, r, inner, angle, angle + sweep);
        angle += sweep;
        return <Path key={x.label} d={d} fill={x.color} stroke="#ffffff" strokeWidth={parts.length > 1 ? 1 : 0} />;
      })}
      <Label x={c} y={c + 2} size={size / 6} anchor="middle" color={INK} bold>
        {String(total)}
      </Label>
      <Label x={c} y={c + size / 9} size={size / 16} anchor="middle">
        {caption}
      </Label>
    </Svg>
  );
}

/** A colour key as text rows: swatch, label, value. */
export function Legend({ items }: { items: { label: string; color: string; value: string }[] }) {
  return (
    <View>
      {items.map((x) => (
        <View key={x.label} style={[s.row, { alignItems: "center", marginBottom: 3 }]}>
          <View style={{ width: 8, height: 8, backgroundColor: x.color, marginRight: 5, borderRadius: 1 }} />
          <Text style={{ width: 80 }}>{x.label}</Text>
          <Text style={{ fontWeight: "bold" }}>{x.value}</Text>
        </View>
      ))}
    </View>
  );
}

export type Series = { label: string; color: string; values: (number | null)[] };

/**
 * A line chart over categories (months) with a y axis from zero. Nulls leave gaps; each known point is labelled.
 */
export function LineChart({
  series,
  categories,
  width,
  height,
  format,
  title,
  scaleMax,
}: {
  series: Series[];
  categories: string[];
  width: number;
  height: number;
  format: (v: number) => string;
  title: string;
  /** A fixed top of the y axis (a score out of 100), with four steps; otherwise a nice scale over the data. */
  scaleMax?: number;
}) {
  const left = 34;
  // The first and last points sit inside the axis, so their value labels clear the tick labels.
  const inset = 10;
  const right = 16;
  const top = 20;
  const bottom = 18;
  const plotW = width - left - right - 2 * inset;
  const plotH = height - top - bottom;
  const known = series.flatMap((x) => x.values.filter((v): v is number => v !== null && Number.isFinite(v)));
  const scale = scaleMax ? { max: scaleMax, step: scaleMax / 4 } : niceScale(Math.max(0, ...known));
  const x = (i: number) => left + inset + (categories.length > 1 ? (i / (categories.length - 1)) * plotW : plotW / 2);
  const y = (v: number) => top + plotH - (Math.max(0, v) / scale.max) * plotH;
  const ticks: number[] = [];
  for (let t = 0; t <= scale.max + 1e-9; t += scale.step) ticks.push(t);
  const segments = (values: (number | null)[]) => {
    const out: string[][] = [];
    let run: string[] = [];
    values.forEach((v, i) => {
      if (v === null || !Number.isFinite(v)) {
        if (run.length) out.push(run);
        run = [];
      } else run.push(`${x(i).toFixed(2)},${y(v).toFixed(2)}`);
    });
    if (run.length) out.push(run);
    return out.filter((r) => r.length > 1);
  };
  return (
    <Svg width={width} height={height} viewBox={`0 0 ${width} ${height}`}>
      <Label x={0} y={8} size={7} color={INK} bold>
        {title}
      </Label>
      {ticks.map((t) => (
        <G key={t}>
          <Line
            x1={left}
            x2={left + plotW + 2 * inset}
            y1={y(t)}
            y2={y(t)}
            stroke={t === 0 ? MUTED : RULE}
            strokeWidth={0.5}
          />
          <Label x={left - 4} y={y(t) + 2.5} anchor="end">
            {format(t)}
          </Label>
        </G>
      ))}
      {categories.map((c, i) => (
        <Label key={c} x={x(i)} y={height - 5} anchor="middle">
          {c}
        </Label>
      ))}
      {series.map((ser) =>
        segments(ser.values).map((run) => (
          <Polyline
            key={`${ser.label}-${run[0]}`}
            points={run.join(" ")}
            stroke={ser.color}
            strokeWidth={1.5}
            fill="none"
          />
        )),
      )}
      {series.map((ser) =>
        ser.values.map((v, i) =>
          v === null || !Number.isFinite(v) ? null : (
            <G key={`${ser.label}-${categories[i]}`}>
              <Circle cx={x(i)} cy={y(v)} r={2.2} fill={ser.color} />
              <Label x={x(i)} y={y(v) - 4.5} anchor="middle" color={INK} size={6.5}>
                {format(v)}
              </Label>
            </G>
          ),
        ),
      )}
      {known.length === 0 ? (
        <Label x={left + inset + plotW / 2} y={top + plotH / 2} anchor="middle" size={8}>
          No data for these months
        </Label>
      ) : null}
    </Svg>
  );
}
