import { Heading, Text } from "@react-email/components";
import { type Branding, defaultBranding, EmailLayout, textStyle } from "./layout";

export type AccountExistsEmailProps = {
  branding: Branding;
  organisationName: string;
  inviterName: string;
};

/**
 * Sent instead of an invitation when the address already has an account elsewhere. The inviter gets the same answer
 * as for a new address, so an invitation cannot be used to learn who has an account; the holder learns of it here.
 */
export default function AccountExistsEmail({ branding, organisationName, inviterName }: AccountExistsEmailProps) {
  return (
    <EmailLayout branding={branding} preview={`An invitation to ${organisationName} on Watchkeeper`}>
      <Heading as="h1" style={{ fontSize: 20, color: "#0f172a" }}>
        You already have a Watchkeeper account
      </Heading>
      <Text style={textStyle}>
        {inviterName} invited this address to join {organisationName} on Watchkeeper. This address already has a
        Watchkeeper account, and an account belongs to one organisation only, so no invitation link was created.
      </Text>
      <Text style={textStyle}>
        If you should have access to {organisationName}, ask {inviterName} to invite another address of yours. If you do
        not know this invitation, you can ignore this e-mail: nothing about your account has changed.
      </Text>
    </EmailLayout>
  );
}

AccountExistsEmail.PreviewProps = {
  branding: defaultBranding,
  organisationName: "Northwind Logistics",
  inviterName: "Dana Whitfield",
} satisfies AccountExistsEmailProps;
