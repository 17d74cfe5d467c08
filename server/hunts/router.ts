import { z } from "zod";
import { createTRPCRouter, customerProcedure, staffProcedure } from "@/server/trpc/init";
import { huntFilter, huntInput, huntPatch, linkIncident } from "./schema";
import * as s from "./service";

/** Staff: the hunts and their workspace. */
export const huntsRouter = createTRPCRouter({
  list: staffProcedure.input(huntFilter).query(({ ctx, input }) => s.listHunts(ctx, input)),
  byId: staffProcedure.input(z.object({ huntId: z.uuid() })).query(({ ctx, input }) => s.getHunt(ctx, input.huntId)),
  create: staffProcedure.input(huntInput).mutation(({ ctx, input }) => s.createHunt(ctx, input)),
  update: staffProcedure.input(huntPatch).mutation(({ ctx, input }) => s.updateHunt(ctx, input)),
  linkIncident: staffProcedure
    .input(linkIncident)
    .mutation(({ ctx, input }) => s.linkIncident(ctx, input.huntId, input.incidentId)),
});

/** Customers: concluded hunts that covered them, customer-visible fields only. */
export const myHuntsRouter = createTRPCRouter({
  list: customerProcedure.query(({ ctx }) => s.listCustomerHunts(ctx)),
});
