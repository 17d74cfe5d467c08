import { sql } from "drizzle-orm";
import {
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { user } from "./auth";
import { createdAt, id } from "./columns";
import { customers } from "./tenancy";

/** Raw bytes (PostgreSQL bytea): PGlite hands back a Uint8Array, postgres-js a Buffer; both become a Buffer here. */
const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => "bytea",
  toDriver: (value) => value,
  fromDriver: (value) => Buffer.from(value),
});

export const REPORT_TRIGGERS = ["schedule", "manual", "batch", "seed"] as const;
export type ReportTrigger = (typeof REPORT_TRIGGERS)[number];
/** A report's headline numbers: the same as the portal's and the console's for the customer-month. */
export type ReportFigures = {
  alertsReceived: number;
  alertsEscalated: number;
  incidents: number;
  highOrCritical: number;
  slaMet: number;
  slaBreached: number;
  mttaMs: number | null;
  mttrMs: number | null;
  /** The month's posture score (absent on versions made before the score existed). */
  postureScore?: number | null;
  huntsConcluded?: number;
  recommendationsOpen?: number;
  /** Coverage at month end (ok ÷ contracted classes), EDR coverage and mean sensor availability: ratios 0–1, null = no data. */
  coverageFigure?: number | null;
  edrCoverage?: number | null;
  sensorAvailability?: number | null;
};

export const REPORT_JOB_STATUSES = ["pending", "running", "done", "failed"] as const;

/**
 * One rendered monthly report. Regenerating adds a version; earlier versions stay. The checksum is the SHA-256 of
 * the PDF bytes, shown to customers so a forwarded copy can be checked.
 */
export const reportVersions = pgTable(
  "report_versions",
  {
    id: id(),
    customerId: uuid()
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    /** The customer's calendar month, YYYY-MM. */
    month: text().notNull(),
    version: integer().notNull(),
    pdf: bytea().notNull(),
    sha256: text().notNull(),
    sizeBytes: integer().notNull(),
    pages: integer().notNull(),
    renderMs: integer().notNull(),
    trigger: text({ enum: REPORT_TRIGGERS }).notNull(),
    /** The key figures printed in this version, to compare with the live numbers (null before they were kept). */
    figures: jsonb().$type<ReportFigures>(),
    generatedBy: text().references(() => user.id, { onDelete: "set null" }),
    generatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("report_versions_key").on(t.customerId, t.month, t.version),
    index("report_versions_month_idx").on(t.month),
  ],
);

/** A request to generate everyone's report for a month (the console's "generate all"); its jobs carry its id. */
export const reportBatches = pgTable("report_batches", {
  id: id(),
  month: text().notNull(),
  requestedBy: text().references(() => user.id, { onDelete: "set null" }),
  total: integer().notNull(),
  createdAt: createdAt(),
});

/**
 * The work queue of report generation. Any instance's worker claims pending jobs (FOR UPDATE SKIP LOCKED); a job
 * left running by a dead instance is taken again after a timeout. The scheduled job of a (customer, month) is unique,
 * so the month-end run is queued once however many instances tick.
 */
export const reportJobs = pgTable(
  "report_jobs",
  {
    id: id(),
    customerId: uuid()
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    month: text().notNull(),
    batchId: uuid().references(() => reportBatches.id, { onDelete: "set null" }),
    trigger: text({ enum: REPORT_TRIGGERS }).notNull(),
    /** E-mail the customer's report contacts when done (once per customer-month, see report_deliveries). */
    send: boolean().notNull().default(false),
    status: text({ enum: REPORT_JOB_STATUSES }).notNull().default("pending"),
    attempts: integer().notNull().default(0),
    error: text(),
    requestedBy: text().references(() => user.id, { onDelete: "set null" }),
    reportVersionId: uuid().references(() => reportVersions.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    claimedAt: timestamp({ withTimezone: true }),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index("report_jobs_queue_idx").on(t.status, t.createdAt),
    index("report_jobs_batch_idx").on(t.batchId),
    index("report_jobs_customer_idx").on(t.customerId, t.month),
    uniqueIndex("report_jobs_scheduled_key").on(t.customerId, t.month).where(sql`${t.trigger} = 'schedule'`),
  ],
);

/** The "your report is ready" e-mail of a customer-month: at most one, whatever retries or regenerations happen. */
export const reportDeliveries = pgTable(
  "report_deliveries",
  {
    id: id(),
    customerId: uuid()
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    month: text().notNull(),
    reportVersionId: uuid()
      .notNull()
      .references(() => reportVersions.id, { onDelete: "cascade" }),
    recipients: integer().notNull(),
    attached: boolean().notNull(),
    sentAt: createdAt(),
  },
  (t) => [uniqueIndex("report_deliveries_key").on(t.customerId, t.month)],
);
