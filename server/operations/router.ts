import { z } from "zod";
import { isTimeZone } from "@/server/customers/schema";
import { createTRPCRouter, staffProcedure } from "@/server/trpc/init";
import * as s from "./service";

/** Staff: the SOC manager's home. */
export const operationsRouter = createTRPCRouter({
  home: staffProcedure
    .input(z.object({ timeZone: z.string().max(64).refine(isTimeZone, "Use an IANA time zone such as Europe/Berlin") }))
    .query(({ ctx, input }) => s.socHome(ctx, input.timeZone)),
});
