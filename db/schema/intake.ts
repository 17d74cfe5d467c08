import { sql } from "drizzle-orm";
import { bigint, boolean, check, integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

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

/**
 * Alerts received per quarter hour, provider-wide (UTC quarter starts): the SOC manager's intake trend and the roster's
 * forecast read it instead of aggregating months of alerts on every view. `needing_triage` leaves out alerts closed
 * with nobody having acknowledged or been assigned them (roster-rules.md, "Forecast"). Kept by the `intake-rollup`
 * job (server/alerts/service.ts `rollUpIntake`), which recomputes the last 72 hours on each run; quarters after
 * `alert_intake_rollup.through` are read from the alerts themselves. Operational, not tenant data: no customer column.
 */
export const alertIntakeQuarters = pgTable("alert_intake_quarters", {
  startsAt: timestamp({ withTimezone: true }).primaryKey(),
  received: integer().notNull(),
  needingTriage: integer().notNull(),
});

/** The rollup's one row: quarters before `through` are complete in `alert_intake_quarters`. */
export const alertIntakeRollup = pgTable(
  "alert_intake_rollup",
  {
    id: boolean().primaryKey().default(true),
    through: timestamp({ withTimezone: true }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("alert_intake_rollup_one_row", sql`${t.id}`)],
);
