import { z } from "zod";
import { ALLOWED_ACTIONS, METRICS, SLA_SEVERITIES, TIERS } from "@/db/schema/contracts";
import { SENSOR_CLASSES } from "@/db/schema/sensors";
import { boundedDate, boundedDay } from "@/server/dates";
import { languageList, skillList } from "@/server/roster/schema";
import { type Calendar, validateCalendar } from "@/server/sla/calendar";

const minutes = z
  .number()
  .int()
  .min(1, "At least 1 minute")
  .max(60 * 24 * 90, "At most 90 days")
  .nullable();
const perMetric = z.object(
  Object.fromEntries(METRICS.map((m) => [m, minutes])) as Record<(typeof METRICS)[number], typeof minutes>,
);
export const slaTargetsSchema = z.object(
  Object.fromEntries(SLA_SEVERITIES.map((s) => [s, perMetric])) as Record<
    (typeof SLA_SEVERITIES)[number],
    typeof perMetric
  >,
);

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, "Use HH:MM");
export const coverageSchema = z
  .discriminatedUnion("kind", [
    z.object({ kind: z.literal("24x7") }),
    z.object({
      kind: z.literal("business"),
      timeZone: z.string().min(1),
      weekdays: z.partialRecord(
        z.enum(["1", "2", "3", "4", "5", "6", "7"]),
        z.array(z.object({ start: time, end: time })).max(6),
      ),
      holidays: z.array(boundedDay()).max(400),
    }),
  ])
  .superRefine((c, ctx) => {
    if (c.kind === "24x7") return;
    const cal: Calendar = {
      ...c,
      weekdays: Object.fromEntries(Object.entries(c.weekdays).map(([k, v]) => [Number(k), v])),
    };
    for (const message of validateCalendar(cal)) ctx.addIssue({ code: "custom", message, path: ["weekdays"] });
  });

export const termsSchema = z
  .object({
    tier: z.enum(TIERS),
    startDate: boundedDay(),
    endDate: boundedDay(),
    autoRenew: z.boolean(),
    noticeDays: z.number().int().min(0).max(730),
    licensedEndpoints: z.number().int().min(0).max(10_000_000),
    licensedSensors: z.number().int().min(0).max(100_000),
    // A contract sells classes; `xdr` is a kind of sensor that reports as several of them (coverage-rules.md).
    monitoredClasses: z
      .array(z.enum(SENSOR_CLASSES))
      .max(SENSOR_CLASSES.length)
      .refine((l) => !l.includes("xdr"), "A contract lists the classes it sells (EDR, NDR…), never XDR")
      .refine((l) => new Set(l).size === l.length, "List each class once"),
    coverage: coverageSchema,
    slaTargets: slaTargetsSchema,
    pauseOnCustomer: z.boolean(),
    clockStart: z.enum(["received", "vendor_created"]),
    atRiskShare: z.number().min(0.05).max(0.9),
    allowedActions: z.array(z.enum(ALLOWED_ACTIONS)).max(ALLOWED_ACTIONS.length),
    // What the roster must hold while the customer is in coverage, beyond the tier's skills (roster-rules.md).
    extraSkills: skillList.default([]),
    languages: languageList.default([]),
  })
  .refine((t) => t.endDate > t.startDate, { message: "The contract must end after it starts", path: ["endDate"] });
export type Terms = z.infer<typeof termsSchema>;

export const createContractInput = z.object({
  reference: z.string().trim().min(2).max(60),
  terms: termsSchema,
  effectiveFrom: boundedDate(),
});
export const newVersionInput = z.object({
  contractId: z.uuid(),
  terms: termsSchema,
  effectiveFrom: boundedDate(),
  note: z.string().trim().min(3, "Say what changed").max(2000),
});
