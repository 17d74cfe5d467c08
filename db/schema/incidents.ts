import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { user } from "./auth";
import { createdAt, id, jsonText, timestamps } from "./columns";
import { SOURCE_FORMATS } from "./sensors";
import { customers } from "./tenancy";

export const ALERT_STATUSES = ["new", "acknowledged", "escalated", "closed"] as const;
export const VERDICTS = ["true_positive", "false_positive", "benign", "duplicate"] as const;
export const INCIDENT_STATUSES = [
  "triage",
  "investigating",
  "waiting_on_customer",
  "contained",
  "eradicated",
  "recovered",
  "closed",
] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];
/**
 * Every status but closed, spelled out: `status in (…)` lets the planner use the status indexes, where
 * `status <> 'closed'` reads every incident (500,000 of them at scale, nearly all closed).
 */
export const OPEN_INCIDENT_STATUSES = INCIDENT_STATUSES.filter(
  (s): s is Exclude<IncidentStatus, "closed"> => s !== "closed",
);

/**
 * One vendor alert, deduplicated within its customer by `dedup_key` (through `alert_keys`); the raw payload kept whole.
 *
 * Partitioned by month of `received_at` (UTC), by hand in migration 0032 (drizzle-kit models no partitioning): one
 * table per month, `alerts_YYYY_MM`, made two months ahead by `wk_ensure_alert_partitions` (the daily
 * `alert-partitions` job), and `alerts_default` for anything outside them. A unique key on a partitioned table must
 * hold the partition key, so the primary key is (id, received_at) and the dedup key lives in `alert_keys`.
 * `received_at` never changes after insert. See docs/architecture.md, "Alerts by month".
 */
export const alerts = pgTable(
  "alerts",
  {
    id: uuid().notNull().defaultRandom(),
    customerId: uuid()
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    // The sensor is checked together with the customer by alerts_sensor_tenant_fk (migration 0012: the pair must be a
    // sensor of this customer; deleting the sensor sets sensor_id null), so no single-column key: one trigger less per
    // row on the intake's hot path.
    sensorId: uuid(),
    /** The key that delivered it first (provenance; intake is not in the audit log, its keys' lifecycle is). */
    apiKeyId: uuid(),
    source: text({ enum: SOURCE_FORMATS }).notNull(),
    dedupKey: text().notNull(),
    vendorAlertId: text(),
    vendorStatus: text(),
    product: text(),
    title: text().notNull(),
    description: text(),
    severity: smallint().notNull(),
    vendorSeverity: text(),
    eventTime: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    originalEventTime: timestamp({ withTimezone: true, precision: 3 }),
    clockSkew: boolean().notNull().default(false),
    vendorCreatedAt: timestamp({ withTimezone: true, precision: 3 }),
    receivedAt: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    lastSeenAt: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    occurrences: integer().notNull().default(1),
    techniques: text().array().notNull().default(sql`'{}'::text[]`),
    tactics: text().array().notNull().default(sql`'{}'::text[]`),
    entities: jsonb().notNull(),
    truncated: text().array().notNull().default(sql`'{}'::text[]`),
    /** The vendor's payload as its JSON text, verbatim (`jsonText`). */
    raw: jsonText().notNull(),
    /** When the raw payload was dropped by the retention job (`raw` is then `{}`); the normalised alert stays. */
    rawPrunedAt: timestamp({ withTimezone: true }),
    status: text({ enum: ALERT_STATUSES }).notNull().default("new"),
    verdict: text({ enum: VERDICTS }),
    verdictReason: text(),
    assigneeId: text().references(() => user.id, { onDelete: "set null" }),
    acknowledgedAt: timestamp({ withTimezone: true }),
    acknowledgedBy: text().references(() => user.id, { onDelete: "set null" }),
    triagedAt: timestamp({ withTimezone: true }),
    incidentId: uuid(),
  },
  (t) => [
    primaryKey({ name: "alerts_pkey", columns: [t.id, t.receivedAt] }),
    index("alerts_customer_received_idx").on(t.customerId, t.receivedAt),
    index("alerts_queue_idx").on(t.status, t.receivedAt),
    // The queue as it opens (server/alerts/queries.ts pageKeys): open alerts in no incident, most severe then oldest
    // first, read as far as the page reaches; and the few open alerts in an incident, sorted by their SLA.
    index("alerts_open_loose_idx")
      .on(t.severity.desc().nullsFirst(), t.receivedAt, t.id)
      .where(sql`${t.status} in ('new', 'acknowledged') and ${t.incidentId} is null`),
    index("alerts_open_attached_idx")
      .on(t.incidentId)
      .where(sql`${t.status} in ('new', 'acknowledged') and ${t.incidentId} is not null`),
    // Who holds which alerts (the manager's home, per analyst): only acknowledged ones, so the intake writes none.
    index("alerts_acknowledged_idx").on(t.assigneeId).where(sql`${t.status} = 'acknowledged'`),
    // Only alerts in an incident: a new alert (none is, at intake) costs no entry in it.
    index("alerts_incident_idx").on(t.incidentId).where(sql`${t.incidentId} is not null`),
    // The retention job's candidates: only payloads still held (received_at never changes, so intake updates stay HOT).
    index("alerts_raw_held_idx").on(t.receivedAt).where(sql`${t.rawPrunedAt} is null`),
  ],
);

/**
 * The dedup key of every alert, unique per customer: what `alerts_dedup_key` was before alerts were partitioned (a
 * unique index there would have to hold received_at, so it could no longer say "one alert per key" across months).
 * Points at its alert by (id, received_at), the alerts' primary key, so the intake's upsert reaches the alert's own
 * partition. Written in the same statement as its alert (`upsertAlerts`); one row per alert, always (the tests' database
 * teardown and the scale build's checks verify it). No foreign key to alerts: its check would cost every new alert an
 * index probe and a row lock on the intake's hot path.
 */
export const alertKeys = pgTable(
  "alert_keys",
  {
    customerId: uuid()
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    dedupKey: text().notNull(),
    alertId: uuid().notNull(),
    receivedAt: timestamp({ withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [primaryKey({ name: "alert_keys_pkey", columns: [t.customerId, t.dedupKey] })],
);

export const incidents = pgTable(
  "incidents",
  {
    id: id(),
    customerId: uuid()
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    /** Per-customer running number, shown as e.g. HAL-42. */
    number: integer().notNull(),
    title: text().notNull(),
    summary: text(),
    severity: smallint().notNull(),
    severityOverride: smallint(),
    severityReason: text(),
    status: text({ enum: INCIDENT_STATUSES }).notNull().default("triage"),
    /** The status to return to when the customer answers. */
    resumeStatus: text({ enum: INCIDENT_STATUSES }),
    assigneeId: text().references(() => user.id, { onDelete: "set null" }),
    visibleToCustomer: boolean().notNull().default(false),
    /**
     * When the earliest of its alerts arrived (attaching an alert keeps the least): no alert of the incident was received
     * before it, so reads of an incident's alerts search only the months from then on (alerts are partitioned by month).
     */
    firstAlertReceivedAt: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    firstVendorCreatedAt: timestamp({ withTimezone: true, precision: 3 }),
    firstEventTime: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    latestEventTime: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    acknowledgedAt: timestamp({ withTimezone: true }),
    customerNotifiedAt: timestamp({ withTimezone: true }),
    containedAt: timestamp({ withTimezone: true }),
    resolvedAt: timestamp({ withTimezone: true }),
    closedAt: timestamp({ withTimezone: true }),
    closeReason: text(),
    /** The contract version in force when the incident opened: its SLA is measured against it. */
    contractVersionId: uuid(),
    createdBy: text().references(() => user.id, { onDelete: "set null" }),
    /**
     * The side and time of the newest timeline entry by a person (staff or customer; the system's own entries do not
     * count): kept by a trigger on incident_events (migration 0035), so "the customer's word is the latest: they wait
     * on us" is one indexed read rather than a probe of every open incident's timeline.
     */
    lastWordSide: text({ enum: ["staff", "customer"] }),
    lastWordAt: timestamp({ withTimezone: true, precision: 3 }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("incidents_number_key").on(t.customerId, t.number),
    index("incidents_customer_waiting_idx")
      .on(t.lastWordAt, t.id)
      .where(sql`${t.lastWordSide} = 'customer' and ${t.status} <> 'closed'`),
    index("incidents_customer_status_idx").on(t.customerId, t.status, t.latestEventTime),
    index("incidents_status_idx").on(t.status, t.createdAt),
    // A customer's incidents opened since an instant (the posture score's threats, the recommendation rules): the
    // largest customer's last 60 days read all its 5,400 incidents without it.
    index("incidents_customer_created_idx").on(t.customerId, t.createdAt),
  ],
);

/** Correlation index: the entity keys of an incident's alerts (host:…, hostid:…, ip:…, user:…, extip:…). */
export const incidentEntities = pgTable(
  "incident_entities",
  {
    customerId: uuid().notNull(),
    incidentId: uuid()
      .notNull()
      .references(() => incidents.id, { onDelete: "cascade" }),
    key: text().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.incidentId, t.key] }),
    index("incident_entities_lookup_idx").on(t.customerId, t.key),
  ],
);

export const TIMELINE_KINDS = [
  "opened",
  "status",
  "alert_added",
  "note",
  "comment",
  "severity",
  "assigned",
  "task",
  "observable",
  "technique",
  "action_requested",
  "action_decided",
  "question",
  "answer",
  "notified",
  "visibility",
] as const;

/** Every change and note, in order; `visibility` decides whether the customer sees it. */
export const incidentEvents = pgTable(
  "incident_events",
  {
    id: id(),
    customerId: uuid().notNull(),
    incidentId: uuid()
      .notNull()
      .references(() => incidents.id, { onDelete: "cascade" }),
    at: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
    kind: text({ enum: TIMELINE_KINDS }).notNull(),
    visibility: text({ enum: ["internal", "customer"] }).notNull(),
    actorType: text({ enum: ["user", "api_key", "system"] }).notNull(),
    actorId: text(),
    actorLabel: text().notNull(),
    /** Which side the actor was on, so the portal can show "Northwatch SOC" vs the customer's own people. */
    actorSide: text({ enum: ["staff", "customer", "system"] }).notNull(),
    body: text(),
    data: jsonb().$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index("incident_events_incident_idx").on(t.customerId, t.incidentId, t.at)],
);

export const incidentTechniques = pgTable(
  "incident_techniques",
  {
    customerId: uuid().notNull(),
    incidentId: uuid()
      .notNull()
      .references(() => incidents.id, { onDelete: "cascade" }),
    techniqueId: text().notNull(),
    source: text({ enum: ["alert", "analyst"] }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.incidentId, t.techniqueId] }),
    index("incident_techniques_customer_idx").on(t.customerId),
  ],
);

export const incidentTasks = pgTable(
  "incident_tasks",
  {
    id: id(),
    customerId: uuid().notNull(),
    incidentId: uuid()
      .notNull()
      .references(() => incidents.id, { onDelete: "cascade" }),
    title: text().notNull(),
    ownerId: text().references(() => user.id, { onDelete: "set null" }),
    status: text({ enum: ["open", "done"] })
      .notNull()
      .default("open"),
    dueAt: timestamp({ withTimezone: true }),
    doneAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [index("incident_tasks_incident_idx").on(t.customerId, t.incidentId)],
);

export const OBSERVABLE_KINDS = ["ip", "domain", "url", "hash", "host", "user", "process", "email", "file"] as const;

export const observables = pgTable(
  "observables",
  {
    id: id(),
    customerId: uuid().notNull(),
    incidentId: uuid()
      .notNull()
      .references(() => incidents.id, { onDelete: "cascade" }),
    kind: text({ enum: OBSERVABLE_KINDS }).notNull(),
    value: text().notNull(),
    source: text({ enum: ["alert", "analyst"] }).notNull(),
    isIoc: boolean().notNull().default(false),
    note: text(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("observables_value_key").on(t.incidentId, t.kind, t.value),
    index("observables_customer_idx").on(t.customerId, t.incidentId),
  ],
);

export const ACTION_KINDS = ["isolate_host", "disable_account", "block_indicator", "other"] as const;
export const ACTION_STATUSES = ["requested", "approved", "declined", "executed", "cancelled"] as const;

/** A response action the provider asks the customer to approve (or records as taken under the contract). */
export const responseActions = pgTable(
  "response_actions",
  {
    id: id(),
    customerId: uuid().notNull(),
    incidentId: uuid()
      .notNull()
      .references(() => incidents.id, { onDelete: "cascade" }),
    kind: text({ enum: ACTION_KINDS }).notNull(),
    target: text().notNull(),
    reason: text().notNull(),
    status: text({ enum: ACTION_STATUSES }).notNull().default("requested"),
    requestedBy: text().references(() => user.id, { onDelete: "set null" }),
    requestedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    decidedBy: text().references(() => user.id, { onDelete: "set null" }),
    decidedAt: timestamp({ withTimezone: true }),
    decisionNote: text(),
    executedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index("response_actions_incident_idx").on(t.customerId, t.incidentId),
    // The manager's home: approvals answered and not yet carried out, declines of the last day (not every action ever).
    index("response_actions_answered_idx").on(t.status, t.decidedAt),
  ],
);
