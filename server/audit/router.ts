import { z } from "zod";
import { assertCan } from "@/server/auth/permissions";
import { boundedDate } from "@/server/dates";
import { createTRPCRouter, staffProcedure } from "@/server/trpc/init";
import { listAuditActions, listAuditEntries } from "./queries";
import { verifyAuditChain } from "./service";

const PAGE = 50;

export const auditRouter = createTRPCRouter({
  list: staffProcedure
    .input(
      z.object({
        customerId: z.uuid().optional(),
        action: z.string().trim().max(80).optional(),
        actor: z.string().trim().max(120).optional(),
        from: boundedDate().optional(),
        to: boundedDate().optional(),
        cursor: z.number().int().positive().optional(),
      }),
    )
    .query(async ({ ctx, input }) => {
      assertCan(ctx.actor, "audit:read");
      const rows = await listAuditEntries(ctx.db, { ...input, beforeSeq: input.cursor }, PAGE + 1);
      const more = rows.length > PAGE;
      const items = rows.slice(0, PAGE);
      return { items, nextCursor: more ? items[items.length - 1]!.seq : null };
    }),
  actions: staffProcedure.query(({ ctx }) => {
    assertCan(ctx.actor, "audit:read");
    return listAuditActions(ctx.db);
  }),
  verify: staffProcedure.mutation(({ ctx }) => {
    assertCan(ctx.actor, "audit:verify");
    return verifyAuditChain(ctx.db);
  }),
});
