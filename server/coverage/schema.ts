import { z } from "zod";

const text = (max: number, what: string) =>
  z.string().trim().min(1, `Enter ${what}`).max(max, `Use at most ${max} characters`);

export const unsupportedVersionInput = z.object({
  vendor: text(80, "the vendor"),
  product: text(120, "the product"),
  version: text(60, "the version"),
  note: z
    .string()
    .trim()
    .max(300, "Use at most 300 characters")
    .optional()
    .transform((v) => v || null),
});
export type UnsupportedVersionInput = z.infer<typeof unsupportedVersionInput>;

export const matrixFilter = z.object({
  state: z.enum(["action", "all"]).default("all"),
  search: z.string().trim().max(80).optional(),
  page: z.number().int().min(1).max(10_000).default(1),
});
