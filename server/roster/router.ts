import { z } from "zod";
import { createTRPCRouter, staffProcedure } from "@/server/trpc/init";
import { rotateCalendarToken } from "./feed";
import * as p from "./people";
import * as r from "./requests";
import {
  decideInput,
  overrideInput,
  policyInput,
  profileInput,
  rangeInput,
  removeTeamInput,
  rosterInput,
  swapInput,
  teamInput,
  timeOffInput,
  updateRosterInput,
} from "./schema";
import * as s from "./service";
import * as v from "./views";

/** Analyst rosters: provider staff only (customers reach nothing here). */
export const rosterRouter = createTRPCRouter({
  list: staffProcedure.query(({ ctx }) => p.listRosters(ctx)),
  timeline: staffProcedure.input(rangeInput).query(({ ctx, input }) => v.getTimeline(ctx, input)),
  gaps: staffProcedure.query(({ ctx }) => v.listGaps(ctx)),
  forecast: staffProcedure.query(({ ctx }) => v.getForecast(ctx)),
  onDuty: staffProcedure.query(({ ctx }) => v.onDutyNow(ctx)),
  mine: staffProcedure.query(({ ctx }) => p.myShifts(ctx)),
  requests: staffProcedure.query(({ ctx }) => p.listRequests(ctx)),
  profiles: staffProcedure.query(({ ctx }) => p.listProfiles(ctx)),
  policy: staffProcedure.query(({ ctx }) => p.getPolicy(ctx)),
  create: staffProcedure.input(rosterInput).mutation(({ ctx, input }) => s.createRoster(ctx, input)),
  update: staffProcedure.input(updateRosterInput).mutation(({ ctx, input }) => s.updateRoster(ctx, input)),
  saveTeam: staffProcedure.input(teamInput).mutation(({ ctx, input }) => s.saveTeam(ctx, input)),
  removeTeam: staffProcedure.input(removeTeamInput).mutation(({ ctx, input }) => s.removeTeam(ctx, input)),
  override: staffProcedure.input(overrideInput).mutation(({ ctx, input }) => s.addOverride(ctx, input)),
  saveProfile: staffProcedure.input(profileInput).mutation(({ ctx, input }) => s.saveProfile(ctx, input)),
  updatePolicy: staffProcedure.input(policyInput).mutation(({ ctx, input }) => s.updatePolicy(ctx, input)),
  requestTimeOff: staffProcedure.input(timeOffInput).mutation(({ ctx, input }) => r.requestTimeOff(ctx, input)),
  cancelTimeOff: staffProcedure
    .input(z.object({ id: z.uuid() }))
    .mutation(({ ctx, input }) => r.cancelTimeOff(ctx, input.id)),
  decideTimeOff: staffProcedure.input(decideInput).mutation(({ ctx, input }) => r.decideTimeOff(ctx, input)),
  requestSwap: staffProcedure.input(swapInput).mutation(({ ctx, input }) => r.requestSwap(ctx, input)),
  respondSwap: staffProcedure
    .input(z.object({ id: z.uuid(), accept: z.boolean() }))
    .mutation(({ ctx, input }) => r.respondSwap(ctx, input)),
  decideSwap: staffProcedure.input(decideInput).mutation(({ ctx, input }) => r.decideSwap(ctx, input)),
  rotateCalendar: staffProcedure.mutation(({ ctx }) => rotateCalendarToken(ctx)),
});
