import { Text, View } from "@react-pdf/renderer";
import type { MonthlyReportModel } from "@/server/reports/model/assemble";
import { METRIC_LABELS, METRIC_ORDER } from "@/server/sla/compute";
import { LineChart, type Series } from "./charts";
import { duration, formatDateTime, monthShort, percent, targetMinutes } from "./format";
import { Heading } from "./overview";
import { BAD, CONTENT_WIDTH, GOOD, MUTED, RULE, SLA_SEVERITY_COLORS, s, type Theme } from "./styles";
import { Table } from "./table";

type Props = { model: MonthlyReportModel; theme: Theme };
type Cell = { met: number; breached: number; open?: number; attainment: number | null };

const SEVERITY_LABEL: Record<string, string> = { critical: "Critical", high: "High", medium: "Medium", low: "Low" };
const FIRST = 100;

function AttainmentCell({ c }: { c: Cell }) {
  const decided = c.met + c.breached;
  return (
    <View style={{ flex: 1, paddingRight: 6 }}>
      <Text style={{ fontWeight: "bold", color: c.breached ? BAD : decided ? GOOD : MUTED }}>
        {decided ? percent(c.attainment) : "—"}
      </Text>
      <Text style={{ fontSize: 6.5, lineHeight: 1.3, color: MUTED }}>
        {decided ? `${c.met} of ${decided} met` : "none decided"}
        {c.open ? ` · ${c.open} running` : ""}
      </Text>
    </View>
  );
}

export function SlaAttainment({ model }: Props) {
  const a = model.sla.attainment;
  const o = a.overall;
  if (o.met + o.breached === 0 && a.bySeverity.every((r) => r.metrics.every((m) => !m.open)))
    return (
      <View wrap={false}>
        <Heading>Service levels (SLA)</Heading>
        <Text style={s.empty}>No SLA clocks ran for incidents shared with you this month.</Text>
      </View>
    );
  const head = (
    <View style={s.th}>
      <Text style={{ width: FIRST }}>Severity</Text>
      {METRIC_ORDER.map((m) => (
        <Text key={m} style={{ flex: 1 }}>
          {METRIC_LABELS[m]}
        </Text>
      ))}
    </View>
  );
  return (
    <View wrap={false}>
      <Heading>Service levels (SLA)</Heading>
      {head}
      {a.bySeverity.map((row) => (
        <View key={row.severity} style={s.tr}>
          <View style={[s.row, { width: FIRST, alignItems: "center" }]}>
            <View
              style={{
                width: 6,
                height: 6,
                borderRadius: 3,
                marginRight: 5,
                backgroundColor: SLA_SEVERITY_COLORS[row.severity],
              }}
            />
            <Text>{SEVERITY_LABEL[row.severity] ?? row.severity}</Text>
          </View>
          {row.metrics.map((m) => (
            <AttainmentCell key={m.metric} c={m} />
          ))}
        </View>
      ))}
      <View style={[s.tr, { borderBottomWidth: 0.75, borderBottomColor: "#94a3b8" }]}>
        <Text style={{ width: FIRST, fontWeight: "bold" }}>All severities</Text>
        {a.byMetric.map((m) => (
          <AttainmentCell key={m.metric} c={m} />
        ))}
      </View>
      <Text style={{ marginTop: 6 }}>
        Overall, <Text style={{ fontWeight: "bold" }}>{percent(o.attainment)}</Text> of decided SLA targets were met
        {` (${o.met} of ${o.met + o.breached}).`} A target is decided once its clock stops or runs out; running clocks
        are not counted yet.
      </Text>
    </View>
  );
}

export function TimeTo({ model }: Props) {
  const rows = METRIC_ORDER.map((metric) => ({ metric, t: model.sla.timeTo.find((x) => x.metric === metric) }));
  if (rows.every((r) => !r.t?.count)) return null;
  const short: Record<string, string> = { acknowledge: "MTTA", notify: "MTTN", contain: "MTTC", resolve: "MTTR" };
  return (
    <View wrap={false} style={{ marginTop: 10 }}>
      <Text style={s.h3}>How long it took</Text>
      <Table
        rowKey={(r) => r.metric}
        rows={rows}
        columns={[
          { title: "Time to", cell: (r) => `${METRIC_LABELS[r.metric]} (${short[r.metric]})` },
          { title: "Incidents", width: 60, align: "right", cell: (r) => String(r.t?.count ?? 0) },
          { title: "Mean", width: 80, align: "right", cell: (r) => duration(r.t?.meanMs) },
          { title: "Median", width: 80, align: "right", cell: (r) => duration(r.t?.medianMs) },
          { title: "90th percentile", width: 90, align: "right", cell: (r) => duration(r.t?.p90Ms) },
        ]}
      />
    </View>
  );
}

const TREND_HEIGHT = 140;
const oneDecimal = (v: number) => (v < 10 ? String(Math.round(v * 10) / 10) : String(Math.round(v)));

/** One line chart of the trend, or, when its series has no point at all, a note in the same space. */
function TrendChart(props: { width: number; title: string; empty: string; categories: string[]; series: Series[] }) {
  const { width, title, empty, categories, series } = props;
  if (series.every((x) => x.values.every((v) => v === null)))
    return (
      <View style={{ width, height: TREND_HEIGHT }}>
        <Text style={{ fontSize: 7, lineHeight: 1.3, fontWeight: "bold" }}>{title}</Text>
        <View
          style={{
            flex: 1,
            justifyContent: "center",
            alignItems: "center",
            borderWidth: 0.5,
            borderColor: RULE,
            marginTop: 4,
          }}
        >
          <Text style={s.empty}>{empty}</Text>
        </View>
      </View>
    );
  return (
    <LineChart
      width={width}
      height={TREND_HEIGHT}
      title={title}
      categories={categories}
      series={series}
      format={oneDecimal}
    />
  );
}

export function Trend({ model, theme }: Props) {
  const t = model.trend;
  const has = t.some((p) => p.mttaMs !== null || p.mttrMs !== null);
  const categories = t.map((p) => monthShort(p.month));
  const width = (CONTENT_WIDTH - 16) / 2;
  return (
    <View wrap={false}>
      <Heading>Response times over seven months</Heading>
      {!has ? (
        <Text style={s.empty}>No incidents were acknowledged or resolved in these seven months.</Text>
      ) : (
        <>
          <View style={[s.row, { justifyContent: "space-between" }]}>
            <TrendChart
              width={width}
              empty="No incident was acknowledged in these months."
              title="Mean time to acknowledge (minutes)"
              categories={categories}
              series={[
                {
                  label: "MTTA",
                  color: theme.ink,
                  values: t.map((p) => (p.mttaMs === null ? null : p.mttaMs / 60_000)),
                },
              ]}
            />
            <TrendChart
              width={width}
              empty="No incident was resolved in these months."
              title="Mean time to resolve (hours)"
              categories={categories}
              series={[
                {
                  label: "MTTR",
                  color: theme.ink2,
                  values: t.map((p) => (p.mttrMs === null ? null : p.mttrMs / 3_600_000)),
                },
              ]}
            />
          </View>
          <View style={[s.row, { marginTop: 6, borderTopWidth: 0.5, borderTopColor: RULE, paddingTop: 4 }]}>
            <Text style={{ width: 90, color: MUTED, fontSize: 7.5, lineHeight: 1.3 }}>SLA attainment</Text>
            {t.map((p) => (
              <View key={p.month} style={{ flex: 1, alignItems: "center" }}>
                <Text style={{ fontSize: 7, lineHeight: 1.3, color: MUTED }}>{monthShort(p.month, true)}</Text>
                <Text style={{ fontSize: 8, lineHeight: 1.3, fontWeight: "bold" }}>{percent(p.attainment)}</Text>
              </View>
            ))}
          </View>
          <Text style={[s.muted, s.small, { marginTop: 4 }]}>
            Months without a point had no incident acknowledged or resolved in them.
          </Text>
        </>
      )}
    </View>
  );
}

export function Breaches({ model }: Props) {
  const list = model.sla.breaches;
  const tz = model.customer.timezone;
  const internal = model.sla.internal;
  return (
    <>
      <Heading>Missed SLA targets</Heading>
      {internal.incidents > 0 ? (
        <Text style={[s.muted, { marginBottom: 4 }]}>
          {`Internal incidents: ${internal.incidents}, of which breached: ${internal.breached}. They count in the attainment above; they were handled by our team without needing your action, so they are not listed.`}
        </Text>
      ) : null}
      {list.length === 0 ? (
        <Text style={s.empty}>
          {internal.breached > 0
            ? "No missed target on an incident opened with you."
            : "Every SLA target that fell due this month was met."}
        </Text>
      ) : (
        <>
          <Text style={[s.muted, { marginBottom: 4 }]}>
            Listed by the day the target was missed, so an incident opened late last month can appear here while its
            targets count in last month's attainment.
          </Text>
          <Table
            rowKey={(b) => b.clockId}
            rows={list}
            columns={[
              { title: "Incident", width: 50, cell: (b) => b.reference },
              { title: "Title", cell: (b) => b.title },
              {
                title: "Target",
                width: 110,
                cell: (b) =>
                  `${METRIC_LABELS[b.metric as keyof typeof METRIC_LABELS] ?? b.metric} · ${SEVERITY_LABEL[b.severity] ?? b.severity}`,
              },
              { title: "Allowed", width: 48, align: "right", cell: (b) => targetMinutes(b.targetMinutes) },
              { title: "Took", width: 56, align: "right", cell: (b) => (b.stopAt ? duration(b.elapsedMs) : "running") },
              { title: "Missed at", width: 88, cell: (b) => formatDateTime(b.breachedAt ?? b.dueAt ?? Number.NaN, tz) },
            ]}
          />
        </>
      )}
    </>
  );
}
