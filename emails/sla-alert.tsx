import { Button, Heading, Text } from "@react-email/components";
import { type Branding, buttonStyle, defaultBranding, EmailLayout, textStyle } from "./layout";

export type SlaAlertEmailProps = {
  branding: Branding;
  kind: "at_risk" | "breached";
  customerName: string;
  reference: string;
  title: string;
  metricLabel: string;
  severityLabel: string;
  dueAt: string;
  assignee: string | null;
  url: string;
};

export default function SlaAlertEmail(p: SlaAlertEmailProps) {
  const breached = p.kind === "breached";
  return (
    <EmailLayout
      branding={p.branding}
      preview={`${breached ? "SLA breached" : "SLA at risk"}: ${p.metricLabel} for ${p.reference}`}
      footer="You receive SLA alerts as a SOC manager or as the incident's assignee."
    >
      <Heading as="h1" style={{ fontSize: 20, color: breached ? "#b91c1c" : "#b45309" }}>
        {breached ? "SLA breached" : "SLA at risk"}: {p.metricLabel}
      </Heading>
      <Text style={textStyle}>
        <strong>{p.reference}</strong> {p.title}
        <br />
        {p.customerName} · {p.severityLabel}
      </Text>
      <Text style={textStyle}>
        {breached ? "The target was due" : "The target is due"} at <strong>{p.dueAt}</strong>.{" "}
        {p.assignee ? `Assigned to ${p.assignee}.` : "Nobody is assigned."}
      </Text>
      <Button href={p.url} style={buttonStyle(p.branding.primaryColor)}>
        Open the incident
      </Button>
    </EmailLayout>
  );
}

SlaAlertEmail.PreviewProps = {
  branding: defaultBranding,
  kind: "at_risk",
  customerName: "Kestrel Bank",
  reference: "KES-17",
  title: "Credential dumping from LSASS memory on KST-SRV-0104",
  metricLabel: "Contain",
  severityLabel: "Critical",
  dueAt: "29 Nov 2026, 14:30 UTC",
  assignee: "Mei Tanaka",
  url: "http://localhost:3000/console/incidents/00000000-0000-4000-8000-000000000000",
} satisfies SlaAlertEmailProps;
