import { z } from "zod";
import { CRITICALITIES } from "@/db/schema/assets";
import { IMPORT_MAX_BYTES } from "./import-rows";

export const assetFilters = z.object({
  criticality: z.enum(CRITICALITIES).optional(),
  coverage: z.enum(["covered", "uncovered"]).optional(),
  q: z.string().trim().max(120).optional(),
  page: z.number().int().min(1).max(100_000).default(1),
  pageSize: z.number().int().min(10).max(100).default(50),
});
export type AssetFilterInput = z.infer<typeof assetFilters>;

export const byAsset = z.object({ assetId: z.uuid() });

/** The CSV text; the byte limit is checked again precisely (and reported as a row error) by the parser. */
export const importInput = z.object({ csv: z.string().max(IMPORT_MAX_BYTES) });
