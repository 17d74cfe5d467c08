import { Button, Heading, Link, Text } from "@react-email/components";
import { type Branding, buttonStyle, defaultBranding, EmailLayout, textStyle } from "./layout";

export type PasswordResetEmailProps = {
  branding: Branding;
  name: string;
  resetUrl: string;
  validMinutes: number;
};

export default function PasswordResetEmail({ branding, name, resetUrl, validMinutes }: PasswordResetEmailProps) {
  return (
    <EmailLayout branding={branding} preview="Reset your Watchkeeper password">
      <Heading as="h1" style={{ fontSize: 20, color: "#0f172a" }}>
        Reset your password
      </Heading>
      <Text style={textStyle}>Hello {name},</Text>
      <Text style={textStyle}>
        Someone asked to reset the password of your Watchkeeper account. If it was you, choose a new password within{" "}
        {validMinutes} minutes:
      </Text>
      <Button href={resetUrl} style={buttonStyle(branding.primaryColor)}>
        Choose a new password
      </Button>
      <Text style={{ ...textStyle, color: "#475569", fontSize: 12 }}>
        Or open this link: <Link href={resetUrl}>{resetUrl}</Link>
        <br />
        If you did not ask for this, ignore this e-mail: your password stays as it is.
      </Text>
    </EmailLayout>
  );
}

PasswordResetEmail.PreviewProps = {
  branding: defaultBranding,
  name: "Priya Natarajan",
  resetUrl: "http://localhost:3000/reset-password?token=preview",
  validMinutes: 60,
} satisfies PasswordResetEmailProps;
