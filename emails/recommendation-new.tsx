import { Button, Heading, Section, Text } from "@react-email/components";
import { type Branding, buttonStyle, defaultBranding, EmailLayout, textStyle } from "./layout";

export type RecommendationNewEmailProps = {
  branding: Branding;
  customerName: string;
  severityLabel: string;
  title: string;
  body: string;
  url: string;
};

export default function RecommendationNewEmail({
  branding,
  customerName,
  severityLabel,
  title,
  body,
  url,
}: RecommendationNewEmailProps) {
  return (
    <EmailLayout
      branding={branding}
      preview={`${severityLabel} recommendation for ${customerName}: ${title}`}
      footer={`You receive this as one of ${customerName}'s report contacts.`}
    >
      <Heading as="h1" style={{ fontSize: 20, color: "#0f172a" }}>
        New {severityLabel.toLowerCase()} recommendation: {title}
      </Heading>
      <Section style={{ backgroundColor: "#f8fafc", borderRadius: 6, padding: "4px 16px", margin: "12px 0" }}>
        <Text style={textStyle}>{body}</Text>
      </Section>
      <Button href={url} style={buttonStyle(branding.primaryColor)}>
        See the evidence in the portal
      </Button>
    </EmailLayout>
  );
}

RecommendationNewEmail.PreviewProps = {
  branding: defaultBranding,
  customerName: "Halvorsen Logistics",
  severityLabel: "High",
  title: "Restore the silent sensor Zeek — DC uplink",
  body: "Zeek — DC uplink has sent nothing since 2026-11-02T08:15:00Z. Until it reports again, what it watches is unmonitored.",
  url: "http://localhost:3000/portal/recommendations",
} satisfies RecommendationNewEmailProps;
