import { z } from "zod";
import { boundedMonth } from "@/server/dates";

export const monthInput = boundedMonth();

export const generateInput = z.object({
  month: monthInput,
  /** Also e-mail the report contacts, if this month's report was never sent to them. */
  send: z.boolean().default(false),
});

/** The console's matrix: a page of customers, by name or with a missing or failed report first. */
export const matrixInput = z
  .object({
    months: z.number().int().min(1).max(24).default(6),
    search: z.string().trim().max(80).optional(),
    sort: z.enum(["name", "attention"]).default("name"),
    page: z.number().int().min(1).max(10_000).default(1),
    pageSize: z.number().int().min(10).max(100).default(25),
  })
  .default({ months: 6, sort: "name", page: 1, pageSize: 25 });
export const versionInput = z.object({ id: z.uuid() });
