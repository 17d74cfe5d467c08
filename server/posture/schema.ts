import { z } from "zod";
import { OVERVIEW_SORTS } from "./overview";

/** The console's posture overview: a page of customers, lowest live score, largest drop or name first. */
export const overviewInput = z
  .object({
    search: z.string().trim().max(80).optional(),
    sort: z.enum(OVERVIEW_SORTS).default("score"),
    page: z.number().int().min(1).max(10_000).default(1),
    pageSize: z.number().int().min(10).max(100).default(25),
  })
  .default({ sort: "score", page: 1, pageSize: 25 });
