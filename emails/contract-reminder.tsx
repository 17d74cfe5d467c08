import { Button, Heading, Section, Text } from "@react-email/components";
import { type Branding, buttonStyle, defaultBranding, EmailLayout, textStyle } from "./layout";

export type ContractReminderEmailProps = {
  branding: Branding;
  customerName: string;
  reference: string;
  items: { level: "info" | "warning" | "danger"; message: string }[];
  url: string;
};

const COLORS = { info: "#0369a1", warning: "#b45309", danger: "#b91c1c" };

export default function ContractReminderEmail({
  branding,
  customerName,
  reference,
  items,
  url,
}: ContractReminderEmailProps) {
  return (
    <EmailLayout
      branding={branding}
      preview={`${customerName}: ${items[0]?.message ?? "contract reminder"}`}
      footer="You receive contract reminders as a provider admin or SOC manager."
    >
      <Heading as="h1" style={{ fontSize: 20, color: "#0f172a" }}>
        Contract reminder: {customerName}
      </Heading>
      <Text style={{ ...textStyle, color: "#475569" }}>Contract {reference}</Text>
      <Section>
        {items.map((i) => (
          <Text
            key={i.message}
            style={{ ...textStyle, borderLeft: `3px solid ${COLORS[i.level]}`, paddingLeft: 10, margin: "6px 0" }}
          >
            {i.message}
          </Text>
        ))}
      </Section>
      <Button href={url} style={buttonStyle(branding.primaryColor)}>
        Open the contract
      </Button>
    </EmailLayout>
  );
}

ContractReminderEmail.PreviewProps = {
  branding: defaultBranding,
  customerName: "Meridian Health Partners",
  reference: "MHP-MXDR-2025",
  items: [
    { level: "warning", message: "Renewal decision due by 2026-12-12 (13 days; 30 days' notice before 2027-01-11)." },
  ],
  url: "http://localhost:3000/console/customers/meridian-health/contract",
} satisfies ContractReminderEmailProps;
