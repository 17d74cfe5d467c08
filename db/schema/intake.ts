import { bigint, integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";

/**
 * Intake rate-limit counters shared by every app instance on PostgreSQL: requests counted per bucket ("key:<id>" or
 * "customer:<id>") and per fixed window (epoch milliseconds / window length). Operational state, not tenant data:
 * rows live for a minute and hold no payload. Unused on the embedded database (counting is in memory there).
 */
export const intakeRateCounters = pgTable(
  "intake_rate_counters",
  {
    bucket: text().notNull(),
    window: bigint({ mode: "number" }).notNull(),
    points: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.bucket, t.window] })],
);
