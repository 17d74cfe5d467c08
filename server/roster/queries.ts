import { and, asc, eq, gte, inArray, isNull, lt, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import {
  contractVersions,
  customers,
  memberships,
  rosterGapNotices,
  rosterMembers,
  rosterOverrides,
  rosterSettings,
  rosters,
  rosterTeams,
  shiftSwaps,
  staffProfiles,
  timeOff,
  user,
} from "@/db/schema";

/** Provider-wide reads and writes of the roster tables (no customer_id: provider-owned, staff-only callers). */

export async function listRosterRows(db: DbOrTx) {
  const [rs, teams, members] = await Promise.all([
    db.select().from(rosters).orderBy(asc(rosters.name)),
    db.select().from(rosterTeams).orderBy(asc(rosterTeams.position), asc(rosterTeams.name)),
    db.select().from(rosterMembers).orderBy(asc(rosterMembers.createdAt), asc(rosterMembers.userId)),
  ]);
  return { rosters: rs, teams, members };
}

export async function findRoster(db: DbOrTx, id: string) {
  const [row] = await db.select().from(rosters).where(eq(rosters.id, id));
  return row ?? null;
}

export async function findTeam(db: DbOrTx, id: string) {
  const [row] = await db.select().from(rosterTeams).where(eq(rosterTeams.id, id));
  return row ?? null;
}

export async function insertRoster(db: DbOrTx, v: typeof rosters.$inferInsert) {
  const [row] = await db.insert(rosters).values(v).returning();
  return row!;
}

export async function updateRoster(db: DbOrTx, id: string, v: Partial<typeof rosters.$inferInsert>) {
  const [row] = await db
    .update(rosters)
    .set({ ...v, revision: sql`${rosters.revision} + 1` })
    .where(eq(rosters.id, id))
    .returning();
  return row ?? null;
}

export async function bumpRosterRevision(db: DbOrTx, id: string) {
  await db
    .update(rosters)
    .set({ revision: sql`${rosters.revision} + 1` })
    .where(eq(rosters.id, id));
}

export async function insertTeam(db: DbOrTx, v: typeof rosterTeams.$inferInsert) {
  const [row] = await db.insert(rosterTeams).values(v).returning();
  return row!;
}

export async function updateTeam(db: DbOrTx, id: string, v: Partial<typeof rosterTeams.$inferInsert>) {
  const [row] = await db.update(rosterTeams).set(v).where(eq(rosterTeams.id, id)).returning();
  return row ?? null;
}

export async function countTeams(db: DbOrTx, rosterId: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(rosterTeams)
    .where(eq(rosterTeams.rosterId, rosterId));
  return row?.n ?? 0;
}

/** A team, its members and its overrides (cascade); swaps name teams by id only and simply stop matching. */
export async function deleteTeam(db: DbOrTx, id: string) {
  await db
    .update(shiftSwaps)
    .set({ status: "cancelled" })
    .where(
      and(
        or(eq(shiftSwaps.requesterTeamId, id), eq(shiftSwaps.counterpartTeamId, id)),
        inArray(shiftSwaps.status, ["requested", "accepted"]),
      ),
    );
  await db.delete(rosterTeams).where(eq(rosterTeams.id, id));
}

export async function setTeamMembers(db: DbOrTx, teamId: string, userIds: string[]) {
  await db.delete(rosterMembers).where(eq(rosterMembers.teamId, teamId));
  if (userIds.length) await db.insert(rosterMembers).values(userIds.map((userId) => ({ teamId, userId })));
}

export async function listOverrides(db: DbOrTx, fromDate: string, toDate: string) {
  return db
    .select()
    .from(rosterOverrides)
    .where(and(gte(rosterOverrides.date, fromDate), lt(rosterOverrides.date, toDate)))
    .orderBy(asc(rosterOverrides.createdAt), asc(rosterOverrides.id));
}

export async function insertOverrides(db: DbOrTx, v: (typeof rosterOverrides.$inferInsert)[]) {
  return db.insert(rosterOverrides).values(v).returning();
}

/** Time off overlapping [from, to) in the given statuses. */
export async function listTimeOff(db: DbOrTx, from: Date, to: Date, statuses: ("requested" | "approved")[]) {
  return db
    .select()
    .from(timeOff)
    .where(
      and(
        lt(timeOff.startsAt, to),
        sql`${timeOff.endsAt} > ${from.toISOString()}::timestamptz`,
        inArray(timeOff.status, statuses),
      ),
    )
    .orderBy(asc(timeOff.startsAt));
}

export async function listTimeOffOf(db: DbOrTx, userId: string, since: Date) {
  return db
    .select()
    .from(timeOff)
    .where(and(eq(timeOff.userId, userId), sql`${timeOff.endsAt} > ${since.toISOString()}::timestamptz`))
    .orderBy(asc(timeOff.startsAt));
}

export async function findTimeOff(db: DbOrTx, id: string) {
  const [row] = await db.select().from(timeOff).where(eq(timeOff.id, id));
  return row ?? null;
}

export async function insertTimeOff(db: DbOrTx, v: typeof timeOff.$inferInsert) {
  const [row] = await db.insert(timeOff).values(v).returning();
  return row!;
}

export async function updateTimeOff(db: DbOrTx, id: string, v: Partial<typeof timeOff.$inferInsert>) {
  const [row] = await db.update(timeOff).set(v).where(eq(timeOff.id, id)).returning();
  return row ?? null;
}

export async function insertSwap(db: DbOrTx, v: typeof shiftSwaps.$inferInsert) {
  const [row] = await db.insert(shiftSwaps).values(v).returning();
  return row!;
}

export async function findSwap(db: DbOrTx, id: string) {
  const [row] = await db.select().from(shiftSwaps).where(eq(shiftSwaps.id, id));
  return row ?? null;
}

export async function updateSwap(db: DbOrTx, id: string, v: Partial<typeof shiftSwaps.$inferInsert>) {
  const [row] = await db.update(shiftSwaps).set(v).where(eq(shiftSwaps.id, id)).returning();
  return row ?? null;
}

/** Swaps a person is part of, or (userId null) every open one. */
export async function listSwaps(db: DbOrTx, userId: string | null) {
  return db
    .select()
    .from(shiftSwaps)
    .where(
      userId
        ? or(eq(shiftSwaps.requesterId, userId), eq(shiftSwaps.counterpartId, userId))
        : inArray(shiftSwaps.status, ["requested", "accepted"]),
    )
    .orderBy(asc(shiftSwaps.createdAt));
}

/** Every provider staff member with their profile (defaults where they have none yet). */
export async function listStaff(db: DbOrTx) {
  return db
    .select({
      userId: user.id,
      name: user.name,
      email: user.email,
      role: memberships.role,
      level: staffProfiles.level,
      skills: staffProfiles.skills,
      languages: staffProfiles.languages,
    })
    .from(memberships)
    .innerJoin(user, eq(user.id, memberships.userId))
    .leftJoin(staffProfiles, eq(staffProfiles.userId, memberships.userId))
    .where(isNull(memberships.customerId))
    .orderBy(asc(user.name));
}

export async function upsertProfile(db: DbOrTx, v: typeof staffProfiles.$inferInsert) {
  const [row] = await db
    .insert(staffProfiles)
    .values(v)
    .onConflictDoUpdate({
      target: staffProfiles.userId,
      set: { level: v.level, skills: v.skills, languages: v.languages, updatedAt: new Date() },
    })
    .returning();
  return row!;
}

export async function setCalendarToken(db: DbOrTx, userId: string, hash: string) {
  await db
    .insert(staffProfiles)
    .values({ userId, calendarTokenHash: hash })
    .onConflictDoUpdate({ target: staffProfiles.userId, set: { calendarTokenHash: hash, updatedAt: new Date() } });
}

/** The staff member a calendar token belongs to (still provider staff). */
export async function findByCalendarToken(db: DbOrTx, hash: string) {
  const [row] = await db
    .select({ userId: staffProfiles.userId, name: user.name, role: memberships.role })
    .from(staffProfiles)
    .innerJoin(user, eq(user.id, staffProfiles.userId))
    .innerJoin(memberships, and(eq(memberships.userId, staffProfiles.userId), isNull(memberships.customerId)))
    .where(eq(staffProfiles.calendarTokenHash, hash));
  return row ?? null;
}

export async function getSettings(db: DbOrTx) {
  const [row] = await db.select().from(rosterSettings).where(eq(rosterSettings.id, "provider"));
  if (row) return row;
  const [created] = await db.insert(rosterSettings).values({}).onConflictDoNothing().returning();
  return created ?? (await db.select().from(rosterSettings).where(eq(rosterSettings.id, "provider")))[0]!;
}

export async function updateSettings(db: DbOrTx, v: Partial<typeof rosterSettings.$inferInsert>) {
  await getSettings(db);
  const [row] = await db.update(rosterSettings).set(v).where(eq(rosterSettings.id, "provider")).returning();
  return row!;
}

/** Advances the round-robin cursor atomically; returns the value before the advance. */
export async function takeAssignCursor(db: DbOrTx) {
  await getSettings(db);
  const [row] = await db
    .update(rosterSettings)
    .set({ autoAssignCursor: sql`${rosterSettings.autoAssignCursor} + 1` })
    .where(eq(rosterSettings.id, "provider"))
    .returning({ cursor: rosterSettings.autoAssignCursor });
  return (row?.cursor ?? 1) - 1;
}

/** Provider-wide (staff only): every contract version of every active customer, for demand. */
export async function listAllContractVersions(db: DbOrTx) {
  return db
    .select({
      customerId: customers.id,
      customerName: customers.name,
      timezone: customers.timezone,
      effectiveFrom: contractVersions.effectiveFrom,
      version: contractVersions.version,
      tier: contractVersions.tier,
      startDate: contractVersions.startDate,
      endDate: contractVersions.endDate,
      autoRenew: contractVersions.autoRenew,
      coverage: contractVersions.coverage,
      slaTargets: contractVersions.slaTargets,
      extraSkills: contractVersions.extraSkills,
      languages: contractVersions.languages,
    })
    .from(contractVersions)
    .innerJoin(customers, eq(customers.id, contractVersions.customerId))
    .where(eq(customers.status, "active"))
    .orderBy(asc(contractVersions.customerId), asc(contractVersions.effectiveFrom), asc(contractVersions.version));
}

/** Claims a gap's e-mail: true for the one caller that inserted the row. */
export async function claimGapNotice(db: DbOrTx, g: { start: Date; end: Date; reasons: string[] }) {
  const rows = await db
    .insert(rosterGapNotices)
    .values({ startsAt: g.start, endsAt: g.end, reasons: g.reasons })
    .onConflictDoNothing()
    .returning({ startsAt: rosterGapNotices.startsAt });
  return rows.length === 1;
}
