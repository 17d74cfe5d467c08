import { Text, View } from "@react-pdf/renderer";
import type { MonthlyReportModel } from "@/server/reports/model/assemble";
import { duration, formatDateTime, percent } from "./format";
import { Heading } from "./overview";
import { BAD, CONTENT_WIDTH, GOOD, MUTED, PANEL, RULE, s, type Theme } from "./styles";
import { Table } from "./table";

type Props = { model: MonthlyReportModel; theme: Theme };
type Coverage = MonthlyReportModel["coverage"];

const STATE_LABEL: Record<string, string> = {
  ok: "OK",
  degraded: "Degraded",
  silent: "Silent",
  missing: "Missing",
  extra: "Not contracted",
  healthy: "Healthy",
  pending: "Never seen",
};
const STATE_COLOR: Record<string, string> = {
  ok: GOOD,
  healthy: GOOD,
  degraded: "#a16207",
  silent: BAD,
  missing: BAD,
  pending: MUTED,
  extra: MUTED,
};
/** The portal's heat-map colours (light theme), so the strip reads like the page the customer knows. */
const BAND = {
  none: { bg: "#f1f5f9", fg: "#475569", label: "None" },
  low: { bg: "#ccfbf1", fg: "#134e4a", label: "Low" },
  partial: { bg: "#5eead4", fg: "#042f2e", label: "Partial" },
  high: { bg: "#0f766e", fg: "#ffffff", label: "High" },
} as const;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function summary(c: Coverage): string {
  const contracted = c.classes.filter((x) => x.contracted);
  const ok = contracted.filter((x) => x.state === "ok").length;
  const parts = [
    contracted.length
      ? `At month end ${ok} of ${plural(contracted.length, "contracted class", "contracted classes")} ${
          ok === 1 ? "was" : "were"
        } fully monitored (${percent(c.figure)}).`
      : "No monitored class is contracted, so coverage has no figure.",
    c.edr.known
      ? `EDR covered ${c.edr.covered} of ${plural(c.edr.known, "known asset")} (${percent(c.edr.ratio)}).`
      : "No asset was known, so EDR coverage has no figure.",
    c.meanAvailability === null
      ? "No sensor reported during the month."
      : `Sensors were available ${percent(c.meanAvailability)} of the month on average, ${
          c.silent.count ? `with ${plural(c.silent.count, "silent period")}` : "without a silent period"
        }.`,
  ];
  return parts.join(" ");
}

function ClassChips({ c }: { c: Coverage }) {
  if (!c.classes.length) return null;
  return (
    <View style={{ flexDirection: "row", flexWrap: "wrap", marginBottom: 6 }}>
      {c.classes.map((x) => (
        <View
          key={x.cls}
          style={{
            borderWidth: 0.75,
            borderColor: RULE,
            borderLeftWidth: 3,
            borderLeftColor: STATE_COLOR[x.state] ?? MUTED,
            backgroundColor: PANEL,
            paddingVertical: 3,
            paddingHorizontal: 6,
            marginRight: 6,
            marginBottom: 4,
          }}
        >
          <Text style={{ fontWeight: "bold" }}>{x.label}</Text>
          <Text style={[s.small, { color: STATE_COLOR[x.state] ?? MUTED }]}>{STATE_LABEL[x.state] ?? x.state}</Text>
        </View>
      ))}
    </View>
  );
}

const STRIP_CELL = CONTENT_WIDTH / 14;
/** A word too long for a strip cell ("Reconnaissance") is hyphenated in the middle. */
const wrapLong = (name: string) =>
  name
    .split(" ")
    .map((w) => (w.length > 12 ? `${w.slice(0, Math.ceil(w.length / 2))}-\n${w.slice(Math.ceil(w.length / 2))}` : w))
    .join(" ");

/** Visibility per tactic at month end: one cell per tactic, coloured by band, with the rounded share inside. */
function HeatStrip({ c }: { c: Coverage }) {
  const cell = Math.min(STRIP_CELL, CONTENT_WIDTH / Math.max(1, c.tactics.length));
  return (
    <View style={{ marginTop: 4, marginBottom: 8 }}>
      <Text style={[s.paragraph, { fontWeight: "bold" }]}>Visibility per ATT&CK tactic at month end</Text>
      <View style={{ flexDirection: "row" }}>
        {c.tactics.map((t) => {
          const b = t.band ? BAND[t.band] : null;
          return (
            <View key={t.id} style={{ width: cell, paddingRight: 1.5 }}>
              <View
                style={{
                  height: 20,
                  backgroundColor: b?.bg ?? "#ffffff",
                  borderWidth: b ? 0 : 0.75,
                  borderColor: RULE,
                  justifyContent: "center",
                }}
              >
                <Text style={{ fontSize: 7.5, textAlign: "center", color: b?.fg ?? MUTED, fontWeight: "bold" }}>
                  {t.ratio === null ? "n/a" : `${Math.round(t.ratio * 100)}%`}
                </Text>
              </View>
              <Text style={{ fontSize: 5.5, lineHeight: 1.2, marginTop: 2, color: MUTED, textAlign: "center" }}>
                {wrapLong(t.name)}
              </Text>
            </View>
          );
        })}
      </View>
      <View style={{ flexDirection: "row", marginTop: 4 }}>
        {(Object.keys(BAND) as (keyof typeof BAND)[]).map((k) => (
          <View key={k} style={{ flexDirection: "row", alignItems: "center", marginRight: 10 }}>
            <View style={{ width: 8, height: 8, backgroundColor: BAND[k].bg, marginRight: 3 }} />
            <Text style={s.small}>{BAND[k].label}</Text>
          </View>
        ))}
        <Text style={[s.small, s.muted]}>
          {c.visibleClasses.length
            ? `Seen through: ${c.visibleClasses.join(", ")}.`
            : "No sensor class was seeing anything at month end."}
        </Text>
      </View>
    </View>
  );
}

type SensorRow = Coverage["sensors"][number];
type SilentRow = Coverage["silent"]["longest"][number];

export function CoverageSection({ model }: Props) {
  const c = model.coverage;
  const tz = model.customer.timezone;
  const allowance = (a: { used: number; licensed: number | null; over: boolean }, what: string) =>
    `${a.used} ${what} (${a.licensed === null ? "no licensed figure" : `${a.licensed} licensed${a.over ? ", over the licence" : ""}`})`;
  return (
    <View>
      <View wrap={false}>
        <Heading>Monitoring coverage</Heading>
        <Text style={s.paragraph}>{summary(c)}</Text>
        <ClassChips c={c} />
        <HeatStrip c={c} />
      </View>
      <Text style={[s.paragraph, s.small, s.muted, { marginBottom: 8 }]}>
        Entitlement at month end: {allowance(c.edr.endpoints, "endpoints deployed")};{" "}
        {allowance(c.edr.sensors, "sensors active")}
        {c.edr.uncovered ? `; ${plural(c.edr.uncovered, "asset")} without EDR.` : "."}
      </Text>
      {c.sensors.length ? (
        <View style={{ marginBottom: 8 }}>
          <Text style={[s.paragraph, { fontWeight: "bold" }]}>Sensor availability this month</Text>
          <Table<SensorRow>
            rowKey={(x) => x.name}
            rows={c.sensors}
            columns={[
              { title: "Sensor", cell: (x) => x.name },
              { title: "Classes", width: 110, cell: (x) => x.classes },
              {
                title: "At month end",
                width: 72,
                cell: (x) => <Text style={{ color: STATE_COLOR[x.state] ?? MUTED }}>{STATE_LABEL[x.state]}</Text>,
              },
              { title: "Availability", width: 62, align: "right", cell: (x) => percent(x.availability) },
              { title: "Silent periods", width: 62, align: "right", cell: (x) => String(x.silentPeriods) },
            ]}
          />
        </View>
      ) : null}
      {c.silent.count ? (
        <View>
          <Text style={[s.paragraph, { fontWeight: "bold" }]}>
            {c.silent.count > c.silent.longest.length
              ? `Longest silent periods (${c.silent.longest.length} of ${c.silent.count})`
              : "Silent periods"}
          </Text>
          <Table<SilentRow>
            rowKey={(x) => `${x.sensor}-${x.start.toISOString()}`}
            rows={c.silent.longest}
            columns={[
              { title: "Sensor", cell: (x) => x.sensor },
              { title: "From", width: 100, cell: (x) => formatDateTime(x.start, tz) },
              { title: "To", width: 100, cell: (x) => (x.open ? "still silent" : formatDateTime(x.end, tz)) },
              { title: "Duration", width: 62, align: "right", cell: (x) => duration(x.durationMs) },
            ]}
          />
        </View>
      ) : null}
    </View>
  );
}
