import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Append-only (a trigger refuses UPDATE/DELETE/TRUNCATE; the app role may only INSERT and SELECT), keyed
 * hash-chained: each row's HMAC covers its seq, content and the previous row's hash, and seq has no gaps, so an
 * edited, deleted or recomputed row breaks the chain; signed checkpoints kept outside the database catch the
 * newest rows being removed (see server/audit/chain.ts, checkpoint.ts).
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
    /**
     * How `hash` was made: "hmac-sha256" (keyed with AUDIT_HMAC_KEY, covers seq) for every entry since the keyed
     * chain landed; "sha256" only for the legacy prefix written before it (verified the old way, anchored by the
     * first keyed entry's prevHash).
     */
    chain: text({ enum: ["sha256", "hmac-sha256"] })
      .notNull()
      .default("sha256"),
  },
  (t) => [
    index("audit_log_customer_idx").on(t.customerId, t.seq),
    index("audit_log_action_idx").on(t.action, t.seq),
    index("audit_log_at_idx").on(t.at),
  ],
);
