import { Document, Page, Text, View } from "@react-pdf/renderer";
import type { MonthlyReportModel } from "@/server/reports/model/assemble";
import { Cover } from "./cover";
import { CoverageSection } from "./coverage";
import { IncidentTable, NotableIncidents, ServiceFacts, Waiting } from "./incidents";
import { ExecutiveSummary, Funnel, IncidentBreakdown, KeyFigures } from "./overview";
import { Hunts, PostureScore, Recommendations, SUMMARY_WIDTH } from "./posture";
import { Breaches, SlaAttainment, TimeTo, Trend } from "./sla";
import { s, type Theme, themeOf } from "./styles";

/**
 * The monthly security-posture report of one customer as a react-pdf document: a cover, then one flowing A4 page
 * template with a repeated header and a "Page X of Y" footer. The template only lays out the assembled model.
 */
function Chrome({ model, theme }: { model: MonthlyReportModel; theme: Theme }) {
  return (
    <>
      <View style={[s.header, { borderBottomColor: theme.primary }]} fixed>
        <Text
          style={{
            maxWidth: "45%",
            fontWeight: "bold",
            color: theme.ink,
          }}
        >
          {model.provider.name}
        </Text>
        <Text style={{ flex: 1, marginLeft: 12, textAlign: "right" }}>
          {model.customer.name} · {model.monthLabel}
        </Text>
      </View>
      <View style={s.footer} fixed>
        <Text>Confidential — monthly security-posture report</Text>
        <Text render={({ pageNumber, totalPages }) => `Page ${pageNumber} of ${totalPages}`} />
      </View>
    </>
  );
}

export function ReportDocument({ model, generatedAt }: { model: MonthlyReportModel; generatedAt: Date }) {
  const theme = themeOf(model.provider);
  // Sections flow; blocks that must stay whole are `wrap={false}`, and headings never end a page.
  const busy = model.incidents.total > 0;
  return (
    <Document
      title={`${model.customer.name} — security-posture report, ${model.monthLabel}`}
      author={model.provider.legalName ?? model.provider.name}
      subject={`Monthly security-posture report for ${model.customer.name}, ${model.monthLabel}`}
      creator="Watchkeeper"
      producer="Watchkeeper"
      language="en"
      creationDate={generatedAt}
    >
      <Cover model={model} theme={theme} generatedAt={generatedAt} />
      <Page size="A4" style={s.page} wrap>
        <Chrome model={model} theme={theme} />
        <View style={s.body}>
          <View style={{ flexDirection: "row", justifyContent: "space-between", marginBottom: 8 }}>
            <View style={{ width: SUMMARY_WIDTH }}>
              <ExecutiveSummary model={model} theme={theme} />
            </View>
            <PostureScore model={model} theme={theme} />
          </View>
          <KeyFigures model={model} theme={theme} />
          <Funnel model={model} theme={theme} />

          <IncidentBreakdown model={model} theme={theme} />
          {busy ? <NotableIncidents model={model} /> : null}
          <SlaAttainment model={model} theme={theme} />
          <TimeTo model={model} theme={theme} />
          <Trend model={model} theme={theme} />
          <Breaches model={model} theme={theme} />
          {busy ? <IncidentTable model={model} /> : null}
          <CoverageSection model={model} theme={theme} />
          <Hunts model={model} theme={theme} />
          <Recommendations model={model} theme={theme} />
          <Waiting model={model} />
          <ServiceFacts model={model} />
        </View>
      </Page>
    </Document>
  );
}
