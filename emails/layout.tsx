import { Body, Container, Head, Hr, Html, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";
import { textOn } from "@/server/provider/colors";

export type Branding = { providerName: string; primaryColor: string; supportEmail?: string | null };

export const defaultBranding: Branding = {
  providerName: "Northwatch Security",
  primaryColor: "#0f766e",
  supportEmail: "soc@northwatch.example",
};

/** The frame every e-mail shares: provider name on top, a footer that says who sent it and why. */
export function EmailLayout({
  branding,
  preview,
  children,
  footer,
}: {
  branding: Branding;
  preview: string;
  children: ReactNode;
  footer?: string;
}) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body
        style={{ backgroundColor: "#f1f5f9", fontFamily: "Helvetica, Arial, sans-serif", margin: 0, padding: "24px 0" }}
      >
        <Container style={{ backgroundColor: "#ffffff", borderRadius: 8, maxWidth: 560, overflow: "hidden" }}>
          <Section style={{ backgroundColor: branding.primaryColor, padding: "16px 24px" }}>
            <Text style={{ color: textOn(branding.primaryColor), fontSize: 16, fontWeight: 700, margin: 0 }}>
              {branding.providerName}
            </Text>
          </Section>
          <Section style={{ padding: "8px 24px 16px" }}>{children}</Section>
          <Hr style={{ borderColor: "#e2e8f0", margin: 0 }} />
          <Section style={{ padding: "12px 24px" }}>
            <Text style={{ color: "#64748b", fontSize: 12, lineHeight: "18px", margin: 0 }}>
              {footer ?? `You received this e-mail from ${branding.providerName} via Watchkeeper.`}
              {branding.supportEmail ? ` Questions: ${branding.supportEmail}.` : ""}
            </Text>
          </Section>
        </Container>
      </Body>
    </Html>
  );
}

export const buttonStyle = (color: string) => ({
  backgroundColor: color,
  borderRadius: 6,
  color: textOn(color),
  display: "inline-block",
  fontSize: 14,
  fontWeight: 600,
  padding: "10px 18px",
  textDecoration: "none",
});

export const textStyle = { color: "#0f172a", fontSize: 14, lineHeight: "22px" };
