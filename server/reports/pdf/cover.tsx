import { Page, Text, View } from "@react-pdf/renderer";
import type { MonthlyReportModel } from "@/server/reports/model/assemble";
import { formatDate, monogram, periodLabel } from "./format";
import { LogoSvg, parseLogoSvg } from "./logo";
import { MUTED, PAGE, RULE, s, type Theme } from "./styles";

/** The cover: the provider's brand band (logo or monogram), then whose report this is and for when. */
export function Cover({ model, theme, generatedAt }: { model: MonthlyReportModel; theme: Theme; generatedAt: Date }) {
  const { provider, customer } = model;
  const tz = customer.timezone;
  const logo = parseLogoSvg(provider.logoSvg);
  const facts: [string, string][] = [
    ["Reporting period", periodLabel(model.period.from, model.period.to, tz)],
    ["Time zone", tz.replaceAll("_", " ")],
    ["Service tier", model.service?.tierLabel ?? "No contract in force"],
    ["Coverage", model.service?.coverage ?? "—"],
    ["Generated", formatDate(generatedAt, tz)],
  ];
  return (
    <Page size="A4" style={[s.page, { padding: 0 }]}>
      <View
        style={{
          backgroundColor: theme.primary,
          height: 220,
          paddingHorizontal: PAGE.margin + 8,
          paddingTop: 56,
          color: theme.onPrimary,
        }}
      >
        <View style={[s.row, { alignItems: "center" }]}>
          {logo ? (
            <View style={{ backgroundColor: "#ffffff", borderRadius: 6, padding: 8, marginRight: 14 }}>
              <LogoSvg logo={logo} width={150} height={48} />
            </View>
          ) : (
            <View
              style={{
                width: 56,
                height: 56,
                borderRadius: 28,
                backgroundColor: theme.accent,
                alignItems: "center",
                justifyContent: "center",
                marginRight: 14,
              }}
            >
              <Text style={{ color: theme.onAccent, fontSize: 20, lineHeight: 1.2, fontWeight: "bold" }}>
                {monogram(provider.name)}
              </Text>
            </View>
          )}
          <View style={{ flex: 1 }}>
            <Text style={{ fontSize: 18, lineHeight: 1.2, fontWeight: "bold" }}>{provider.name}</Text>
            {provider.legalName ? (
              <Text style={{ fontSize: 9, lineHeight: 1.3, marginTop: 2 }}>{provider.legalName}</Text>
            ) : null}
          </View>
        </View>
        <Text style={{ fontSize: 10, lineHeight: 1.3, marginTop: 46, letterSpacing: 1 }}>
          MONTHLY SECURITY-POSTURE REPORT
        </Text>
      </View>
      <View style={{ height: 5, backgroundColor: theme.accent }} />

      <View style={{ paddingHorizontal: PAGE.margin + 8, paddingTop: 48, flexGrow: 1 }}>
        <Text style={{ fontSize: 11, lineHeight: 1.3, color: MUTED }}>Monthly security-posture report for</Text>
        <Text style={{ fontSize: 26, lineHeight: 1.2, fontWeight: "bold", marginTop: 6 }}>{customer.name}</Text>
        <Text
          style={{
            fontSize: 18,
            lineHeight: 1.2,
            marginTop: 8,
            color: theme.ink,
          }}
        >
          {model.monthLabel}
        </Text>

        <View style={{ marginTop: 40, borderTopWidth: 0.75, borderTopColor: RULE }}>
          {facts.map(([k, v]) => (
            <View key={k} style={[s.row, { borderBottomWidth: 0.75, borderBottomColor: RULE, paddingVertical: 7 }]}>
              <Text style={{ width: 130, color: MUTED }}>{k}</Text>
              <Text style={{ flex: 1 }}>{v}</Text>
            </View>
          ))}
        </View>
      </View>

      <View
        style={{ paddingHorizontal: PAGE.margin + 8, paddingBottom: 36, fontSize: 8, lineHeight: 1.3, color: MUTED }}
      >
        <Text>
          Confidential — prepared for {customer.name} by {provider.legalName ?? provider.name}.
        </Text>
        {provider.supportEmail ? <Text>Questions about this report: {provider.supportEmail}</Text> : null}
      </View>
    </Page>
  );
}
