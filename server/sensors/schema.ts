import { z } from "zod";
import { SENSOR_CLASSES, SOURCE_FORMATS, XDR_PROVIDED_CLASSES } from "@/db/schema/sensors";

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

const baseFields = z.object({
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
  /** Expected heartbeat interval in seconds (silent after 3 × this). */
  heartbeatIntervalSeconds: z
    .number()
    .int("Use whole seconds")
    .min(30, "At least 30 seconds")
    .max(86_400, "At most one day"),
  /** For an XDR sensor: the classes it reports as (at least two); empty for every other class. */
  providesClasses: z.array(z.enum(XDR_PROVIDED_CLASSES)).max(XDR_PROVIDED_CLASSES.length),
});

/** The rule for an xdr sensor's classes (coverage-rules.md); null when fine. */
export function providesClassesError(sensorClass: string, provides: readonly string[]): string | null {
  if (new Set(provides).size !== provides.length) return "List each class once";
  if (sensorClass === "xdr") return provides.length >= 2 ? null : "An XDR sensor provides at least two classes";
  return provides.length ? "Only an XDR sensor declares the classes it provides" : null;
}

export const sensorFields = baseFields
  .extend({
    heartbeatIntervalSeconds: baseFields.shape.heartbeatIntervalSeconds.default(300),
    providesClasses: baseFields.shape.providesClasses.default([]),
  })
  .superRefine((f, ctx) => {
    const message = providesClassesError(f.sensorClass, f.providesClasses);
    if (message) ctx.addIssue({ code: "custom", message, path: ["providesClasses"] });
  });
export type SensorFields = z.infer<typeof sensorFields>;
/** A patch; the xdr rule is checked in the service against the sensor as it will be. */
export const updateSensorFields = baseFields.omit({ sourceFormat: true }).partial();
export type SensorPatch = z.infer<typeof updateSensorFields>;
