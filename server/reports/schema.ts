import { z } from "zod";

export const monthInput = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "Use a month as YYYY-MM");

export const generateInput = z.object({
  month: monthInput,
  /** Also e-mail the report contacts, if this month's report was never sent to them. */
  send: z.boolean().default(false),
});

export const matrixInput = z.object({ months: z.number().int().min(1).max(24).default(6) }).default({ months: 6 });
export const versionInput = z.object({ id: z.uuid() });
