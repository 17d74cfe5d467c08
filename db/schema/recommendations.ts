import { sql } from "drizzle-orm";
import {
  boolean,
  foreignKey,
  index,
  jsonb,
  pgTable,
  primaryKey,
  real,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { user } from "./auth";
import { id } from "./columns";
import { incidents } from "./incidents";
import { customers } from "./tenancy";

export const REC_SEVERITIES = ["critical", "high", "medium", "low"] as const;
export const REC_CATEGORIES = [
  "visibility",
  "sensor-health",
  "hardening",
  "identity",
  "response",
  "licensing",
] as const;
export const REC_STATUSES = ["open", "accepted", "done", "risk_accepted", "dismissed"] as const;
export const REC_ORIGINS = ["rule", "incident", "hunt", "manual"] as const;
export type EvidenceJson = { kind: string; id: string; label: string }[];

/** A threat hunt: provider-owned, covering one, several or all customers (hunt_customers). */
export const hunts = pgTable(
  "hunts",
  {
    id: id(),
    title: text().notNull(),
    hypothesis: text().notNull(),
    techniques: text().array().notNull().default(sql`'{}'::text[]`),
    dataComponents: text().array().notNull().default(sql`'{}'::text[]`),
    allCustomers: boolean().notNull().default(false),
    periodFrom: timestamp({ withTimezone: true }).notNull(),
    periodTo: timestamp({ withTimezone: true }).notNull(),
    analystId: text().references(() => user.id, { onDelete: "set null" }),
    effortHours: real().notNull().default(0),
    status: text({ enum: ["planned", "in_progress", "concluded"] })
      .notNull()
      .default("planned"),
    /** Internal: never leaves the console. */
    findings: text(),
    /** What the customer reads in the portal and the report. */
    customerSummary: text(),
    outcome: text({ enum: ["nothing_found", "incident", "recommendation"] }),
    concludedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("hunts_status_idx").on(t.status, t.periodTo)],
);

/** A customer in a hunt's scope (when it is not for all customers), and the incident the hunt opened for it. */
export const huntCustomers = pgTable(
  "hunt_customers",
  {
    customerId: uuid()
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    huntId: uuid()
      .notNull()
      .references(() => hunts.id, { onDelete: "cascade" }),
    incidentId: uuid().references(() => incidents.id, { onDelete: "set null" }),
  },
  (t) => [primaryKey({ columns: [t.customerId, t.huntId] }), index("hunt_customers_hunt_idx").on(t.huntId)],
);

export const recommendations = pgTable(
  "recommendations",
  {
    id: id(),
    customerId: uuid()
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    title: text().notNull(),
    body: text().notNull(),
    severity: text({ enum: REC_SEVERITIES }).notNull(),
    category: text({ enum: REC_CATEGORIES }).notNull(),
    status: text({ enum: REC_STATUSES }).notNull().default("open"),
    origin: text({ enum: REC_ORIGINS }).notNull(),
    /** rule + subject for rule-made ones; one row per key per customer, reopened rather than duplicated. */
    dedupKey: text(),
    evidence: jsonb().$type<EvidenceJson>().notNull().default([]),
    incidentId: uuid().references(() => incidents.id, { onDelete: "set null" }),
    huntId: uuid().references(() => hunts.id, { onDelete: "set null" }),
    /** Reason of the latest risk acceptance or dismissal. */
    reason: text(),
    reviewAt: timestamp({ withTimezone: true }),
    createdBy: text().references(() => user.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
    /** Set once when the customer's report contacts were e-mailed about it (critical and high only). */
    notifiedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    unique("recommendations_id_customer_key").on(t.id, t.customerId),
    uniqueIndex("recommendations_dedup_key").on(t.customerId, t.dedupKey).where(sql`${t.dedupKey} is not null`),
    index("recommendations_customer_idx").on(t.customerId, t.status, t.severity),
    index("recommendations_review_idx").on(t.reviewAt).where(sql`${t.status} = 'risk_accepted'`),
  ],
);

/** The recommendation's own history: raised, every status and severity change, comments. */
export const recommendationEvents = pgTable(
  "recommendation_events",
  {
    id: id(),
    customerId: uuid().notNull(),
    recommendationId: uuid().notNull(),
    at: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    kind: text({ enum: ["raised", "status", "severity", "comment", "edited"] }).notNull(),
    fromStatus: text({ enum: REC_STATUSES }),
    toStatus: text({ enum: REC_STATUSES }),
    actorId: text(),
    actorLabel: text().notNull(),
    actorSide: text({ enum: ["staff", "customer", "system"] }).notNull(),
    body: text(),
    data: jsonb().$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    index("recommendation_events_idx").on(t.customerId, t.recommendationId, t.at),
    foreignKey({
      columns: [t.recommendationId, t.customerId],
      foreignColumns: [recommendations.id, recommendations.customerId],
      name: "recommendation_events_parent_fk",
    }).onDelete("cascade"),
  ],
);

/** Customers whose facts changed since their last evaluation (a cheap mark; the job drains it). */
export const recommendationDirty = pgTable("recommendation_dirty", {
  customerId: uuid()
    .primaryKey()
    .references(() => customers.id, { onDelete: "cascade" }),
  markedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** A closed month's posture score, written once and never changed. */
export const postureScores = pgTable(
  "posture_scores",
  {
    customerId: uuid()
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    month: text().notNull(),
    score: smallint().notNull(),
    band: text({ enum: ["good", "fair", "poor"] }).notNull(),
    drivers: jsonb().$type<Record<string, number>>().notNull(),
    noData: text().array().notNull().default(sql`'{}'::text[]`),
    computedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.customerId, t.month] })],
);

/**
 * Each customer's live score (the last 30 days, `posture-rules.md`) as the posture job last computed it, for the
 * console's overview of every customer: computing 1,000 live scores while a manager waits took 36 s. One row per
 * customer, replaced by each refresh; the portal computes its own customer's score per request.
 */
export const postureLive = pgTable("posture_live", {
  customerId: uuid()
    .primaryKey()
    .references(() => customers.id, { onDelete: "cascade" }),
  score: smallint().notNull(),
  band: text({ enum: ["good", "fair", "poor"] }).notNull(),
  drivers: jsonb().$type<Record<string, number>>().notNull(),
  noData: text().array().notNull().default(sql`'{}'::text[]`),
  /** The instant the score was computed for (its 30 days end here). */
  computedAt: timestamp({ withTimezone: true }).notNull(),
});
