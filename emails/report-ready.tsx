import { Button, Heading, Section, Text } from "@react-email/components";
import { type Branding, buttonStyle, defaultBranding, EmailLayout, textStyle } from "./layout";

export type ReportReadyEmailProps = {
  branding: Branding;
  customerName: string;
  monthLabel: string;
  /** The report's own executive summary, sentence by sentence. */
  summary: string[];
  url: string;
  attached: boolean;
  filename: string;
  sha256: string;
};

export default function ReportReadyEmail({
  branding,
  customerName,
  monthLabel,
  summary,
  url,
  attached,
  filename,
  sha256,
}: ReportReadyEmailProps) {
  return (
    <EmailLayout
      branding={branding}
      preview={`${customerName}: your security report for ${monthLabel} is ready`}
      footer={`You receive monthly reports as one of ${customerName}'s report contacts.`}
    >
      <Heading as="h1" style={{ fontSize: 20, color: "#0f172a" }}>
        Your security report for {monthLabel} is ready
      </Heading>
      <Text style={textStyle}>
        {branding.providerName}'s monthly security-posture report for {customerName} covers what we saw, what we did and
        how fast, against your contract.
      </Text>
      <Section style={{ backgroundColor: "#f8fafc", borderRadius: 6, padding: "4px 16px", margin: "12px 0" }}>
        {summary.map((line) => (
          <Text key={line} style={{ ...textStyle, margin: "8px 0" }}>
            {line}
          </Text>
        ))}
      </Section>
      <Button href={url} style={buttonStyle(branding.primaryColor)}>
        Open the report in the portal
      </Button>
      <Text style={{ ...textStyle, color: "#475569", fontSize: 13 }}>
        {attached
          ? `The report is attached as ${filename}.`
          : "The report is too large to attach; download it from the portal."}{" "}
        SHA-256: <span style={{ fontFamily: "monospace", wordBreak: "break-all" }}>{sha256}</span>
      </Text>
    </EmailLayout>
  );
}

ReportReadyEmail.PreviewProps = {
  branding: defaultBranding,
  customerName: "Halvorsen Maritime",
  monthLabel: "October 2026",
  summary: [
    "In October 2026 we received 1,204 alerts from your sensors; 37 alerts became part of an incident.",
    "We opened 9 incidents with you.",
    "The critical incident was contained within the SLA.",
    "97.6 % of SLA targets were met; 1 target missed.",
  ],
  url: "http://localhost:3000/portal/reports?month=2026-10",
  attached: true,
  filename: "halvorsen-2026-10-security-report.pdf",
  sha256: "9f2c6c1b0d8a4e7f5b3a2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f",
} satisfies ReportReadyEmailProps;
