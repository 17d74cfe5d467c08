import { z } from "zod";
import { assertCan } from "@/server/auth/permissions";
import { NotFound } from "@/server/errors";
import { createTRPCRouter, staffProcedure } from "@/server/trpc/init";
import { extractLinks } from "./links";
import { findOutboxMessage, listOutbox } from "./queries";

const PAGE = 50;

export const outboxRouter = createTRPCRouter({
  list: staffProcedure
    .input(
      z.object({
        q: z.string().trim().max(120).optional(),
        /** Opaque cursor from a previous page's nextCursor. */
        cursor: z.string().max(100).optional(),
      }),
    )
    .query(async ({ ctx, input }) => {
      assertCan(ctx.actor, "outbox:read");
      const before = decodeCursor(input.cursor);
      const rows = await listOutbox(ctx.db, { q: input.q, before }, PAGE + 1);
      const items = rows.slice(0, PAGE);
      const last = items[items.length - 1];
      return { items, nextCursor: rows.length > PAGE && last ? `${last.createdAt.toISOString()}|${last.id}` : null };
    }),
  byId: staffProcedure.input(z.object({ id: z.uuid() })).query(async ({ ctx, input }) => {
    assertCan(ctx.actor, "outbox:read");
    const row = await findOutboxMessage(ctx.db, input.id);
    if (!row) throw new NotFound("No such message.");
    return { ...row, links: extractLinks(row.html) };
  }),
});

function decodeCursor(cursor: string | undefined) {
  if (!cursor) return undefined;
  const [iso, id] = cursor.split("|");
  const at = new Date(iso ?? "");
  if (Number.isNaN(at.getTime()) || !id || !/^[0-9a-f-]{36}$/.test(id)) return undefined;
  return { at, id };
}
