import { z } from "zod";
import { isKnownTechnique } from "@/server/attack/attack";
import { boundedDate } from "@/server/recommendations/schema";
import { HUNT_OUTCOMES, HUNT_STATUSES } from "./lifecycle";
import { canonicalComponent } from "./sources";

const technique = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isKnownTechnique, "Not a technique of the shipped ATT&CK dataset.");

export const huntInput = z
  .object({
    title: z.string().trim().min(3).max(200),
    hypothesis: z.string().trim().min(3).max(5000),
    techniques: z.array(technique).max(50).default([]),
    dataComponents: z
      .array(
        z
          .string()
          .max(100)
          .transform((v, ctx) => {
            const name = canonicalComponent(v);
            if (name) return name;
            ctx.addIssue({ code: "custom", message: `"${v.trim()}" is not a data component of ATT&CK v18.1.` });
            return z.NEVER;
          }),
      )
      .max(50)
      .default([])
      .transform((list) => [...new Set(list)]),
    allCustomers: z.boolean().default(false),
    customerIds: z.array(z.uuid()).max(500).default([]),
    periodFrom: boundedDate,
    periodTo: boundedDate,
    analystId: z.string().max(64).nullable().default(null),
    effortHours: z.number().min(0).max(10_000).default(0),
  })
  .refine((h) => h.periodTo > h.periodFrom, { message: "The period must end after it starts.", path: ["periodTo"] })
  .refine((h) => h.allCustomers || h.customerIds.length > 0, {
    message: "Choose the customers in scope, or all customers.",
    path: ["customerIds"],
  });
export type HuntInput = z.infer<typeof huntInput>;

export const huntPatch = z.object({
  huntId: z.uuid(),
  status: z.enum(HUNT_STATUSES).optional(),
  findings: z.string().max(20_000).nullable().optional(),
  customerSummary: z.string().max(5000).nullable().optional(),
  outcome: z.enum(HUNT_OUTCOMES).nullable().optional(),
  effortHours: z.number().min(0).max(10_000).optional(),
});
export type HuntPatch = z.infer<typeof huntPatch>;

export const huntFilter = z.object({
  status: z.enum(HUNT_STATUSES).optional(),
  customerId: z.uuid().optional(),
});

export const linkIncident = z.object({ huntId: z.uuid(), incidentId: z.uuid() });
