import { Text, View } from "@react-pdf/renderer";
import { SEVERITY_LABELS } from "@/server/recommendations/labels";
import type { MonthlyReportModel } from "@/server/reports/model/assemble";
import { BarList, LineChart } from "./charts";
import { monthShort } from "./format";
import { Heading } from "./overview";
import { BAD, CONTENT_WIDTH, GOOD, MUTED, PANEL, s, type Theme } from "./styles";
import { Table } from "./table";

type Props = { model: MonthlyReportModel; theme: Theme };
const BAND = { good: "Good", fair: "Fair", poor: "Poor" } as const;
const BAND_COLOR = { good: GOOD, fair: "#a16207", poor: BAD } as const;
const SUMMARY_WIDTH = CONTENT_WIDTH * 0.56;
export const POSTURE_WIDTH = CONTENT_WIDTH - SUMMARY_WIDTH - 12;
const NO_DATA: Record<string, string> = {
  coverage: "No contracted class: coverage counts as 0.",
  edr: "No known assets: visibility is 50 × coverage.",
  sensorHealth: "No sensor availability: sensor health counts as 0.",
};

/** Page 1, right of the executive summary: the month's score, band, drivers and six-month trend. */
export function PostureScore({ model, theme }: Props) {
  const p = model.posture;
  return (
    <View style={{ width: POSTURE_WIDTH }} wrap={false}>
      <Text style={s.h1}>Posture score</Text>
      <View style={[s.panel, { borderLeftWidth: 3, borderLeftColor: BAND_COLOR[p.band] }]}>
        <Text style={{ fontSize: 26, fontWeight: "bold", lineHeight: 1.1 }}>
          {p.score}
          <Text style={{ fontSize: 9, fontWeight: "normal", color: MUTED }}> / 100 · {BAND[p.band]}</Text>
        </Text>
        <Text style={[s.small, s.muted, { marginBottom: 6 }]}>
          {p.score === p.previousScore
            ? "Unchanged"
            : p.score > p.previousScore
              ? `Up ${p.score - p.previousScore}`
              : `Down ${p.previousScore - p.score}`}{" "}
          from last month
        </Text>
        <BarList
          rows={p.drivers.map((d) => ({ label: d.label, value: Math.floor(d.value), note: "" }))}
          width={POSTURE_WIDTH - 20}
          color={theme.primary}
          labelWidth={70}
          barHeight={8}
          gap={4}
        />
        {p.noData.map((n) => (
          <Text key={n} style={[s.small, s.muted]}>
            {NO_DATA[n] ?? n}
          </Text>
        ))}
      </View>
      <View style={{ marginTop: 8 }}>
        <LineChart
          title="Six-month trend"
          categories={p.trend.map((t) => monthShort(t.month))}
          series={[{ label: "Score", color: theme.primary, values: p.trend.map((t) => t.score) }]}
          width={POSTURE_WIDTH}
          height={96}
          scaleMax={100}
          format={(v) => String(Math.round(v))}
        />
      </View>
    </View>
  );
}

export { SUMMARY_WIDTH };

const OUTCOME = {
  nothing_found: "Nothing found",
  incident: "Incident opened",
  recommendation: "Recommendation raised",
};

export function Hunts({ model }: Props) {
  const h = model.hunts;
  return (
    <View>
      <Heading>Threat hunts this month</Heading>
      <Text style={s.paragraph}>
        {h.count === 0
          ? "No threat hunt covering you concluded this month."
          : `${h.count} hunt${h.count === 1 ? "" : "s"} covering you concluded, ${h.effortHours} analyst hours. Outcomes: ${(
              Object.keys(OUTCOME) as (keyof typeof OUTCOME)[]
            )
              .map((k) => `${OUTCOME[k].toLowerCase()} ${h.outcomes[k]}`)
              .join(", ")}.`}
      </Text>
      {h.items.map((i) => (
        <View key={i.title} style={[s.panel, { marginBottom: 6, backgroundColor: PANEL }]} wrap={false}>
          <Text style={{ fontWeight: "bold" }}>{i.title}</Text>
          <Text style={[s.small, s.muted]}>
            {i.techniques.join(", ")} · {i.effortHours} h
          </Text>
          <Text>{i.summary}</Text>
        </View>
      ))}
    </View>
  );
}

type Top = MonthlyReportModel["recommendations"]["top"][number];

export function Recommendations({ model }: Props) {
  const r = model.recommendations;
  const sev = r.openBySeverity.map((x) => `${x.count} ${x.severity}`).join(", ");
  return (
    <View>
      <Heading>Recommendations</Heading>
      <Text style={s.paragraph}>
        {r.new} new and {r.done} done this month; {r.open} still open at month end ({sev}).
      </Text>
      {r.top.length ? (
        <>
          <Text style={[s.paragraph, { fontWeight: "bold" }]}>Top five to do next</Text>
          <Table<Top>
            rowKey={(x) => x.id}
            rows={r.top}
            columns={[
              { title: "Recommendation", cell: (x) => x.title },
              { title: "Severity", width: 60, cell: (x) => SEVERITY_LABELS[x.severity] },
              {
                title: "Points if done",
                width: 70,
                align: "right",
                cell: (x) => `+${Math.round(x.points * 100) / 100}`,
              },
            ]}
          />
        </>
      ) : null}
    </View>
  );
}
