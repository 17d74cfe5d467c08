import { z } from "zod";
import { createTRPCRouter, customerProcedure, staffCustomerProcedure, staffProcedure } from "@/server/trpc/init";
import { assetFilters, byAsset, importInput } from "./schema";
import * as service from "./service";

/** Staff: every customer's assets (optionally one), one asset, a customer's coverage, imports for a customer. */
export const assetsRouter = createTRPCRouter({
  list: staffProcedure
    .input(assetFilters.extend({ customerId: z.uuid().optional() }))
    .query(({ ctx, input }) => service.getAllAssets(ctx, input)),
  byId: staffCustomerProcedure.input(byAsset).query(({ ctx, input }) => service.getAsset(ctx, input.assetId)),
  coverage: staffCustomerProcedure.query(({ ctx }) => service.getCoverage(ctx)),
  import: staffCustomerProcedure.input(importInput).mutation(({ ctx, input }) => service.importAssets(ctx, input.csv)),
});

/** Customers: their own assets and coverage; admins import. */
export const myAssetsRouter = createTRPCRouter({
  list: customerProcedure.input(assetFilters).query(({ ctx, input }) => service.getAssets(ctx, input)),
  byId: customerProcedure.input(byAsset).query(({ ctx, input }) => service.getAsset(ctx, input.assetId)),
  coverage: customerProcedure.query(({ ctx }) => service.getCoverage(ctx)),
  import: customerProcedure.input(importInput).mutation(({ ctx, input }) => service.importAssets(ctx, input.csv)),
});
