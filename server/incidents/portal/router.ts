import { z } from "zod";
import { createTRPCRouter, customerProcedure } from "@/server/trpc/init";
import { decisionInput, incidentFilter, messageInput } from "../schema";
import * as s from "./service";

const byIncident = z.object({ incidentId: z.uuid() });

/** Customers: their own incidents, as opened to them. */
export const myIncidentsRouter = createTRPCRouter({
  list: customerProcedure.input(incidentFilter).query(({ ctx, input }) => s.listMyIncidents(ctx, input)),
  byId: customerProcedure.input(byIncident).query(({ ctx, input }) => s.getMyIncident(ctx, input.incidentId)),
  comment: customerProcedure
    .input(byIncident.extend(messageInput.shape))
    .mutation(({ ctx, input }) => s.comment(ctx, input.incidentId, input.message)),
  answer: customerProcedure
    .input(byIncident.extend(messageInput.shape))
    .mutation(({ ctx, input }) => s.answer(ctx, input.incidentId, input.message)),
  decideAction: customerProcedure
    .input(byIncident.extend(decisionInput.shape))
    .mutation(({ ctx, input }) => s.decideAction(ctx, input.incidentId, input.actionId, input.decision, input.note)),
});
