import { createTRPCRouter, customerProcedure, staffProcedure } from "@/server/trpc/init";
import { overviewInput } from "./schema";
import * as s from "./service";

export const postureRouter = createTRPCRouter({
  overview: staffProcedure.input(overviewInput).query(({ ctx, input }) => s.postureOverview(ctx, input)),
});

export const myPostureRouter = createTRPCRouter({
  summary: customerProcedure.query(({ ctx }) => s.postureSummary(ctx)),
});
