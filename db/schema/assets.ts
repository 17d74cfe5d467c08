import { foreignKey, index, pgTable, primaryKey, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { id, timestamps } from "./columns";
import { sensors } from "./sensors";
import { customers } from "./tenancy";

export const CRITICALITIES = ["low", "medium", "high", "crown-jewel"] as const;
export type Criticality = (typeof CRITICALITIES)[number];

/**
 * A host of one customer, identified by the first of EDR agent id, FQDN, host name (`identity_key`, see
 * server/assets/identity.ts). Learned from alerts, heartbeat inventories and CSV imports.
 */
export const assets = pgTable(
  "assets",
  {
    id: id(),
    customerId: uuid()
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    /** `agent:<id>`, `fqdn:<name>` or `host:<name>`, lower-cased. */
    identityKey: text().notNull(),
    agentId: text(),
    fqdn: text(),
    hostname: text(),
    ip: text(),
    os: text(),
    owner: text(),
    criticality: text({ enum: CRITICALITIES }),
    firstSeenAt: timestamp({ withTimezone: true }).notNull(),
    /** Latest sighting by any path: a sensor (alert, inventory) or an import ("import counts as seen on import"). */
    lastSeenAt: timestamp({ withTimezone: true }).notNull(),
    importedAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    unique("assets_identity_key").on(t.customerId, t.identityKey),
    unique("assets_id_customer_key").on(t.id, t.customerId),
    index("assets_customer_seen_idx").on(t.customerId, t.lastSeenAt),
    index("assets_customer_agent_idx").on(t.customerId, t.agentId),
    index("assets_customer_fqdn_idx").on(t.customerId, t.fqdn),
    index("assets_customer_hostname_idx").on(t.customerId, t.hostname),
  ],
);

/** Which sensor reported which asset: one row per asset × sensor, first and last report. */
export const assetSightings = pgTable(
  "asset_sightings",
  {
    customerId: uuid()
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    assetId: uuid().notNull(),
    sensorId: uuid()
      .notNull()
      .references(() => sensors.id, { onDelete: "cascade" }),
    firstSeenAt: timestamp({ withTimezone: true }).notNull(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.assetId, t.sensorId] }),
    foreignKey({ columns: [t.assetId, t.customerId], foreignColumns: [assets.id, assets.customerId] }).onDelete(
      "cascade",
    ),
    index("asset_sightings_customer_idx").on(t.customerId, t.sensorId, t.lastSeenAt),
  ],
);
