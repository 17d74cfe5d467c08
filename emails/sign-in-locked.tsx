import { Button, Heading, Text } from "@react-email/components";
import { type Branding, buttonStyle, defaultBranding, EmailLayout, textStyle } from "./layout";

export type SignInLockedEmailProps = {
  branding: Branding;
  name: string;
  failures: number;
  lockedMinutes: number;
  resetUrl: string;
};

/** Told once per lockout: someone failed to sign in to this account too often. */
export default function SignInLockedEmail({
  branding,
  name,
  failures,
  lockedMinutes,
  resetUrl,
}: SignInLockedEmailProps) {
  return (
    <EmailLayout branding={branding} preview="Sign-in to your Watchkeeper account is paused">
      <Heading as="h1" style={{ fontSize: 20, color: "#0f172a" }}>
        Sign-in paused for {lockedMinutes} minutes
      </Heading>
      <Text style={textStyle}>Hello {name},</Text>
      <Text style={textStyle}>
        There were {failures} failed attempts to sign in to your Watchkeeper account with a wrong password, so signing
        in with a password is paused for {lockedMinutes} minutes. Sessions you already have keep working.
      </Text>
      <Text style={textStyle}>
        If this was not you, someone may be guessing your password. Once the pause is over, choose a new password:
      </Text>
      <Button href={resetUrl} style={buttonStyle(branding.primaryColor)}>
        Reset my password
      </Button>
    </EmailLayout>
  );
}

SignInLockedEmail.PreviewProps = {
  branding: defaultBranding,
  name: "Priya Natarajan",
  failures: 10,
  lockedMinutes: 15,
  resetUrl: "http://localhost:3000/forgot-password",
} satisfies SignInLockedEmailProps;
