import { sql } from "drizzle-orm";
import { foreignKey, index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { user } from "./auth";
import { createdAt, id } from "./columns";
import { CLOCK_STATES, slaClocks } from "./contracts";

/**
 * The SLA banner's dismissals. A person dismisses a clock in one state for themselves (`userId` set); a SOC manager
 * resolves it for everyone (`userId` null). A clock that moves on (at risk → breached) shows again.
 */
export const slaBannerDismissals = pgTable(
  "sla_banner_dismissals",
  {
    id: id(),
    customerId: uuid().notNull(),
    clockId: uuid().notNull(),
    state: text({ enum: CLOCK_STATES }).notNull(),
    userId: text().references(() => user.id, { onDelete: "cascade" }),
    /** Who resolved it for everyone (null for a personal dismissal). */
    resolvedBy: text().references(() => user.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({ columns: [t.clockId, t.customerId], foreignColumns: [slaClocks.id, slaClocks.customerId] }).onDelete(
      "cascade",
    ),
    index("sla_banner_dismissals_customer_idx").on(t.customerId, t.clockId),
    uniqueIndex("sla_banner_dismissals_once_key").on(t.clockId, t.state, sql`coalesce(${t.userId}, '')`),
  ],
);
