import { Button, Heading, Link, Section, Text } from "@react-email/components";
import { type Branding, buttonStyle, defaultBranding, EmailLayout, textStyle } from "./layout";

export type IncidentUpdateKind = "opened" | "update" | "question" | "action";

export type IncidentUpdateEmailProps = {
  branding: Branding;
  kind: IncidentUpdateKind;
  customerName: string;
  reference: string;
  title: string;
  severityLabel: string;
  statusLabel: string;
  /** The customer-visible text of this update (rendered as text, never as HTML). */
  message: string | null;
  portalUrl: string;
};

const HEADINGS: Record<IncidentUpdateKind, string> = {
  opened: "New security incident",
  update: "Incident update",
  question: "We need your answer",
  action: "Your approval is requested",
};

const SEVERITY_COLORS: Record<string, string> = {
  Critical: "#b91c1c",
  High: "#c2410c",
  Medium: "#b45309",
  Low: "#0369a1",
  Informational: "#475569",
};

export default function IncidentUpdateEmail(p: IncidentUpdateEmailProps) {
  const color = SEVERITY_COLORS[p.severityLabel] ?? "#475569";
  return (
    <EmailLayout branding={p.branding} preview={`${HEADINGS[p.kind]}: ${p.reference} ${p.title}`}>
      <Text style={{ ...textStyle, color: "#64748b", fontSize: 12, marginBottom: 0 }}>
        {p.customerName} · {p.reference}
      </Text>
      <Heading as="h1" style={{ fontSize: 20, color: "#0f172a", marginTop: 4 }}>
        {HEADINGS[p.kind]}: {p.title}
      </Heading>
      <Section>
        <Text style={{ ...textStyle, margin: 0 }}>
          <span style={{ color, fontWeight: 700 }}>{p.severityLabel}</span> · {p.statusLabel}
        </Text>
      </Section>
      {p.message ? (
        <Text
          style={{
            ...textStyle,
            backgroundColor: "#f8fafc",
            borderLeft: `3px solid ${p.branding.primaryColor}`,
            padding: "8px 12px",
            whiteSpace: "pre-wrap",
          }}
        >
          {p.message}
        </Text>
      ) : null}
      <Button href={p.portalUrl} style={buttonStyle(p.branding.primaryColor)}>
        {p.kind === "question"
          ? "Answer in the portal"
          : p.kind === "action"
            ? "Review the request"
            : "Open the incident"}
      </Button>
      <Text style={{ ...textStyle, color: "#475569", fontSize: 12 }}>
        Or open: <Link href={p.portalUrl}>{p.portalUrl}</Link>
      </Text>
    </EmailLayout>
  );
}

IncidentUpdateEmail.PreviewProps = {
  branding: defaultBranding,
  kind: "opened",
  customerName: "Halvorsen Logistics",
  reference: "HAL-12",
  title: "Credential brute force against VPN gateway",
  severityLabel: "High",
  statusLabel: "Investigating",
  message: "We detected repeated failed logins from 203.0.113.7 against vpn-gw-01 and blocked the address at the edge.",
  portalUrl: "http://localhost:3000/portal/incidents/00000000-0000-4000-8000-000000000000",
} satisfies IncidentUpdateEmailProps;
