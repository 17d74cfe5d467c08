import { z } from "zod";
import { ACTION_KINDS, INCIDENT_STATUSES, OBSERVABLE_KINDS } from "@/db/schema/incidents";
import { boundedDate } from "@/server/dates";

const body = (max: number) =>
  z.string().trim().min(1, "Write something first").max(max, `Use at most ${max} characters`);

export const incidentFilter = z.object({
  customerId: z.uuid().optional(),
  status: z.enum(["open", "closed", ...INCIDENT_STATUSES]).optional(),
  severity: z.coerce.number().int().min(0).max(5).optional(),
  assigneeId: z.string().max(64).optional(),
  q: z.string().trim().max(120).optional(),
  sort: z.enum(["urgency", "severity", "activity"]).default("urgency"),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
export type IncidentFilterInput = z.infer<typeof incidentFilter>;

export const statusChange = z.object({
  to: z.enum(INCIDENT_STATUSES).exclude(["waiting_on_customer"]),
  note: z.string().trim().max(4000).optional(),
});
export const severityChange = z.object({ severity: z.number().int().min(1).max(5), reason: body(1000) });
export const detailsChange = z.object({
  title: body(512).optional(),
  summary: z.string().trim().max(20_000).optional(),
});
export const noteInput = z.object({ body: body(20_000), visibility: z.enum(["internal", "customer"]) });
export const messageInput = z.object({ message: body(20_000) });
export const taskInput = z.object({
  title: body(300),
  ownerId: z.string().max(64).nullable().optional(),
  dueAt: boundedDate().nullable().optional(),
});
export const taskPatch = taskInput.partial().extend({ status: z.enum(["open", "done"]).optional() });
export const observableInput = z.object({
  kind: z.enum(OBSERVABLE_KINDS),
  value: body(2048),
  isIoc: z.boolean().default(true),
  note: z.string().trim().max(1000).optional(),
});
export const techniqueInput = z.object({
  techniqueId: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^T\d{4}(\.\d{3})?$/, "Use an ATT&CK id such as T1059 or T1059.001"),
});
export const actionInput = z.object({ kind: z.enum(ACTION_KINDS), target: body(500), reason: body(4000) });
export const decisionInput = z.object({
  actionId: z.uuid(),
  decision: z.enum(["approved", "declined"]),
  note: z.string().trim().max(4000).optional(),
});
