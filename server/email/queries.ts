import { and, desc, eq, ilike, lt, or, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { emailOutbox } from "@/db/schema";

/** Provider-wide (admins and SOC managers, who send invitations): the outbox is the provider's own mail log. */
/** Newest first; `before` is the (createdAt, id) of the last row seen, so rows sharing a time are never skipped. */
export async function listOutbox(db: DbOrTx, f: { q?: string; before?: { at: Date; id: string } }, limit: number) {
  const where: SQL[] = [];
  if (f.q) {
    const like = `%${f.q.replace(/[%_\\]/g, "\\$&")}%`;
    where.push(or(ilike(emailOutbox.to, like), ilike(emailOutbox.subject, like)) as SQL);
  }
  if (f.before) {
    where.push(
      or(
        lt(emailOutbox.createdAt, f.before.at),
        and(eq(emailOutbox.createdAt, f.before.at), lt(emailOutbox.id, f.before.id)),
      ) as SQL,
    );
  }
  return db
    .select({
      id: emailOutbox.id,
      to: emailOutbox.to,
      subject: emailOutbox.subject,
      template: emailOutbox.template,
      status: emailOutbox.status,
      error: emailOutbox.error,
      createdAt: emailOutbox.createdAt,
    })
    .from(emailOutbox)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(emailOutbox.createdAt), desc(emailOutbox.id))
    .limit(limit);
}

export async function findOutboxMessage(db: DbOrTx, id: string) {
  const [row] = await db.select().from(emailOutbox).where(eq(emailOutbox.id, id)).limit(1);
  return row ?? null;
}
