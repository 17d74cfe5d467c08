import { createTRPCRouter, customerProcedure, staffProcedure } from "@/server/trpc/init";
import * as s from "./service";

export const postureRouter = createTRPCRouter({
  overview: staffProcedure.query(({ ctx }) => s.postureOverview(ctx)),
});

export const myPostureRouter = createTRPCRouter({
  summary: customerProcedure.query(({ ctx }) => s.postureSummary(ctx)),
});
