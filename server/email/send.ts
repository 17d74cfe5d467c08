import { render, toPlainText } from "@react-email/render";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { ReactElement } from "react";
import type { Db, DbOrTx } from "@/db";
import { emailOutbox } from "@/db/schema";
import type { EmailAttachment } from "@/db/schema/email";
import { env } from "@/server/env";
import { log } from "@/server/log";
import { metrics } from "@/server/observability/metrics";
import { reportBytes } from "@/server/reports/queries";
import { afterCommit, isAppTransaction } from "@/server/tenancy/scope";

export type OutgoingEmail = {
  to: string;
  subject: string;
  template: string;
  element: ReactElement;
  customerId?: string | null;
  /** Stored files to attach; their bytes are read when the message is delivered. */
  attachments?: EmailAttachment[] | null;
  /** When the message was written (default now); scheduled runs replayed by the seed pass their own time. */
  createdAt?: Date;
};

/**
 * Records an e-mail in the same transaction as the change that caused it. Without SMTP the row is the message
 * (status "outbox", browsable in the console); with SMTP it is "queued" and `deliverQueued` sends it after commit,
 * so a rolled-back change never sends mail.
 */
export async function sendEmail(db: DbOrTx, email: OutgoingEmail): Promise<string> {
  const [row] = await db
    .insert(emailOutbox)
    .values(await outboxRow(email))
    .returning({ id: emailOutbox.id });
  metrics.emails.inc({ outcome: env.SMTP_URL ? "queued" : "outbox" });
  return row!.id;
}

/** The outbox row of a message (rendered), as `sendEmail` writes it; the demo seed's bulk history writes many at once. */
export async function outboxRow(
  email: OutgoingEmail,
  rendered: Promise<{ html: string; text: string }> = renderEmail(email.element),
): Promise<typeof emailOutbox.$inferInsert> {
  const { html, text } = await rendered;
  return {
    to: email.to,
    subject: email.subject,
    template: email.template,
    html,
    text,
    customerId: email.customerId ?? null,
    attachments: email.attachments?.length ? email.attachments : null,
    ...(email.createdAt ? { createdAt: email.createdAt } : {}),
    status: env.SMTP_URL ? "queued" : "outbox",
  };
}

/** A message's HTML and plain text. Pure: the same element renders the same (one render can serve many recipients). */
export async function renderEmail(element: ReactElement): Promise<{ html: string; text: string }> {
  const html = await render(element);
  return { html, text: toPlainText(html) };
}

type Transport = {
  sendMail: (m: {
    from: string;
    to: string;
    subject: string;
    html: string;
    text: string;
    attachments?: { filename: string; content: Buffer; contentType: string }[];
  }) => Promise<unknown>;
};

/** Reads the stored bytes an outbox row refers to; a file that is gone fails the message rather than dropping it. */
async function attachmentsOf(db: Db, list: EmailAttachment[] | null) {
  if (!list?.length) return undefined;
  return Promise.all(
    list.map(async (a) => {
      const content = await reportBytes(db, a.reportVersionId);
      if (!content) throw new Error(`Attachment ${a.filename} is no longer stored.`);
      return { filename: a.filename, content, contentType: a.contentType };
    }),
  );
}
let transport: Transport | null = null;

async function smtp(): Promise<Transport> {
  if (!transport) {
    const nodemailer = await import("nodemailer");
    transport = nodemailer.createTransport(env.SMTP_URL as string) as unknown as Transport;
  }
  return transport;
}

/**
 * Sends queued messages over SMTP; a failure is recorded on the row, never thrown at the caller. Given a request's
 * transaction (a procedure's `ctx.db`), it waits for that transaction's COMMIT and then sends with the process's
 * own handle, so a rolled-back change never sends mail.
 */
export async function deliverQueued(db: DbOrTx, ids?: string[]): Promise<{ sent: number; failed: number }> {
  if (!env.SMTP_URL) return { sent: 0, failed: 0 };
  if (isAppTransaction(db)) {
    await afterCommit(db, (root) => deliverQueued(root, ids));
    return { sent: 0, failed: 0 };
  }
  const root = db as Db;
  const where = ids?.length
    ? and(eq(emailOutbox.status, "queued"), inArray(emailOutbox.id, ids))
    : eq(emailOutbox.status, "queued");
  const rows = await db.select().from(emailOutbox).where(where).orderBy(asc(emailOutbox.createdAt)).limit(100);
  let sent = 0;
  let failed = 0;
  for (const row of rows) {
    try {
      await (await smtp()).sendMail({
        from: env.MAIL_FROM,
        to: row.to,
        subject: row.subject,
        html: row.html,
        text: row.text,
        attachments: await attachmentsOf(root, row.attachments),
      });
      await db
        .update(emailOutbox)
        .set({ status: "sent", sentAt: new Date(), error: null })
        .where(eq(emailOutbox.id, row.id));
      sent++;
      metrics.emails.inc({ outcome: "sent" });
    } catch (e) {
      metrics.emails.inc({ outcome: "failed" });
      log.warn({ emailId: row.id, err: (e as Error).message }, "smtp delivery failed");
      await db
        .update(emailOutbox)
        .set({ status: "failed", error: (e as Error).message.slice(0, 500) })
        .where(eq(emailOutbox.id, row.id));
      failed++;
    }
  }
  return { sent, failed };
}

export async function emailStatusOf(db: DbOrTx, id: string) {
  const [row] = await db.select({ status: emailOutbox.status }).from(emailOutbox).where(eq(emailOutbox.id, id));
  return row?.status ?? null;
}
