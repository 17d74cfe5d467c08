import { sql } from "drizzle-orm";
import {
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { user } from "./auth";
import { createdAt, id } from "./columns";
import { sensors } from "./sensors";
import { customers } from "./tenancy";

/**
 * One row per sensor and UTC hour with at least one heartbeat: the compact history availability is computed from.
 * `gaps` lists, as [earlier, later] epoch-ms pairs, the consecutive heartbeats inside the hour further apart than
 * 3 × the sensor's interval when they arrived; gaps across hours are read from consecutive rows (last → next first).
 */
export const sensorHeartbeatHours = pgTable(
  "sensor_heartbeat_hours",
  {
    customerId: uuid()
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    sensorId: uuid().notNull(),
    hour: timestamp({ withTimezone: true }).notNull(),
    firstAt: timestamp({ withTimezone: true }).notNull(),
    lastAt: timestamp({ withTimezone: true }).notNull(),
    beats: integer().notNull().default(1),
    gaps: jsonb().$type<[number, number][]>().notNull().default(sql`'[]'::jsonb`),
  },
  (t) => [
    primaryKey({ columns: [t.sensorId, t.hour] }),
    index("sensor_heartbeat_hours_customer_idx").on(t.customerId, t.sensorId, t.hour),
    foreignKey({ columns: [t.sensorId, t.customerId], foreignColumns: [sensors.id, sensors.customerId] }).onDelete(
      "cascade",
    ),
  ],
);

/** Silent and recovered transitions, each written once by the sweep that claimed it: the console banner's items. */
export const sensorTransitions = pgTable(
  "sensor_transitions",
  {
    id: id(),
    customerId: uuid()
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    sensorId: uuid().notNull(),
    kind: text({ enum: ["silent", "recovered"] }).notNull(),
    silentSince: timestamp({ withTimezone: true }).notNull(),
    /** Recovered: the heartbeat or event that ended the silence. */
    recoveredAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    dismissedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index("sensor_transitions_customer_idx").on(t.customerId, t.sensorId, t.createdAt),
    index("sensor_transitions_created_idx").on(t.createdAt),
    uniqueIndex("sensor_transitions_once_key").on(t.sensorId, t.kind, t.silentSince),
    foreignKey({ columns: [t.sensorId, t.customerId], foreignColumns: [sensors.id, sensors.customerId] }).onDelete(
      "cascade",
    ),
  ],
);

/** Provider-wide: agent versions the provider no longer supports (a sensor running one is degraded). */
export const unsupportedAgentVersions = pgTable(
  "unsupported_agent_versions",
  {
    id: id(),
    vendor: text().notNull(),
    product: text().notNull(),
    version: text().notNull(),
    note: text(),
    createdBy: text().references(() => user.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("unsupported_agent_versions_key").on(
      sql`lower(${t.vendor})`,
      sql`lower(${t.product})`,
      sql`lower(${t.version})`,
    ),
  ],
);
