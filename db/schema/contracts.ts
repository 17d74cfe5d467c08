import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { user } from "./auth";
import { createdAt, id } from "./columns";
import { incidents } from "./incidents";
import { STAFF_SKILLS } from "./roster";
import { SENSOR_CLASSES } from "./sensors";
import { customers } from "./tenancy";

export const TIERS = ["mdr", "mndr", "mxdr", "mss"] as const;
export type Tier = (typeof TIERS)[number];
export const METRICS = ["acknowledge", "notify", "contain", "resolve"] as const;
export type Metric = (typeof METRICS)[number];
export const SLA_SEVERITIES = ["critical", "high", "medium", "low"] as const;
export type SlaSeverity = (typeof SLA_SEVERITIES)[number];
export const ALLOWED_ACTIONS = ["isolate_host", "disable_account", "block_indicator"] as const;

/** Minutes per metric per severity; null = no target for that metric. Informational incidents have none. */
export type SlaTargets = Record<SlaSeverity, Record<Metric, number | null>>;
/** Coverage calendar as stored (the shape of server/sla/calendar.ts `Calendar`). */
export type CoverageJson =
  | { kind: "24x7" }
  | {
      kind: "business";
      timeZone: string;
      weekdays: Record<string, { start: string; end: string }[]>;
      holidays: string[];
    };

/** A customer's contract; its terms live in versions, each effective from an instant. */
export const contracts = pgTable(
  "contracts",
  {
    id: id(),
    customerId: uuid()
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    reference: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("contracts_customer_idx").on(t.customerId),
    uniqueIndex("contracts_reference_key").on(t.customerId, t.reference),
  ],
);

export const contractVersions = pgTable(
  "contract_versions",
  {
    id: id(),
    customerId: uuid().notNull(),
    contractId: uuid()
      .notNull()
      .references(() => contracts.id, { onDelete: "cascade" }),
    version: integer().notNull(),
    effectiveFrom: timestamp({ withTimezone: true }).notNull(),
    tier: text({ enum: TIERS }).notNull(),
    startDate: date().notNull(),
    endDate: date().notNull(),
    autoRenew: boolean().notNull(),
    noticeDays: integer().notNull(),
    licensedEndpoints: integer().notNull(),
    licensedSensors: integer().notNull(),
    monitoredClasses: text({ enum: SENSOR_CLASSES }).array().notNull().default(sql`'{}'::text[]`),
    coverage: jsonb().$type<CoverageJson>().notNull(),
    slaTargets: jsonb().$type<SlaTargets>().notNull(),
    pauseOnCustomer: boolean().notNull(),
    clockStart: text({ enum: ["received", "vendor_created"] })
      .notNull()
      .default("received"),
    atRiskShare: real().notNull().default(0.25),
    allowedActions: text({ enum: ALLOWED_ACTIONS }).array().notNull().default(sql`'{}'::text[]`),
    /** Roster demand beyond the tier's skills while the customer is in coverage: skills and ISO 639-1 languages. */
    extraSkills: text({ enum: STAFF_SKILLS }).array().notNull().default(sql`'{}'::text[]`),
    languages: text().array().notNull().default(sql`'{}'::text[]`),
    note: text(),
    createdBy: text().references(() => user.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("contract_versions_number_key").on(t.contractId, t.version),
    index("contract_versions_customer_idx").on(t.customerId, t.effectiveFrom),
  ],
);

export const CLOCK_STATES = ["running", "at_risk", "paused", "met", "breached"] as const;

/**
 * Snapshot of each incident clock for fast queries; recomputed from the incident's facts whenever they change and by
 * the minute sweep (time alone moves running → at risk → breached).
 */
export const slaClocks = pgTable(
  "sla_clocks",
  {
    id: id(),
    customerId: uuid().notNull(),
    incidentId: uuid()
      .notNull()
      .references(() => incidents.id, { onDelete: "cascade" }),
    contractVersionId: uuid().references(() => contractVersions.id, { onDelete: "set null" }),
    metric: text({ enum: METRICS }).notNull(),
    severity: text({ enum: SLA_SEVERITIES }).notNull(),
    targetMinutes: integer().notNull(),
    startAt: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    pauses: jsonb().$type<{ from: string; to: string | null }[]>().notNull().default([]),
    stopAt: timestamp({ withTimezone: true, precision: 3 }),
    stoppedBy: text(),
    dueAt: timestamp({ withTimezone: true, precision: 3 }),
    /** When the remaining time reaches the at-risk share: the sweep moves a running clock to at risk from then. */
    atRiskDueAt: timestamp({ withTimezone: true, precision: 3 }),
    state: text({ enum: CLOCK_STATES }).notNull(),
    elapsedMs: bigint({ mode: "number" }).notNull(),
    /** When the clock was first seen at risk / breached (by a recompute or the sweep). */
    atRiskAt: timestamp({ withTimezone: true }),
    breachedAt: timestamp({ withTimezone: true }),
    /** Set once, by the one instance that sent the notification. */
    atRiskNotifiedAt: timestamp({ withTimezone: true }),
    breachNotifiedAt: timestamp({ withTimezone: true }),
    /** The analyst on duty (the assignee) when it breached: the breach is theirs and their shift's. */
    breachedAssigneeId: text(),
    computedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("sla_clocks_metric_key").on(t.incidentId, t.metric),
    uniqueIndex("sla_clocks_tenant_key").on(t.id, t.customerId),
    index("sla_clocks_customer_idx").on(t.customerId, t.startAt),
    index("sla_clocks_due_idx").on(t.dueAt).where(sql`state in ('running', 'at_risk')`),
    index("sla_clocks_risk_idx").on(t.atRiskDueAt).where(sql`state = 'running'`),
    index("sla_clocks_breach_idx")
      .on(t.customerId, sql`(case when ${t.breachedAt} is not null then ${t.breachedAt} else ${t.dueAt} end)`)
      .where(sql`state = 'breached'`),
    // The clocks still counting or overdue and not stopped (a few thousand of 1.5 M at scale): the SLA banner and the
    // risk list, ordered by due time.
    index("sla_clocks_unstopped_idx").on(t.dueAt).where(sql`stop_at is null`),
    // The provider-wide breach list, banner and roster attribution (no customer to lead with).
    index("sla_clocks_breach_time_idx")
      .on(sql`(case when ${t.breachedAt} is not null then ${t.breachedAt} else ${t.dueAt} end)`)
      .where(sql`state = 'breached'`),
  ],
);

/**
 * When a breached clock breached (its due time for rows from before `breached_at` was kept). A CASE, not coalesce():
 * under row-level security the planner treats a coalesce() in a condition as possibly leaky, keeps it behind the
 * policy and never uses it as an index condition (a month of breaches read 2 s at scale, 0.3 s as a CASE). The
 * indexes above are on this very expression.
 */
export const slaBreachInstant = sql<Date>`(case when ${slaClocks.breachedAt} is not null then ${slaClocks.breachedAt} else ${slaClocks.dueAt} end)`;

/**
 * Monthly attainment rollup (a cache of sla_clocks, per customer month in the customer's zone) for the cross-customer
 * views. Writers mark a month dirty; readers refresh dirty months before reading, so it is never stale when read.
 */
export const slaMonthly = pgTable(
  "sla_monthly",
  {
    customerId: uuid().notNull(),
    month: text().notNull(),
    severity: text({ enum: SLA_SEVERITIES }).notNull(),
    metric: text({ enum: METRICS }).notNull(),
    met: integer().notNull(),
    breached: integer().notNull(),
    open: integer().notNull(),
    /** Stopped clocks and the sum of their elapsed SLA time: the month's mean time-to (MTTA, MTTN, MTTC, MTTR). */
    stopped: integer().notNull().default(0),
    elapsedSumMs: bigint({ mode: "number" }).notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.customerId, t.month, t.severity, t.metric] }),
    index("sla_monthly_month_idx").on(t.month),
  ],
);

export const slaMonthlyDirty = pgTable(
  "sla_monthly_dirty",
  { customerId: uuid().notNull(), month: text().notNull() },
  (t) => [primaryKey({ columns: [t.customerId, t.month] })],
);

/** Console banner items: one per clock transition (at risk, breached), read per user. */
export const slaAlerts = pgTable(
  "sla_alerts",
  {
    id: id(),
    customerId: uuid().notNull(),
    incidentId: uuid()
      .notNull()
      .references(() => incidents.id, { onDelete: "cascade" }),
    clockId: uuid()
      .notNull()
      .references(() => slaClocks.id, { onDelete: "cascade" }),
    kind: text({ enum: ["at_risk", "breached"] }).notNull(),
    metric: text({ enum: METRICS }).notNull(),
    dueAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    dismissedAt: timestamp({ withTimezone: true }),
  },
  (t) => [uniqueIndex("sla_alerts_once_key").on(t.clockId, t.kind), index("sla_alerts_created_idx").on(t.createdAt)],
);

/** Scheduled runs claimed by one instance: (job, slot) is unique, so each run happens once across instances. */
export const jobRuns = pgTable(
  "job_runs",
  {
    id: id(),
    job: text().notNull(),
    slot: text().notNull(),
    claimedBy: text().notNull(),
    startedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp({ withTimezone: true }),
    error: text(),
    result: jsonb(),
  },
  (t) => [uniqueIndex("job_runs_slot_key").on(t.job, t.slot), index("job_runs_started_idx").on(t.job, t.startedAt)],
);
