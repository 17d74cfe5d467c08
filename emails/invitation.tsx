import { Button, Heading, Link, Text } from "@react-email/components";
import { type Branding, buttonStyle, defaultBranding, EmailLayout, textStyle } from "./layout";

export type InvitationEmailProps = {
  branding: Branding;
  inviteeName?: string | null;
  inviterName: string;
  organisationName: string;
  roleLabel: string;
  acceptUrl: string;
  expiresAt: string;
};

export default function InvitationEmail({
  branding,
  inviteeName,
  inviterName,
  organisationName,
  roleLabel,
  acceptUrl,
  expiresAt,
}: InvitationEmailProps) {
  return (
    <EmailLayout branding={branding} preview={`${inviterName} invited you to ${organisationName} on Watchkeeper`}>
      <Heading as="h1" style={{ fontSize: 20, color: "#0f172a" }}>
        You are invited to {organisationName}
      </Heading>
      <Text style={textStyle}>Hello{inviteeName ? ` ${inviteeName}` : ""},</Text>
      <Text style={textStyle}>
        {inviterName} invited you to join <strong>{organisationName}</strong> on Watchkeeper as{" "}
        <strong>{roleLabel}</strong>. Accept the invitation to choose your password and sign in.
      </Text>
      <Button href={acceptUrl} style={buttonStyle(branding.primaryColor)}>
        Accept invitation
      </Button>
      <Text style={{ ...textStyle, color: "#475569", fontSize: 12 }}>
        Or open this link: <Link href={acceptUrl}>{acceptUrl}</Link>
        <br />
        The invitation expires on {expiresAt}. If you did not expect it, ignore this e-mail.
      </Text>
    </EmailLayout>
  );
}

InvitationEmail.PreviewProps = {
  branding: defaultBranding,
  inviteeName: "Priya Natarajan",
  inviterName: "Morgan Reyes",
  organisationName: "Halvorsen Logistics",
  roleLabel: "Customer admin",
  acceptUrl: "http://localhost:3000/invite/preview-token",
  expiresAt: "5 Dec 2026, 09:00 UTC",
} satisfies InvitationEmailProps;
