import { z } from "zod";
import { TIERS } from "@/db/schema/contracts";
import { boundedDay } from "@/server/dates";
import { createTRPCRouter, customerProcedure, staffCustomerProcedure, staffProcedure } from "@/server/trpc/init";
import { createContractInput, newVersionInput } from "./schema";
import * as s from "./service";

export const contractsRouter = createTRPCRouter({
  list: staffProcedure.query(({ ctx }) => s.listContracts(ctx)),
  ofCustomer: staffCustomerProcedure.query(({ ctx }) => s.getContracts(ctx)),
  defaults: staffProcedure
    .input(z.object({ tier: z.enum(TIERS), timeZone: z.string().min(1).max(64), today: boundedDay() }))
    .query(({ input }) => s.defaultTerms(input.tier, input.timeZone, input.today)),
  create: staffCustomerProcedure.input(createContractInput).mutation(({ ctx, input }) => s.createContract(ctx, input)),
  addVersion: staffCustomerProcedure.input(newVersionInput).mutation(({ ctx, input }) => s.addVersion(ctx, input)),
});

export const myContractRouter = createTRPCRouter({
  get: customerProcedure.query(({ ctx }) => s.getMyContract(ctx)),
});
