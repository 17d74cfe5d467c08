import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { user } from "./auth";
import { createdAt, id, timestamps } from "./columns";
import { customers } from "./tenancy";

export const SENSOR_CLASSES = ["edr", "ndr", "xdr", "siem", "cloud", "identity", "email"] as const;
export type SensorClass = (typeof SENSOR_CLASSES)[number];
/** The classes an `xdr` sensor may declare it provides (coverage-rules.md: at least two of these). */
export const XDR_PROVIDED_CLASSES = ["edr", "ndr", "cloud", "identity", "email"] as const;
export type XdrProvidedClass = (typeof XDR_PROVIDED_CLASSES)[number];
export const SOURCE_FORMATS = ["ocsf", "crowdstrike", "sentinelone", "defender", "suricata", "zeek", "wazuh"] as const;

/** A customer's sensor or integration that pushes alerts and heartbeats with its own API key. */
export const sensors = pgTable(
  "sensors",
  {
    id: id(),
    customerId: uuid()
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    name: text().notNull(),
    sensorClass: text({ enum: SENSOR_CLASSES }).notNull(),
    vendor: text().notNull(),
    product: text().notNull(),
    sourceFormat: text({ enum: SOURCE_FORMATS }).notNull(),
    site: text(),
    status: text({ enum: ["active", "retired"] })
      .notNull()
      .default("active"),
    /** Caches of the latest facts (heartbeats and events tables hold the history). */
    lastHeartbeatAt: timestamp({ withTimezone: true }),
    lastEventAt: timestamp({ withTimezone: true }),
    agentVersion: text(),
    eventsPerSecond: real(),
    hostCount: integer(),
    healthNote: text(),
    healthNoteAt: timestamp({ withTimezone: true }),
    /** Expected heartbeat interval; silent after 3 × this (coverage-rules.md). */
    heartbeatIntervalSeconds: integer().notNull().default(300),
    /** For `xdr` sensors only: the classes it reports as (≥ 2); empty for every other class. */
    providesClasses: text({ enum: XDR_PROVIDED_CLASSES }).array().notNull().default(sql`'{}'::text[]`),
    /** The announced silent state: set by the one sweep that claims the silent transition, cleared on recovery. */
    silentSince: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    index("sensors_customer_idx").on(t.customerId, t.name),
    uniqueIndex("sensors_id_customer_key").on(t.id, t.customerId),
    check("sensors_interval_check", sql`${t.heartbeatIntervalSeconds} between 30 and 86400`),
  ],
);

/** API keys: one sensor each, stored as SHA-256 of the secret, shown once. */
export const apiKeys = pgTable(
  "api_keys",
  {
    id: id(),
    customerId: uuid()
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    sensorId: uuid()
      .notNull()
      .references(() => sensors.id, { onDelete: "cascade" }),
    prefix: text().notNull(),
    keyHash: text().notNull(),
    createdBy: text().references(() => user.id, { onDelete: "set null" }),
    revokedAt: timestamp({ withTimezone: true }),
    lastUsedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("api_keys_hash_key").on(t.keyHash), index("api_keys_customer_idx").on(t.customerId, t.sensorId)],
);

export const sensorHeartbeats = pgTable(
  "sensor_heartbeats",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    customerId: uuid().notNull(),
    sensorId: uuid()
      .notNull()
      .references(() => sensors.id, { onDelete: "cascade" }),
    at: timestamp({ withTimezone: true }).notNull(),
    version: text(),
    eventsPerSecond: real(),
    hostCount: integer(),
  },
  (t) => [index("sensor_heartbeats_customer_idx").on(t.customerId, t.sensorId, t.at)],
);

/** Sensor-health events from the data itself (Zeek CaptureLoss::*, Weird::*): never incidents. */
export const sensorHealthEvents = pgTable(
  "sensor_health_events",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    customerId: uuid().notNull(),
    sensorId: uuid()
      .notNull()
      .references(() => sensors.id, { onDelete: "cascade" }),
    at: timestamp({ withTimezone: true }).notNull(),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    note: text().notNull(),
    message: text(),
    raw: jsonb().notNull(),
    degraded: boolean().notNull().default(true),
  },
  (t) => [index("sensor_health_events_customer_idx").on(t.customerId, t.sensorId, t.at)],
);
