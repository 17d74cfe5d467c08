import { z } from "zod";
import { boundedMonth } from "@/server/dates";

export const monthInput = boundedMonth();

export const generateInput = z.object({
  month: monthInput,
  /** Also e-mail the report contacts, if this month's report was never sent to them. */
  send: z.boolean().default(false),
});

export const matrixInput = z.object({ months: z.number().int().min(1).max(24).default(6) }).default({ months: 6 });
export const versionInput = z.object({ id: z.uuid() });
