import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { createdAt, id } from "./columns";

/** Every e-mail the product sends. Without SMTP this is the outbox staff browse; with SMTP, its delivery log. */
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
