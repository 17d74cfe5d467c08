import { z } from "zod";
import { createTRPCRouter, staffIncidentProcedure, staffProcedure } from "@/server/trpc/init";
import {
  actionInput,
  detailsChange,
  incidentFilter,
  messageInput,
  noteInput,
  observableInput,
  severityChange,
  statusChange,
  taskInput,
  taskPatch,
  techniqueInput,
} from "./schema";
import * as s from "./service";

/** Staff: every customer's incidents, and everything an analyst does to one. */
export const incidentsRouter = createTRPCRouter({
  list: staffProcedure.input(incidentFilter).query(({ ctx, input }) => s.listIncidents(ctx, input)),
  byId: staffIncidentProcedure.query(({ ctx, input }) => s.getIncident(ctx, input.incidentId)),
  acknowledge: staffIncidentProcedure.mutation(({ ctx, input }) => s.acknowledge(ctx, input.incidentId)),
  setStatus: staffIncidentProcedure
    .input(statusChange)
    .mutation(({ ctx, input }) => s.setStatus(ctx, input.incidentId, input.to, input.note)),
  setSeverity: staffIncidentProcedure
    .input(severityChange)
    .mutation(({ ctx, input }) => s.setSeverity(ctx, input.incidentId, input.severity, input.reason)),
  assign: staffIncidentProcedure
    .input(z.object({ assigneeId: z.string().max(64).nullable() }))
    .mutation(({ ctx, input }) => s.assign(ctx, input.incidentId, input.assigneeId)),
  update: staffIncidentProcedure
    .input(detailsChange)
    .mutation(({ ctx, input: { incidentId, ...patch } }) => s.updateDetails(ctx, incidentId, patch)),
  addNote: staffIncidentProcedure
    .input(noteInput)
    .mutation(({ ctx, input }) => s.addNote(ctx, input.incidentId, input.body, input.visibility)),
  openToCustomer: staffIncidentProcedure
    .input(messageInput)
    .mutation(({ ctx, input }) => s.openToCustomer(ctx, input.incidentId, input.message)),
  askCustomer: staffIncidentProcedure
    .input(messageInput)
    .mutation(({ ctx, input }) => s.askCustomer(ctx, input.incidentId, input.message)),
  addTask: staffIncidentProcedure
    .input(taskInput)
    .mutation(({ ctx, input: { incidentId, ...t } }) => s.addTask(ctx, incidentId, t)),
  updateTask: staffIncidentProcedure
    .input(taskPatch.extend({ taskId: z.uuid() }))
    .mutation(({ ctx, input: { incidentId, taskId, ...patch } }) => s.updateTask(ctx, incidentId, taskId, patch)),
  addObservable: staffIncidentProcedure
    .input(observableInput)
    .mutation(({ ctx, input: { incidentId, ...o } }) => s.addObservable(ctx, incidentId, o)),
  setIoc: staffIncidentProcedure
    .input(z.object({ observableId: z.uuid(), isIoc: z.boolean() }))
    .mutation(({ ctx, input }) => s.setIoc(ctx, input.incidentId, input.observableId, input.isIoc)),
  addTechnique: staffIncidentProcedure
    .input(techniqueInput)
    .mutation(({ ctx, input }) => s.addTechnique(ctx, input.incidentId, input.techniqueId)),
  removeTechnique: staffIncidentProcedure
    .input(techniqueInput)
    .mutation(({ ctx, input }) => s.removeTechnique(ctx, input.incidentId, input.techniqueId)),
  requestAction: staffIncidentProcedure
    .input(actionInput)
    .mutation(({ ctx, input: { incidentId, ...a } }) => s.requestAction(ctx, incidentId, a)),
  markActionExecuted: staffIncidentProcedure
    .input(z.object({ actionId: z.uuid() }))
    .mutation(({ ctx, input }) => s.markActionExecuted(ctx, input.incidentId, input.actionId)),
  cancelAction: staffIncidentProcedure
    .input(z.object({ actionId: z.uuid() }))
    .mutation(({ ctx, input }) => s.cancelAction(ctx, input.incidentId, input.actionId)),
});
