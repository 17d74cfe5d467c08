import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { createdAt, id } from "./columns";

/** Every e-mail the product sends. Without SMTP this is the outbox staff browse; with SMTP, its delivery log. */
export type EmailAttachment = { filename: string; contentType: string; reportVersionId: string; sizeBytes: number };

export const emailOutbox = pgTable(
  "email_outbox",
  {
    id: id(),
    customerId: uuid(),
    to: text().notNull(),
    subject: text().notNull(),
    html: text().notNull(),
    text: text().notNull(),
    template: text().notNull(),
    /** Files sent with the message; the bytes stay where they live (e.g. a report version) and are read at delivery. */
    attachments: jsonb().$type<EmailAttachment[]>(),
    status: text({ enum: ["outbox", "queued", "sent", "failed"] }).notNull(),
    error: text(),
    sentAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index("email_outbox_created_idx").on(t.createdAt),
    index("email_outbox_customer_idx").on(t.customerId, t.createdAt),
  ],
);
