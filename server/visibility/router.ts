import { createTRPCRouter, customerProcedure, staffCustomerProcedure, staffProcedure } from "@/server/trpc/init";
import * as service from "./service";

/** Staff: one customer's ATT&CK heat map, and the provider-wide view. */
export const visibilityRouter = createTRPCRouter({
  heatMap: staffCustomerProcedure.query(({ ctx }) => service.getHeatMap(ctx)),
  provider: staffProcedure.query(({ ctx }) => service.getProviderVisibility(ctx)),
});

/** Customers: their own heat map. */
export const myVisibilityRouter = createTRPCRouter({
  heatMap: customerProcedure.query(({ ctx }) => service.getHeatMap(ctx)),
});
