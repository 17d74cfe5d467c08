import { Button, Heading, Text } from "@react-email/components";
import { type Branding, buttonStyle, defaultBranding, EmailLayout, textStyle } from "./layout";

export type SensorHealthEmailProps = {
  branding: Branding;
  kind: "silent" | "recovered";
  customerName: string;
  sensorName: string;
  sensorClass: string;
  /** Formatted instants (UTC), computed by the caller. */
  silentSince: string;
  recoveredAt: string | null;
  audience: "staff" | "customer";
  url: string;
};

export default function SensorHealthEmail(p: SensorHealthEmailProps) {
  const silent = p.kind === "silent";
  const title = silent ? `Sensor silent: ${p.sensorName}` : `Sensor reporting again: ${p.sensorName}`;
  return (
    <EmailLayout
      branding={p.branding}
      preview={`${title} (${p.customerName})`}
      footer={
        p.audience === "staff"
          ? "You receive sensor alerts as a SOC manager."
          : "You receive sensor alerts as a technical contact of your organisation."
      }
    >
      <Heading as="h1" style={{ fontSize: 20, color: silent ? "#b91c1c" : "#15803d" }}>
        {title}
      </Heading>
      <Text style={textStyle}>
        {p.customerName} · {p.sensorClass}
      </Text>
      {silent ? (
        <Text style={textStyle}>
          We have received no heartbeat or event from this sensor since it went silent at{" "}
          <strong>{p.silentSince}</strong>. While it is silent we cannot see what it watches. Check that the device is
          running and can reach us.
        </Text>
      ) : (
        <Text style={textStyle}>
          The sensor was silent from <strong>{p.silentSince}</strong> and reported again at{" "}
          <strong>{p.recoveredAt ?? "—"}</strong>.
        </Text>
      )}
      <Button href={p.url} style={buttonStyle(p.branding.primaryColor)}>
        {p.audience === "staff" ? "Open the coverage matrix" : "Open your coverage"}
      </Button>
    </EmailLayout>
  );
}

SensorHealthEmail.PreviewProps = {
  branding: defaultBranding,
  kind: "silent",
  customerName: "Kestrel Bank",
  sensorName: "Zeek — Frankfurt DC",
  sensorClass: "NDR",
  silentSince: "29 Nov 2026, 14:30 UTC",
  recoveredAt: null,
  audience: "staff",
  url: "http://localhost:3000/console/coverage",
} satisfies SensorHealthEmailProps;
