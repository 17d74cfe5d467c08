import { z } from "zod";
import { assertCan } from "@/server/auth/permissions";
import { NotFound } from "@/server/errors";
import { createTRPCRouter, staffProcedure } from "@/server/trpc/init";
import { extractLinks } from "./links";
import { findOutboxMessage, listOutbox } from "./queries";

const PAGE = 50;

export const outboxRouter = createTRPCRouter({
  list: staffProcedure
    .input(z.object({ q: z.string().trim().max(120).optional(), before: z.coerce.date().optional() }))
    .query(async ({ ctx, input }) => {
      assertCan(ctx.actor, "outbox:read");
      const rows = await listOutbox(ctx.db, input, PAGE + 1);
      const items = rows.slice(0, PAGE);
      return { items, nextBefore: rows.length > PAGE ? items[items.length - 1]!.createdAt : null };
    }),
  byId: staffProcedure.input(z.object({ id: z.uuid() })).query(async ({ ctx, input }) => {
    assertCan(ctx.actor, "outbox:read");
    const row = await findOutboxMessage(ctx.db, input.id);
    if (!row) throw new NotFound("No such message.");
    return { ...row, links: extractLinks(row.html) };
  }),
});
