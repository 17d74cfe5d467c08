import { z } from "zod";
import { SENSOR_CLASSES, SOURCE_FORMATS } from "@/db/schema/sensors";

export const SENSOR_CLASS_LABELS: Record<(typeof SENSOR_CLASSES)[number], string> = {
  edr: "EDR",
  ndr: "NDR",
  xdr: "XDR integration",
  siem: "SIEM log source",
  cloud: "Cloud",
  identity: "Identity",
  email: "E-mail",
};

export const SOURCE_FORMAT_LABELS: Record<(typeof SOURCE_FORMATS)[number], string> = {
  ocsf: "OCSF Detection Finding",
  crowdstrike: "CrowdStrike Falcon",
  sentinelone: "SentinelOne",
  defender: "Microsoft Defender for Endpoint",
  suricata: "Suricata EVE JSON",
  zeek: "Zeek notice.log (JSON)",
  wazuh: "Wazuh alerts.json",
};

/** The usual class and vendor of each intake format, to pre-fill forms. */
export const FORMAT_DEFAULTS: Record<
  (typeof SOURCE_FORMATS)[number],
  { sensorClass: (typeof SENSOR_CLASSES)[number]; vendor: string; product: string }
> = {
  ocsf: { sensorClass: "xdr", vendor: "OCSF", product: "OCSF producer" },
  crowdstrike: { sensorClass: "edr", vendor: "CrowdStrike", product: "Falcon Insight" },
  sentinelone: { sensorClass: "edr", vendor: "SentinelOne", product: "Singularity" },
  defender: { sensorClass: "edr", vendor: "Microsoft", product: "Defender for Endpoint" },
  suricata: { sensorClass: "ndr", vendor: "OISF", product: "Suricata" },
  zeek: { sensorClass: "ndr", vendor: "Zeek", product: "Zeek" },
  wazuh: { sensorClass: "siem", vendor: "Wazuh", product: "Wazuh manager" },
};

const text = (max: number, what: string) =>
  z.string().trim().min(1, `Enter ${what}`).max(max, `Use at most ${max} characters`);

export const sensorFields = z.object({
  name: text(120, "a name"),
  sensorClass: z.enum(SENSOR_CLASSES),
  vendor: text(80, "the vendor"),
  product: text(120, "the product"),
  sourceFormat: z.enum(SOURCE_FORMATS),
  site: z
    .string()
    .trim()
    .max(120)
    .optional()
    .transform((v) => v || null),
});
export type SensorFields = z.infer<typeof sensorFields>;
export const updateSensorFields = sensorFields.omit({ sourceFormat: true }).partial();
