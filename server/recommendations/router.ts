import { z } from "zod";
import { createTRPCRouter, customerProcedure, staffCustomerProcedure, staffProcedure } from "@/server/trpc/init";
import { REC_SEVERITIES } from "./facts";
import { bulkInput, commentInput, customerAction, reasonInput, recFilter, recInput } from "./schema";
import * as s from "./service";

const byRec = z.object({ recommendationId: z.uuid() });

/** Staff: every customer's recommendations, analyst-written ones, dismissals and bulk changes. */
export const recommendationsRouter = createTRPCRouter({
  list: staffProcedure.input(recFilter).query(({ ctx, input }) => s.listAll(ctx, input)),
  byId: staffCustomerProcedure.input(byRec).query(({ ctx, input }) => s.getRec(ctx, input.recommendationId)),
  create: staffCustomerProcedure
    .input(recInput)
    .mutation(({ ctx, input: { customerId: _, ...r } }) => s.createRec(ctx, r)),
  dismiss: staffCustomerProcedure
    .input(byRec.extend({ reason: reasonInput }))
    .mutation(({ ctx, input }) => s.dismiss(ctx, input.recommendationId, input.reason)),
  setSeverity: staffCustomerProcedure
    .input(byRec.extend({ severity: z.enum(REC_SEVERITIES) }))
    .mutation(({ ctx, input }) => s.setSeverity(ctx, input.recommendationId, input.severity)),
  comment: staffCustomerProcedure
    .input(commentInput)
    .mutation(({ ctx, input }) => s.comment(ctx, input.recommendationId, input.body)),
  bulk: staffProcedure.input(bulkInput).mutation(({ ctx, input }) => s.bulk(ctx, input)),
});

/** Customers: their own recommendations; admins accept, mark done, accept the risk and comment. */
export const myRecommendationsRouter = createTRPCRouter({
  list: customerProcedure
    .input(recFilter.pick({ status: true, severity: true, category: true }))
    .query(({ ctx, input }) => s.listMine(ctx, input)),
  byId: customerProcedure.input(byRec).query(({ ctx, input }) => s.getRec(ctx, input.recommendationId)),
  respond: customerProcedure
    .input(customerAction)
    .mutation(({ ctx, input }) =>
      s.respond(ctx, input.recommendationId, input.action, { reason: input.reason, reviewOn: input.reviewOn }),
    ),
  comment: customerProcedure
    .input(commentInput)
    .mutation(({ ctx, input }) => s.comment(ctx, input.recommendationId, input.body)),
});
