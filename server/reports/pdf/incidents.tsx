import { Text, View } from "@react-pdf/renderer";
import { STATUS_LABELS } from "@/server/incidents/lifecycle";
import type { MonthlyReportModel } from "@/server/reports/model/assemble";
import { formatDate, formatDateTime, periodLabel } from "./format";
import { Heading } from "./overview";
import { BAD, GOOD, MUTED, PANEL, RULE, SEVERITY_COLORS, s } from "./styles";
import { Table } from "./table";

type Props = { model: MonthlyReportModel };
type Incident = MonthlyReportModel["incidents"]["notable"][number];

const ACTION_STATUS: Record<string, string> = {
  requested: "awaiting your approval",
  approved: "approved, not yet carried out",
  declined: "declined by your team",
  executed: "carried out",
  cancelled: "cancelled",
};

export function SeverityBadge({ severity, label }: { severity: number; label: string }) {
  return (
    <Text style={[s.badge, { alignSelf: "flex-start", backgroundColor: SEVERITY_COLORS[severity] ?? MUTED }]}>
      {label.toUpperCase()}
    </Text>
  );
}

// A card never breaks across pages, so it must always fit on one: long summaries and action lists are cut short
// (the incident page in the portal has them whole).
const SUMMARY_CHARS = 900;
const ACTIONS = 8;
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max).trimEnd()}…` : text);

const statusOf = (i: Pick<Incident, "status">) => STATUS_LABELS[i.status] ?? i.status;

function containment(i: Incident, tz: string): { text: string; color: string } {
  if (!i.containedAt) return { text: "Not contained yet", color: MUTED };
  const when = formatDateTime(i.containedAt, tz);
  return i.containedInSla === false
    ? { text: `Contained ${when}, after the SLA target`, color: BAD }
    : { text: `Contained ${when}, within the SLA`, color: GOOD };
}

function NotableCard({ i, tz }: { i: Incident; tz: string }) {
  const c = containment(i, tz);
  return (
    <View
      wrap={false}
      style={{
        backgroundColor: PANEL,
        borderLeftWidth: 3,
        borderLeftColor: SEVERITY_COLORS[i.severity] ?? MUTED,
        borderRadius: 3,
        padding: 9,
        marginBottom: 8,
      }}
    >
      <View style={[s.row, { alignItems: "center", marginBottom: 3 }]}>
        <Text style={{ fontWeight: "bold", marginRight: 6 }}>{i.reference}</Text>
        <SeverityBadge severity={i.severity} label={i.severityLabel} />
        <Text style={{ marginLeft: 6, color: MUTED, fontSize: 7.5, lineHeight: 1.3 }}>
          {statusOf(i)} · opened {formatDateTime(i.createdAt, tz)}
        </Text>
      </View>
      <Text style={{ fontWeight: "bold", fontSize: 10, lineHeight: 1.3 }}>{i.title}</Text>
      {i.summary ? <Text style={{ marginTop: 3 }}>{clip(i.summary, SUMMARY_CHARS)}</Text> : null}
      <Text style={{ marginTop: 4, color: c.color, fontWeight: "bold", fontSize: 8, lineHeight: 1.3 }}>{c.text}</Text>
      {i.resolvedAt ? (
        <Text style={{ fontSize: 8, lineHeight: 1.3 }}>
          Resolved {formatDateTime(i.resolvedAt, tz)}
          {i.closeReason ? ` — ${i.closeReason}` : ""}
        </Text>
      ) : null}
      {i.actions.length === 0 ? (
        <Text style={{ fontSize: 8, lineHeight: 1.3, marginTop: 3, color: MUTED }}>
          Actions taken: none were needed on your systems.
        </Text>
      ) : (
        <Text style={[s.h3, { marginTop: 4, marginBottom: 1, fontSize: 8, lineHeight: 1.3 }]}>Actions taken</Text>
      )}
      {i.actions.slice(0, ACTIONS).map((a, n) => (
        <Text key={`${a.label}-${a.target}-${n}`} style={{ fontSize: 8, lineHeight: 1.3 }}>
          • {a.label}: {a.target} — {ACTION_STATUS[a.status] ?? a.status}
          {a.executedAt ? ` ${formatDateTime(a.executedAt, tz)}` : ""}
        </Text>
      ))}
      {i.actions.length > ACTIONS ? (
        <Text style={{ fontSize: 8, lineHeight: 1.3, color: MUTED }}>
          {`and ${i.actions.length - ACTIONS} more, listed on the incident in the portal`}
        </Text>
      ) : null}
    </View>
  );
}

export function NotableIncidents({ model }: Props) {
  const list = model.incidents.notable;
  const highOrCritical = model.incidents.bySeverity.filter((x) => x.severity >= 4).reduce((a, x) => a + x.count, 0);
  return (
    <>
      <Heading ahead={160}>Notable incidents</Heading>
      {list.length === 0 ? (
        <Text style={s.empty}>No high or critical incidents were opened this month.</Text>
      ) : (
        <>
          {highOrCritical > list.length ? (
            <Text style={[s.muted, { marginBottom: 6 }]}>
              The {list.length} most severe of {highOrCritical} high and critical incidents; all are listed in the table
              below.
            </Text>
          ) : null}
          {list.map((i) => (
            <NotableCard key={i.reference} i={i} tz={model.customer.timezone} />
          ))}
        </>
      )}
    </>
  );
}

export function IncidentTable({ model }: Props) {
  const tz = model.customer.timezone;
  const rows = model.incidents.all;
  return (
    <>
      <Heading>{`All incidents opened in ${model.monthLabel}`}</Heading>
      {rows.length === 0 ? (
        <Text style={s.empty}>No incidents were opened this month.</Text>
      ) : (
        <Table
          rowKey={(i) => i.reference}
          rows={rows}
          columns={[
            { title: "Incident", width: 52, cell: (i) => i.reference },
            { title: "Opened", width: 64, cell: (i) => formatDate(i.createdAt, tz) },
            {
              title: "Severity",
              width: 72,
              cell: (i) => <SeverityBadge severity={i.severity} label={i.severityLabel} />,
            },
            { title: "Title", cell: (i) => i.title },
            { title: "Status", width: 74, cell: (i) => statusOf(i) },
            {
              title: "Contained in SLA",
              width: 58,
              cell: (i) => (i.containedAt ? (i.containedInSla === false ? "No" : "Yes") : "Not yet"),
            },
          ]}
        />
      )}
    </>
  );
}

export function Waiting({ model }: Props) {
  const tz = model.customer.timezone;
  return (
    <>
      <Heading>Waiting on your team</Heading>
      {model.waiting.length === 0 ? (
        <Text style={s.empty}>Nothing is waiting on your team.</Text>
      ) : (
        <>
          <Text style={{ marginBottom: 4 }}>
            These items need an answer or a decision from you; the SLA clocks of an incident may pause while it waits.
          </Text>
          <Table
            rowKey={(w) => `${w.reference}-${w.what}`}
            rows={model.waiting}
            columns={[
              { title: "Incident", width: 52, cell: (w) => w.reference },
              { title: "What we need", cell: (w) => w.what },
              { title: "Waiting since", width: 90, cell: (w) => formatDateTime(w.since, tz) },
            ]}
          />
        </>
      )}
    </>
  );
}

export function ServiceFacts({ model }: Props) {
  const { service, customer, provider } = model;
  const facts: [string, string][] = [
    ["Service tier", service?.tierLabel ?? "No contract was in force at the end of this month."],
    ["Coverage", service?.coverage ?? "—"],
    ["Reporting period", periodLabel(model.period.from, model.period.to, customer.timezone)],
    ["Your time zone", `${customer.timezone.replaceAll("_", " ")} (all times in this report)`],
    ["Industry", customer.industry ?? "—"],
    ["Provider", provider.legalName ? `${provider.name} (${provider.legalName})` : provider.name],
  ];
  if (provider.supportEmail) facts.push(["Contact", provider.supportEmail]);
  return (
    <View wrap={false}>
      <Heading>Service facts</Heading>
      {facts.map(([k, v]) => (
        <View key={k} style={[s.row, { borderBottomWidth: 0.5, borderBottomColor: RULE, paddingVertical: 4 }]}>
          <Text style={{ width: 120, color: MUTED }}>{k}</Text>
          <Text style={{ flex: 1 }}>{v}</Text>
        </View>
      ))}
      <Text style={[s.h3, { marginTop: 12 }]}>How to read this report</Text>
      <Text style={[s.small, s.paragraph]}>
        MTTA, MTTN, MTTC and MTTR are the mean times from an incident's start to its acknowledgement, to notifying you,
        to containment and to resolution, counted on your contract's service calendar. SLA attainment is the share of
        decided targets that were met. Only incidents opened with you are counted; alerts that turned out to be benign
        or false positives are closed by our analysts without an incident.
      </Text>
    </View>
  );
}
