import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Append-only, hash-chained: each row's hash covers its content and the previous row's hash, so an edited or
 * deleted row breaks the chain at that point (see server/audit/chain.ts).
 */
export const auditLog = pgTable(
  "audit_log",
  {
    seq: bigserial({ mode: "number" }).primaryKey(),
    at: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    actorType: text({ enum: ["user", "api_key", "system"] }).notNull(),
    actorId: text(),
    actorLabel: text().notNull(),
    customerId: uuid(),
    action: text().notNull(),
    targetType: text().notNull(),
    targetId: text(),
    summary: jsonb().$type<Record<string, unknown>>().notNull(),
    prevHash: text().notNull(),
    hash: text().notNull(),
  },
  (t) => [
    index("audit_log_customer_idx").on(t.customerId, t.seq),
    index("audit_log_action_idx").on(t.action, t.seq),
    index("audit_log_at_idx").on(t.at),
  ],
);
