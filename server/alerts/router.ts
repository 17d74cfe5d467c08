import { z } from "zod";
import { createTRPCRouter, customerProcedure, staffCustomerProcedure, staffProcedure } from "@/server/trpc/init";
import { alertIds, assignInput, attachInput, escalateInput, funnelInput, queueFilter, verdictInput } from "./schema";
import * as s from "./service";

/** Staff: the one queue across all customers, and what analysts do with alerts. */
export const alertsRouter = createTRPCRouter({
  queue: staffProcedure.input(queueFilter).query(({ ctx, input }) => s.getQueue(ctx, input)),
  byId: staffProcedure.input(z.object({ alertId: z.uuid() })).query(({ ctx, input }) => s.getAlert(ctx, input.alertId)),
  acknowledge: staffProcedure.input(alertIds).mutation(({ ctx, input }) => s.acknowledgeAlerts(ctx, input.alertIds)),
  assign: staffProcedure
    .input(assignInput)
    .mutation(({ ctx, input }) => s.assignAlerts(ctx, input.alertIds, input.assigneeId)),
  verdict: staffProcedure
    .input(verdictInput)
    .mutation(({ ctx, input }) => s.setVerdict(ctx, input.alertIds, input.verdict, input.reason)),
  escalate: staffProcedure
    .input(escalateInput)
    .mutation(({ ctx, input }) => s.escalate(ctx, input.alertIds, input.title)),
  attach: staffProcedure
    .input(attachInput)
    .mutation(({ ctx, input }) => s.attachToIncident(ctx, input.alertIds, input.incidentId)),
  openIncidents: staffCustomerProcedure.query(({ ctx }) => s.getOpenIncidents(ctx)),
  funnel: staffCustomerProcedure.input(funnelInput).query(({ ctx, input }) => s.getFunnel(ctx, input.from, input.to)),
});

/** Customers: their own funnel numbers (no alert lists). */
export const myAlertsRouter = createTRPCRouter({
  funnel: customerProcedure.input(funnelInput).query(({ ctx, input }) => s.getFunnel(ctx, input.from, input.to)),
});
