import { z } from "zod";
import { ALERT_STATUSES, VERDICTS } from "@/db/schema/incidents";
import { SOURCE_FORMATS } from "@/db/schema/sensors";
import { boundedDate } from "@/server/dates";

export const AGE_BUCKETS = ["lt1h", "1h-24h", "1d-7d", "gt7d"] as const;
export const AGE_LABELS: Record<(typeof AGE_BUCKETS)[number], string> = {
  lt1h: "Under 1 hour",
  "1h-24h": "1–24 hours",
  "1d-7d": "1–7 days",
  gt7d: "Over 7 days",
};
export const VERDICT_LABELS: Record<(typeof VERDICTS)[number], string> = {
  true_positive: "True positive",
  false_positive: "False positive",
  benign: "Benign",
  duplicate: "Duplicate",
};

export const queueFilter = z.object({
  customerId: z.uuid().optional(),
  severity: z.coerce.number().int().min(0).max(5).optional(),
  status: z.enum(["open", "all", ...ALERT_STATUSES]).default("open"),
  source: z.enum(SOURCE_FORMATS).optional(),
  technique: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^T\d{4}(\.\d{3})?$/)
    .optional(),
  age: z.enum(AGE_BUCKETS).optional(),
  assigneeId: z.string().max(64).optional(),
  q: z.string().trim().max(120).optional(),
  /** "now": only customers whose contracted coverage calendar counts this instant (24x7 always). */
  coverage: z.enum(["now"]).optional(),
  /** "urgency": alerts of incidents whose SLA is closest to due first; "severity": most severe, then oldest. */
  sort: z.enum(["urgency", "severity", "oldest", "newest"]).default("urgency"),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
export type QueueFilter = z.infer<typeof queueFilter>;

export const alertIds = z.object({ alertIds: z.array(z.uuid()).min(1, "Select at least one alert").max(200) });
export const verdictInput = alertIds.extend({
  verdict: z.enum(VERDICTS),
  reason: z.string().trim().min(3, "Give a reason (at least 3 characters)").max(2000),
});
export const escalateInput = alertIds.extend({ title: z.string().trim().min(3).max(512).optional() });
export const attachInput = alertIds.extend({ incidentId: z.uuid() });
export const assignInput = alertIds.extend({ assigneeId: z.string().max(64).nullable() });
export const funnelInput = z.object({ from: boundedDate(), to: boundedDate() }).refine((v) => v.from < v.to, {
  message: "The period must end after it starts",
  path: ["to"],
});
