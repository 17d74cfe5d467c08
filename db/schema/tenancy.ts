import { sql } from "drizzle-orm";
import { boolean, check, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { user } from "./auth";
import { createdAt, id, timestamps } from "./columns";

export const ROLES = ["admin", "soc_manager", "analyst", "viewer"] as const;
export type Role = (typeof ROLES)[number];
export const STAFF_ROLES = ["admin", "soc_manager", "analyst"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
export const CUSTOMER_ROLES = ["admin", "viewer"] as const;
export type CustomerRole = (typeof CUSTOMER_ROLES)[number];

/** The provider itself: one row, its branding used by the console, e-mails and reports. */
export const providerSettings = pgTable("provider_settings", {
  id: text().primaryKey().default("provider"),
  name: text().notNull(),
  legalName: text(),
  primaryColor: text().notNull().default("#0f766e"),
  accentColor: text().notNull().default("#f59e0b"),
  logoSvg: text(),
  supportEmail: text(),
  ...timestamps,
});

/** A customer organisation: the tenant. */
export const customers = pgTable(
  "customers",
  {
    id: id(),
    name: text().notNull(),
    slug: text().notNull(),
    industry: text().notNull(),
    country: text().notNull(),
    timezone: text().notNull(),
    status: text({ enum: ["active", "offboarded"] })
      .notNull()
      .default("active"),
    ...timestamps,
  },
  (t) => [uniqueIndex("customers_slug_key").on(t.slug)],
);

/**
 * Who belongs where. A user belongs to exactly one organisation: the provider (customer_id null) or one customer.
 */
export const memberships = pgTable(
  "memberships",
  {
    id: id(),
    userId: text()
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    customerId: uuid().references(() => customers.id, { onDelete: "cascade" }),
    role: text({ enum: ROLES }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("memberships_user_key").on(t.userId),
    index("memberships_customer_idx").on(t.customerId),
    check(
      "memberships_role_fits_side",
      sql`(${t.customerId} is null and ${t.role} in ('admin','soc_manager','analyst')) or (${t.customerId} is not null and ${t.role} in ('admin','viewer'))`,
    ),
  ],
);

export const invitations = pgTable(
  "invitations",
  {
    id: id(),
    email: text().notNull(),
    name: text(),
    customerId: uuid().references(() => customers.id, { onDelete: "cascade" }),
    role: text({ enum: ROLES }).notNull(),
    tokenHash: text().notNull(),
    invitedBy: text().references(() => user.id, { onDelete: "set null" }),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    acceptedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("invitations_token_key").on(t.tokenHash),
    index("invitations_customer_idx").on(t.customerId, t.createdAt),
  ],
);

export const SEVERITIES = ["critical", "high", "medium", "low", "informational"] as const;
export type Severity = (typeof SEVERITIES)[number];
export const CHANNELS = ["email", "phone", "sms"] as const;
export type Channel = (typeof CHANNELS)[number];

/** A named person at the customer whom the provider tells about incidents (the escalation matrix) or reports. */
export const customerContacts = pgTable(
  "customer_contacts",
  {
    id: id(),
    customerId: uuid()
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    name: text().notNull(),
    email: text().notNull(),
    phone: text(),
    role: text(),
    severities: text({ enum: SEVERITIES }).array().notNull().default(sql`'{}'::text[]`),
    channels: text({ enum: CHANNELS }).array().notNull().default(sql`'{}'::text[]`),
    receivesReports: boolean().notNull().default(false),
    ...timestamps,
  },
  (t) => [index("customer_contacts_customer_idx").on(t.customerId)],
);
