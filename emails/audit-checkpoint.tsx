import { Heading, Text } from "@react-email/components";
import { type Branding, defaultBranding, EmailLayout, textStyle } from "./layout";

export type AuditCheckpointEmailProps = {
  branding: Branding;
  seq: number;
  hash: string;
  at: string;
  signature: string;
};

const mono = { ...textStyle, fontFamily: "monospace", fontSize: 12, wordBreak: "break-all" as const };

/** The daily audit checkpoint, kept by the provider admins outside the database. */
export default function AuditCheckpointEmail({ branding, seq, hash, at, signature }: AuditCheckpointEmailProps) {
  return (
    <EmailLayout
      branding={branding}
      preview={`Audit checkpoint: entry ${seq} at ${at}`}
      footer="You receive audit checkpoints as a provider admin. Keep them: `audit:verify` compares the log with them."
    >
      <Heading as="h1" style={{ fontSize: 20, color: "#0f172a" }}>
        Audit log checkpoint
      </Heading>
      <Text style={textStyle}>
        The audit log's newest entry at {at} is number {seq}. If a later check cannot find this entry with this hash,
        entries were removed or rewritten.
      </Text>
      <Text style={mono}>{JSON.stringify({ seq, hash, at, signature })}</Text>
    </EmailLayout>
  );
}

AuditCheckpointEmail.PreviewProps = {
  branding: defaultBranding,
  seq: 4211,
  hash: "9f2c1b7a5d3e4f60718293a4b5c6d7e8f9012a3b4c5d6e7f8091a2b3c4d5e6f7",
  at: "2026-12-06T00:00:00.000Z",
  signature: "1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f809",
} satisfies AuditCheckpointEmailProps;
