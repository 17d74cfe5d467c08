import { z } from "zod";
import { createTRPCRouter, customerProcedure, staffCustomerProcedure, staffProcedure } from "@/server/trpc/init";
import { matrixFilter, unsupportedVersionInput } from "./schema";
import * as service from "./service";
import * as views from "./views";

/** Staff: the coverage matrix, one customer's coverage, the banner and the unsupported-versions list. */
export const coverageRouter = createTRPCRouter({
  matrix: staffProcedure.input(matrixFilter).query(({ ctx, input }) => views.coverageMatrix(ctx, input)),
  customer: staffCustomerProcedure.query(({ ctx }) => views.customerCoverage(ctx)),
  banner: staffProcedure.query(({ ctx }) => service.bannerTransitions(ctx)),
  dismiss: staffProcedure
    .input(z.object({ id: z.uuid() }))
    .mutation(({ ctx, input }) => service.dismissTransition(ctx, input.id)),
  unsupportedVersions: staffProcedure.query(({ ctx }) => service.getUnsupportedVersions(ctx)),
  addUnsupportedVersion: staffProcedure
    .input(unsupportedVersionInput)
    .mutation(({ ctx, input }) => service.addUnsupportedVersion(ctx, input)),
  removeUnsupportedVersion: staffProcedure
    .input(z.object({ id: z.uuid() }))
    .mutation(({ ctx, input }) => service.removeUnsupportedVersion(ctx, input.id)),
});

/** Customers: their own coverage only. */
export const myCoverageRouter = createTRPCRouter({
  summary: customerProcedure.query(({ ctx }) => views.customerCoverage(ctx)),
});
