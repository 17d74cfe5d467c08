import { z } from "zod";
import { REC_CATEGORIES, REC_SEVERITIES } from "./facts";
import { REC_ORIGINS, REC_STATUSES } from "./lifecycle";
import { EVIDENCE_KINDS } from "./rules";

const MIN_DATE = new Date("2000-01-01T00:00:00Z");
const MAX_DATE = new Date("2100-01-01T00:00:00Z");
export const boundedDate = z.coerce.date().min(MIN_DATE).max(MAX_DATE);

const csv = <T extends readonly [string, ...string[]]>(values: T) =>
  z.array(z.enum(values)).max(values.length).optional();

export const recFilter = z.object({
  customerId: z.uuid().optional(),
  status: csv(REC_STATUSES),
  severity: csv(REC_SEVERITIES),
  origin: z.enum(REC_ORIGINS).optional(),
  category: z.enum(REC_CATEGORIES).optional(),
  page: z.number().int().min(1).max(10_000).default(1),
});
export type RecFilterInput = z.infer<typeof recFilter>;

export const evidenceLink = z.object({
  kind: z.enum(EVIDENCE_KINDS),
  id: z.string().min(1).max(200),
  label: z.string().min(1).max(200),
});

export const recInput = z.object({
  title: z.string().trim().min(3).max(200),
  body: z.string().trim().min(3).max(5000),
  severity: z.enum(REC_SEVERITIES),
  category: z.enum(REC_CATEGORIES),
  evidence: z.array(evidenceLink).max(50).default([]),
  origin: z.enum(["incident", "hunt", "manual"]).default("manual"),
  incidentId: z.uuid().optional(),
  huntId: z.uuid().optional(),
});
export type RecInput = z.infer<typeof recInput>;

export const customerAction = z.object({
  recommendationId: z.uuid(),
  action: z.enum(["accept", "done", "accept_risk"]),
  reason: z.string().trim().max(2000).optional(),
  reviewOn: boundedDate.optional(),
});

export const reasonInput = z.string().trim().min(3, "Give a reason.").max(2000);
export const commentInput = z.object({ recommendationId: z.uuid(), body: z.string().trim().min(1).max(5000) });

export const bulkInput = z.discriminatedUnion("action", [
  z.object({ action: z.literal("dismiss"), ids: z.array(z.uuid()).min(1).max(200), reason: reasonInput }),
  z.object({
    action: z.literal("severity"),
    ids: z.array(z.uuid()).min(1).max(200),
    severity: z.enum(REC_SEVERITIES),
  }),
]);
export type BulkInput = z.infer<typeof bulkInput>;
