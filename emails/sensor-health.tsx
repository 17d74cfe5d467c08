import { Button, Heading, Section, Text } from "@react-email/components";
import { type Branding, buttonStyle, defaultBranding, EmailLayout, textStyle } from "./layout";

export type SensorHealthItem = {
  customerName: string;
  sensorName: string;
  sensorClass: string;
  /** Formatted instants (UTC), computed by the caller. */
  silentSince: string;
  recoveredAt: string | null;
};

export type SensorHealthEmailProps = {
  branding: Branding;
  kind: "silent" | "recovered";
  /** One transition: the sensor's own e-mail. Several from one sweep: one e-mail listing them. */
  items: SensorHealthItem[];
  /** Transitions in this sweep beyond those listed (the list is capped so the e-mail stays readable). */
  more?: number;
  /** How many customers the transitions belong to (listed or not). */
  customers?: number;
  audience: "staff" | "customer";
  url: string;
};

/** The subject of a sensor-health e-mail (one sensor, or how many and where). */
export function sensorHealthSubject(
  kind: "silent" | "recovered",
  items: SensorHealthItem[],
  total = items.length,
  customerCount = new Set(items.map((i) => i.customerName)).size,
) {
  const verb = kind === "silent" ? "silent" : "reporting again";
  if (total === 1) {
    const one = items[0]!;
    return `${kind === "silent" ? "Sensor silent" : "Sensor reporting again"}: ${one.sensorName} — ${one.customerName}`;
  }
  return customerCount === 1
    ? `${total} sensors ${verb} — ${items[0]!.customerName}`
    : `${total} sensors ${verb} at ${customerCount} customers`;
}

export default function SensorHealthEmail(p: SensorHealthEmailProps) {
  const silent = p.kind === "silent";
  const total = p.items.length + (p.more ?? 0);
  const title = sensorHealthSubject(p.kind, p.items, total, p.customers);
  const footer =
    p.audience === "staff"
      ? "You receive sensor alerts as a SOC manager."
      : "You receive sensor alerts as a technical contact of your organisation.";
  const button = (
    <Button href={p.url} style={buttonStyle(p.branding.primaryColor)}>
      {p.audience === "staff" ? "Open the coverage matrix" : "Open your coverage"}
    </Button>
  );
  if (total === 1) {
    const one = p.items[0]!;
    return (
      <EmailLayout branding={p.branding} preview={title} footer={footer}>
        <Heading as="h1" style={{ fontSize: 20, color: silent ? "#b91c1c" : "#15803d" }}>
          {silent ? `Sensor silent: ${one.sensorName}` : `Sensor reporting again: ${one.sensorName}`}
        </Heading>
        <Text style={textStyle}>
          {one.customerName} · {one.sensorClass}
        </Text>
        {silent ? (
          <Text style={textStyle}>
            We have received no heartbeat or event from this sensor since it went silent at{" "}
            <strong>{one.silentSince}</strong>. While it is silent we cannot see what it watches. Check that the device
            is running and can reach us.
          </Text>
        ) : (
          <Text style={textStyle}>
            The sensor was silent from <strong>{one.silentSince}</strong> and reported again at{" "}
            <strong>{one.recoveredAt ?? "—"}</strong>.
          </Text>
        )}
        {button}
      </EmailLayout>
    );
  }
  return (
    <EmailLayout branding={p.branding} preview={title} footer={footer}>
      <Heading as="h1" style={{ fontSize: 20, color: silent ? "#b91c1c" : "#15803d" }}>
        {title}
      </Heading>
      <Text style={textStyle}>
        {silent
          ? "We have received no heartbeat or event from these sensors since the time shown. While they are silent we cannot see what they watch. Check that the devices are running and can reach us."
          : "These sensors were silent and are reporting again."}
      </Text>
      <Section>
        {p.items.map((i) => (
          <Text key={`${i.customerName}/${i.sensorName}`} style={{ ...textStyle, margin: "4px 0" }}>
            <strong>{i.sensorName}</strong> ({i.sensorClass}) · {i.customerName} · silent since {i.silentSince}
            {i.recoveredAt ? `, reporting again at ${i.recoveredAt}` : ""}
          </Text>
        ))}
        {p.more ? <Text style={textStyle}>…and {p.more} more: the full list is on the page below.</Text> : null}
      </Section>
      {button}
    </EmailLayout>
  );
}

SensorHealthEmail.PreviewProps = {
  branding: defaultBranding,
  kind: "silent",
  items: [
    {
      customerName: "Kestrel Bank",
      sensorName: "Zeek — Frankfurt DC",
      sensorClass: "NDR",
      silentSince: "29 Nov 2026, 14:30 UTC",
      recoveredAt: null,
    },
  ],
  audience: "staff",
  url: "http://localhost:3000/console/coverage",
} satisfies SensorHealthEmailProps;
