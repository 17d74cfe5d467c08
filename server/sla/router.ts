import { z } from "zod";
import { boundedDate } from "@/server/dates";
import {
  createTRPCRouter,
  customerProcedure,
  staffCustomerProcedure,
  staffIncidentProcedure,
  staffProcedure,
} from "@/server/trpc/init";
import * as b from "./banner";
import * as v from "./views";

/** Staff: the SLA side of the service. */
export const slaRouter = createTRPCRouter({
  risk: staffProcedure
    .input(z.object({ customerId: z.uuid().optional() }))
    .query(({ ctx, input }) => v.riskNow(ctx, input.customerId)),
  /** One page of the customer × month grid, with the provider-wide totals and trends. */
  attainment: staffProcedure
    .input(
      z.object({
        months: z.number().int().min(1).max(24).default(6),
        customerId: z.uuid().optional(),
        search: z.string().trim().max(80).optional(),
        sort: z.enum(v.ATTAINMENT_SORTS).default("worst"),
        page: z.number().int().min(1).max(10_000).default(1),
        pageSize: z.number().int().min(10).max(100).default(25),
      }),
    )
    .query(({ ctx, input }) => v.attainmentPage(ctx, input)),
  /** One page of a period's breaches, newest due first, with the period's counts and shift attribution. */
  breaches: staffProcedure
    .input(
      z
        .object({
          from: boundedDate(),
          to: boundedDate(),
          customerId: z.uuid().optional(),
          page: z.number().int().min(1).max(10_000).default(1),
          pageSize: z.number().int().min(10).max(100).default(25),
        })
        .refine((x) => x.from < x.to, { message: "The period must end after it starts", path: ["to"] }),
    )
    .query(({ ctx, input }) => v.breaches(ctx, input)),
  month: staffCustomerProcedure
    .input(z.object({ month: v.monthInput }))
    .query(({ ctx, input }) => v.slaMonth(ctx, input.month)),
  incident: staffIncidentProcedure.query(({ ctx, input }) => v.incidentClocks(ctx, input.incidentId)),
  banner: staffProcedure.query(({ ctx }) => b.slaBanner(ctx)),
  /** Hides one clock from the caller's own banner. */
  dismiss: staffProcedure
    .input(z.object({ clockId: z.uuid() }))
    .mutation(({ ctx, input }) => b.dismissBannerItem(ctx, input.clockId)),
  /** A SOC manager resolves one clock's banner item for everyone (audited). */
  resolve: staffProcedure
    .input(z.object({ clockId: z.uuid() }))
    .mutation(({ ctx, input }) => b.resolveBannerItem(ctx, input.clockId)),
});

/** Customers: their own month and each incident's evidence. */
export const mySlaRouter = createTRPCRouter({
  month: customerProcedure
    .input(z.object({ month: v.monthInput }))
    .query(({ ctx, input }) => v.slaMonth(ctx, input.month)),
  incident: customerProcedure
    .input(z.object({ incidentId: z.uuid() }))
    .query(({ ctx, input }) => v.incidentClocks(ctx, input.incidentId, true)),
});
