import { Button, Heading, Section, Text } from "@react-email/components";
import { type Branding, buttonStyle, defaultBranding, EmailLayout, textStyle } from "./layout";

export type RosterGapsEmailProps = {
  branding: Branding;
  gaps: { when: string; reasons: string; customers: string }[];
  url: string;
};

/** New roster gaps starting within 14 days, to SOC managers (each gap once). */
export default function RosterGapsEmail({ branding, gaps, url }: RosterGapsEmailProps) {
  return (
    <EmailLayout
      branding={branding}
      preview={`${gaps.length} new roster gap${gaps.length === 1 ? "" : "s"} in the next 14 days`}
      footer="You receive roster gap notices as a SOC manager."
    >
      <Heading as="h1" style={{ fontSize: 20, color: "#0f172a" }}>
        New gaps in the roster
      </Heading>
      <Section>
        {gaps.map((g) => (
          <Text
            key={g.when}
            style={{ ...textStyle, borderLeft: "3px solid #b91c1c", paddingLeft: 10, margin: "8px 0" }}
          >
            <strong>{g.when}</strong>
            <br />
            {g.reasons}
            <br />
            {g.customers}
          </Text>
        ))}
      </Section>
      <Button href={url} style={buttonStyle(branding.primaryColor)}>
        Open the roster
      </Button>
    </EmailLayout>
  );
}

RosterGapsEmail.PreviewProps = {
  branding: defaultBranding,
  gaps: [
    {
      when: "Sat 12 Dec 16:00 – 24:00 UTC",
      reasons: "Too few on duty, no network skill",
      customers: "Customers: Halvorsen Logistics",
    },
  ],
  url: "http://localhost:3000/console/roster",
} satisfies RosterGapsEmailProps;
