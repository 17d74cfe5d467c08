import { Text, View } from "@react-pdf/renderer";
import type { MonthlyReportModel } from "@/server/reports/model/assemble";
import { BarList, Donut, Legend } from "./charts";
import { duration, percent, shareOf } from "./format";
import { CONTENT_WIDTH, MUTED, PANEL, SEVERITY_COLORS, s, type Theme } from "./styles";

type Props = { model: MonthlyReportModel; theme: Theme };

export const meanOf = (model: MonthlyReportModel, metric: string) =>
  model.sla.timeTo.find((t) => t.metric === metric)?.meanMs ?? null;

/** A section title that never sits alone at the bottom of a page. */
export function Heading({ children, ahead = 110 }: { children: string; ahead?: number }) {
  return (
    <Text style={s.h2} minPresenceAhead={ahead}>
      {children}
    </Text>
  );
}

export function ExecutiveSummary({ model, theme }: Props) {
  return (
    <View>
      <Text style={s.h1}>Executive summary</Text>
      <View style={[s.panel, { borderLeftWidth: 3, borderLeftColor: theme.primary }]}>
        {model.executiveSummary.map((line) => (
          <Text key={line} style={[s.paragraph, { fontSize: 10, lineHeight: 1.3 }]}>
            {line}
          </Text>
        ))}
      </View>
    </View>
  );
}

const GAP = 8;
const TILE = (CONTENT_WIDTH - 2 * GAP) / 3;

function Tile({ label, value, note, theme }: { label: string; value: string; note: string; theme: Theme }) {
  return (
    <View
      style={{
        width: TILE,
        backgroundColor: PANEL,
        borderRadius: 4,
        borderTopWidth: 2.5,
        borderTopColor: theme.primary,
        padding: 9,
        marginBottom: GAP,
      }}
    >
      <Text style={{ fontSize: 7.5, lineHeight: 1.3, color: MUTED }}>{label}</Text>
      <Text style={{ fontSize: 17, lineHeight: 1.2, fontWeight: "bold", marginTop: 3 }}>{value}</Text>
      <Text style={{ fontSize: 7, lineHeight: 1.3, color: MUTED, marginTop: 2 }}>{note}</Text>
    </View>
  );
}

export function KeyFigures({ model, theme }: Props) {
  const { funnel, incidents, sla } = model;
  const overall = sla.attainment.overall;
  const ack = sla.timeTo.find((t) => t.metric === "acknowledge");
  const res = sla.timeTo.find((t) => t.metric === "resolve");
  const tiles = [
    { label: "Alerts received", value: funnel.received.toLocaleString("en-GB"), note: "from your sensors" },
    {
      label: "Alerts escalated",
      value: funnel.escalated.toLocaleString("en-GB"),
      note: funnel.received ? `${shareOf(funnel.escalated, funnel.received)} of alerts received` : "no alerts received",
    },
    {
      label: "Incidents",
      value: String(incidents.total),
      note: `${incidents.bySeverity.filter((x) => x.severity >= 4).reduce((a, x) => a + x.count, 0)} high or critical`,
    },
    {
      label: "SLA attainment",
      value: percent(overall.attainment),
      note:
        overall.met + overall.breached
          ? `${overall.met} of ${overall.met + overall.breached} targets met`
          : "no SLA clocks decided",
    },
    {
      label: "Mean time to acknowledge (MTTA)",
      value: duration(ack?.meanMs),
      note: ack?.count ? `over ${ack.count} incident${ack.count === 1 ? "" : "s"}` : "nothing to acknowledge",
    },
    {
      label: "Mean time to resolve (MTTR)",
      value: duration(res?.meanMs),
      note: res?.count ? `over ${res.count} resolved incident${res.count === 1 ? "" : "s"}` : "none resolved",
    },
  ];
  return (
    <View wrap={false}>
      <Heading>Key figures</Heading>
      <View style={[s.row, { flexWrap: "wrap", justifyContent: "space-between" }]}>
        {tiles.map((t) => (
          <Tile key={t.label} {...t} theme={theme} />
        ))}
      </View>
    </View>
  );
}

export function Funnel({ model, theme }: Props) {
  const f = model.funnel;
  const v = f.byVerdict;
  return (
    <View wrap={false}>
      <Heading>From alert to incident</Heading>
      {f.received === 0 ? (
        <Text style={s.empty}>No alerts were received this month.</Text>
      ) : (
        <>
          <BarList
            width={CONTENT_WIDTH}
            labelWidth={130}
            color={theme.ink}
            rows={[
              { label: "Alerts received", value: f.received },
              { label: "Triaged by an analyst", value: f.triaged, note: shareOf(f.triaged, f.received) },
              { label: "Escalated to an incident", value: f.escalated, note: shareOf(f.escalated, f.received) },
              { label: "Incidents opened", value: f.incidents, color: theme.ink2 },
            ]}
          />
          <Text style={[s.muted, s.small, { marginTop: 4 }]}>
            Verdicts on this month's alerts: {v.true_positive} true positive, {v.false_positive} false positive,{" "}
            {v.benign} benign, {v.duplicate} duplicate, {v.none} without a verdict yet. Several alerts about the same
            activity are grouped into one incident.
          </Text>
        </>
      )}
    </View>
  );
}

export function IncidentBreakdown({ model, theme }: Props) {
  const { bySeverity, byTactic, total } = model.incidents;
  if (total === 0)
    return (
      <View wrap={false}>
        <Heading>Incidents</Heading>
        <Text style={s.empty}>No incidents were opened this month.</Text>
      </View>
    );
  const left = 190;
  const tactics = [...byTactic].sort((a, b) => b.incidents - a.incidents || a.id.localeCompare(b.id));
  return (
    <View wrap={false}>
      <Heading>Incidents</Heading>
      <View style={s.row}>
        <View style={{ width: left }}>
          <Text style={s.h3}>By severity</Text>
          <View style={[s.row, { alignItems: "center" }]}>
            <Donut
              size={84}
              caption={total === 1 ? "incident" : "incidents"}
              slices={bySeverity.map((x) => ({ label: x.label, value: x.count, color: SEVERITY_COLORS[x.severity]! }))}
            />
            <View style={{ marginLeft: 10 }}>
              <Legend
                items={bySeverity.map((x) => ({
                  label: x.label,
                  color: SEVERITY_COLORS[x.severity]!,
                  value: String(x.count),
                }))}
              />
            </View>
          </View>
        </View>
        <View style={{ flex: 1, marginLeft: 16 }}>
          <Text style={s.h3}>By MITRE ATT&CK tactic</Text>
          {tactics.length ? (
            <BarList
              width={CONTENT_WIDTH - left - 16}
              labelWidth={120}
              color={theme.ink}
              rows={tactics.map((t) => ({ label: t.name, value: t.incidents }))}
            />
          ) : (
            <Text style={s.empty}>No ATT&CK techniques were recorded on these incidents.</Text>
          )}
          <Text style={[s.muted, s.small, { marginTop: 2 }]}>
            An incident counts once under every tactic its techniques belong to.
          </Text>
        </View>
      </View>
    </View>
  );
}
