import { z } from "zod";
import { createTRPCRouter, customerProcedure, staffCustomerProcedure, staffProcedure } from "@/server/trpc/init";
import { generateInput, matrixInput, monthInput, versionInput } from "./schema";
import * as s from "./service";
import * as v from "./views";

/** Staff: every customer's monthly reports, generation and the month-end run. */
export const reportsRouter = createTRPCRouter({
  matrix: staffProcedure.input(matrixInput).query(({ ctx, input }) => v.reportMatrix(ctx, input)),
  versions: staffCustomerProcedure
    .input(z.object({ month: monthInput.optional() }))
    .query(({ ctx, input }) => v.reportVersions(ctx, input.month)),
  figures: staffCustomerProcedure
    .input(z.object({ month: monthInput }))
    .query(({ ctx, input }) => v.liveFigures(ctx, input.month)),
  generate: staffCustomerProcedure
    .input(generateInput)
    .mutation(({ ctx, input }) => s.requestReport(ctx, input.month, input.send)),
  generateAll: staffProcedure
    .input(generateInput)
    .mutation(({ ctx, input }) => s.requestAllReports(ctx, input.month, input.send)),
  batch: staffProcedure
    .input(z.object({ id: z.uuid().optional() }).default({}))
    .query(({ ctx, input }) => v.batchProgress(ctx, input.id)),
  monthEnd: staffProcedure.query(({ ctx }) => v.monthEndRun(ctx)),
  file: staffProcedure.input(versionInput).query(({ ctx, input }) => v.staffReportFile(ctx, input.id)),
});

/** Customers: their own report archive. */
export const myReportsRouter = createTRPCRouter({
  list: customerProcedure.query(({ ctx }) => v.reportArchive(ctx)),
  file: customerProcedure.input(versionInput).query(({ ctx, input }) => v.reportFile(ctx, input.id)),
});
