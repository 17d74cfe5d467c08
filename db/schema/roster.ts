import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { user } from "./auth";
import { createdAt, id, timestamps } from "./columns";

/**
 * Analyst rosters (roster-rules.md). Provider-owned: no customer_id anywhere here; demand is read from the contracts.
 * Shift instances are never stored: they are expanded from the pattern, then overrides and time off are applied.
 */
export const STAFF_SKILLS = ["endpoint", "network", "cloud", "identity", "log"] as const;

export const staffProfiles = pgTable(
  "staff_profiles",
  {
    userId: text()
      .primaryKey()
      .references(() => user.id, { onDelete: "cascade" }),
    level: smallint().notNull().default(1),
    skills: text({ enum: STAFF_SKILLS }).array().notNull().default(sql`'{}'::text[]`),
    languages: text().array().notNull().default(sql`'{}'::text[]`),
    /** sha256 of the secret in the analyst's iCal feed URL; rotating replaces it. */
    calendarTokenHash: text(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("staff_profiles_calendar_token_key").on(t.calendarTokenHash),
    check("staff_profiles_level", sql`${t.level} between 1 and 3`),
  ],
);

export type SlotJson = { id: string; name: string; start: string; end: string };

export const rosters = pgTable("rosters", {
  id: id(),
  name: text().notNull(),
  timeZone: text().notNull(),
  anchor: date().notNull(),
  cycleLength: integer().notNull(),
  slots: jsonb().$type<SlotJson[]>().notNull(),
  /** Bumped on every edit of the pattern: iCal SEQUENCE of every instance of the roster includes it. */
  revision: integer().notNull().default(0),
  ...timestamps,
});

export const rosterTeams = pgTable(
  "roster_teams",
  {
    id: id(),
    rosterId: uuid()
      .notNull()
      .references(() => rosters.id, { onDelete: "cascade" }),
    name: text().notNull(),
    position: integer().notNull().default(0),
    /** Per cycle day: the slot id worked, or null (off). */
    cycle: jsonb().$type<(string | null)[]>().notNull(),
  },
  (t) => [index("roster_teams_roster_idx").on(t.rosterId)],
);

export const rosterMembers = pgTable(
  "roster_members",
  {
    teamId: uuid()
      .notNull()
      .references(() => rosterTeams.id, { onDelete: "cascade" }),
    userId: text()
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.userId] }), index("roster_members_user_idx").on(t.userId)],
);

export const OVERRIDE_KINDS = ["replace", "add", "remove"] as const;

/** One change to one shift instance, named by (team, local start date, slot); applied in creation order. */
export const rosterOverrides = pgTable(
  "roster_overrides",
  {
    id: id(),
    rosterId: uuid()
      .notNull()
      .references(() => rosters.id, { onDelete: "cascade" }),
    teamId: uuid()
      .notNull()
      .references(() => rosterTeams.id, { onDelete: "cascade" }),
    date: date().notNull(),
    slotId: text().notNull(),
    kind: text({ enum: OVERRIDE_KINDS }).notNull(),
    userId: text().references(() => user.id, { onDelete: "cascade" }),
    replacementId: text().references(() => user.id, { onDelete: "cascade" }),
    swapId: uuid(),
    note: text(),
    createdBy: text().references(() => user.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true, precision: 6 }).notNull().defaultNow(),
  },
  (t) => [index("roster_overrides_roster_idx").on(t.rosterId, t.date)],
);

export const TIME_OFF_STATUSES = ["requested", "approved", "rejected", "cancelled"] as const;

export const timeOff = pgTable(
  "time_off",
  {
    id: id(),
    userId: text()
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }).notNull(),
    reason: text(),
    status: text({ enum: TIME_OFF_STATUSES }).notNull().default("requested"),
    decidedBy: text().references(() => user.id, { onDelete: "set null" }),
    decidedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index("time_off_user_idx").on(t.userId, t.startsAt),
    index("time_off_span_idx").on(t.endsAt, t.startsAt),
    check("time_off_span", sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

export const SWAP_STATUSES = ["requested", "accepted", "approved", "declined", "rejected", "cancelled"] as const;

/** Two replaces agreed by both people and approved by a SOC manager: A gives `date/slot` of `teamId` to B and back. */
export const shiftSwaps = pgTable(
  "shift_swaps",
  {
    id: id(),
    rosterId: uuid()
      .notNull()
      .references(() => rosters.id, { onDelete: "cascade" }),
    requesterId: text()
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    requesterTeamId: uuid().notNull(),
    requesterDate: date().notNull(),
    requesterSlotId: text().notNull(),
    counterpartId: text()
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    counterpartTeamId: uuid().notNull(),
    counterpartDate: date().notNull(),
    counterpartSlotId: text().notNull(),
    status: text({ enum: SWAP_STATUSES }).notNull().default("requested"),
    note: text(),
    decidedBy: text().references(() => user.id, { onDelete: "set null" }),
    decidedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index("shift_swaps_requester_idx").on(t.requesterId),
    index("shift_swaps_counterpart_idx").on(t.counterpartId),
  ],
);

/** The provider's staffing policy (one row), edited by admins in Settings. */
export const rosterSettings = pgTable("roster_settings", {
  id: text().primaryKey().default("provider"),
  minOnDuty: integer().notNull().default(2),
  handlingMinutes: real().notNull().default(10),
  serviceGoal: real().notNull().default(0.9),
  maxOccupancy: real().notNull().default(0.85),
  shrinkageBp: integer().notNull().default(3000),
  autoAssign: boolean().notNull().default(false),
  autoAssignCursor: integer().notNull().default(0),
  ...timestamps,
});

/** A gap whose e-mail went out: claimed by the one instance that inserts the row, keyed by the gap's start. */
export const rosterGapNotices = pgTable("roster_gap_notices", {
  startsAt: timestamp({ withTimezone: true }).primaryKey(),
  endsAt: timestamp({ withTimezone: true }).notNull(),
  reasons: text().array().notNull(),
  notifiedAt: createdAt(),
});
