import { hashPassword } from "better-auth/crypto";
import { eq, inArray } from "drizzle-orm";
import { Temporal } from "temporal-polyfill";
import type { Db } from "@/db";
import {
  account,
  memberships,
  rosterMembers,
  rosterOverrides,
  rosters,
  rosterTeams,
  shiftSwaps,
  staffProfiles,
  timeOff,
  user,
} from "@/db/schema";
import { DEMO_PASSWORD } from "./data";

/**
 * Three follow-the-sun rosters covering 24/7 (Chicago 4-on-4-off day/night as the 24/7 spine, Berlin and Singapore on
 * the 2-2-3 Panama cycle for their day), 26 analysts with levels and skills, some time off and swaps, and one gap in the
 * next two weeks: a Chicago day team's network-skilled analysts are off on a weekend, uncovered in the evening. The anchor lies
 * in the past, so the patterns also cover the seeded history and its breaches are attributed. Bulk inserts only.
 */
type P = { name: string; level: number; skills: string[]; languages: string[] };
const ALL = ["endpoint", "network", "cloud", "log"];
const CHICAGO: P[][] = [
  [
    { name: "Jordan Hayes", level: 3, skills: ALL, languages: ["en"] },
    { name: "Priya Nair", level: 1, skills: ["endpoint", "network", "log"], languages: ["en", "hi"] },
    { name: "Owen Park", level: 1, skills: ["endpoint", "log"], languages: ["en"] },
  ],
  [
    { name: "Marcus Bell", level: 2, skills: [...ALL, "identity"], languages: ["en"] },
    { name: "Sofia Ruiz", level: 1, skills: ["endpoint", "network", "log"], languages: ["en", "es"] },
    { name: "Liam Walsh", level: 1, skills: ["endpoint", "log"], languages: ["en"] },
  ],
  [
    { name: "Ethan Cole", level: 2, skills: ALL, languages: ["en"] },
    { name: "Grace Kim", level: 1, skills: ["endpoint", "network", "log"], languages: ["en", "ko"] },
    { name: "Noah Brooks", level: 1, skills: ["endpoint", "log"], languages: ["en"] },
  ],
  [
    { name: "Tyrone Banks", level: 2, skills: ["endpoint", "network", "cloud", "identity"], languages: ["en"] },
    { name: "Hannah Lee", level: 1, skills: ["endpoint", "network", "log"], languages: ["en"] },
    { name: "Ava Turner", level: 1, skills: ["endpoint", "log"], languages: ["en"] },
  ],
];
const BERLIN: P[][] = [
  [
    { name: "Lukas Brandt", level: 2, skills: ["endpoint", "network", "log"], languages: ["de", "en"] },
    { name: "Anna Schmidt", level: 1, skills: ["endpoint", "cloud"], languages: ["de", "en"] },
    { name: "Jonas Weber", level: 1, skills: ["log", "identity"], languages: ["de", "en"] },
  ],
  [
    { name: "Diego Alvarez", level: 3, skills: ALL, languages: ["es", "en", "de"] },
    { name: "Lea Fischer", level: 1, skills: ["endpoint", "network"], languages: ["de", "en"] },
    { name: "Paul Wagner", level: 2, skills: ["cloud", "identity", "log"], languages: ["de", "en", "fr"] },
  ],
  [
    { name: "Claire Dubois", level: 2, skills: ["endpoint", "identity"], languages: ["fr", "en"] },
    { name: "Tomasz Nowak", level: 1, skills: ["network", "log"], languages: ["pl", "en"] },
  ],
];
const SINGAPORE: P[][] = [
  [
    { name: "Mei Tanaka", level: 2, skills: ["endpoint", "cloud", "network"], languages: ["ja", "en"] },
    { name: "Wei Ling Tan", level: 1, skills: ["endpoint", "log"], languages: ["zh", "en"] },
    { name: "Arjun Mehta", level: 1, skills: ["network", "identity"], languages: ["en", "hi"] },
  ],
  [
    { name: "Siti Rahman", level: 3, skills: ALL, languages: ["ms", "en"] },
    { name: "Kenji Sato", level: 1, skills: ["endpoint", "cloud"], languages: ["ja", "en"] },
    { name: "Daniel Lim", level: 1, skills: ["network", "log"], languages: ["zh", "en"] },
  ],
];
const PANAMA = [true, true, false, false, true, true, true, false, false, true, true, false, false, false];

const emailOf = (name: string) => `${name.toLowerCase().replace(/[^a-z]+/g, ".")}@northwatch.example`;

export async function seedRoster(db: Db, now: Date) {
  const anchorBerlin = Temporal.Instant.fromEpochMilliseconds(now.getTime())
    .toZonedDateTimeISO("Europe/Berlin")
    .toPlainDate()
    .subtract({ days: 200 });
  const anchor = anchorBerlin.toString();
  // People: the analysts already seeded keep their accounts; the others get one with the demo password (one hash).
  const everyone = [...CHICAGO, ...BERLIN, ...SINGAPORE].flat();
  const existing = await db
    .select({ id: user.id, email: user.email })
    .from(user)
    .where(
      inArray(
        user.email,
        everyone.map((p) => emailOf(p.name)),
      ),
    );
  const idOf = new Map(existing.map((u) => [u.email, u.id]));
  const hash = await hashPassword(DEMO_PASSWORD);
  const fresh = everyone
    .filter((p) => !idOf.has(emailOf(p.name)))
    .map((p) => ({ id: crypto.randomUUID(), name: p.name, email: emailOf(p.name), emailVerified: true }));
  if (fresh.length) {
    await db.insert(user).values(fresh);
    await db.insert(account).values(
      fresh.map((u) => ({
        id: crypto.randomUUID(),
        accountId: u.id,
        providerId: "credential",
        userId: u.id,
        password: hash,
      })),
    );
    await db
      .insert(memberships)
      .values(fresh.map((u) => ({ userId: u.id, customerId: null, role: "analyst" as const })));
    for (const u of fresh) idOf.set(u.email, u.id);
  }
  const id = (name: string) => idOf.get(emailOf(name))!;
  await db.insert(staffProfiles).values(
    everyone.map((p) => ({
      userId: id(p.name),
      level: p.level,
      skills: p.skills as "endpoint"[],
      languages: p.languages,
    })),
  );

  const [chicago, berlin, singapore] = await db
    .insert(rosters)
    .values([
      {
        name: "Chicago (AMER)",
        timeZone: "America/Chicago",
        anchor,
        cycleLength: 16,
        slots: [
          { id: "day", name: "Day", start: "07:00", end: "19:00" },
          { id: "night", name: "Night", start: "19:00", end: "07:00" },
        ],
      },
      {
        name: "Berlin (EMEA)",
        timeZone: "Europe/Berlin",
        anchor,
        cycleLength: 14,
        slots: [
          { id: "emea", name: "EMEA day", start: "07:00", end: "17:00" },
          { id: "office", name: "Office", start: "09:00", end: "17:00" },
        ],
      },
      {
        name: "Singapore (APAC)",
        timeZone: "Asia/Singapore",
        anchor,
        cycleLength: 14,
        slots: [{ id: "apac", name: "APAC day", start: "08:00", end: "18:00" }],
      },
    ])
    .returning();
  const four = ["day", "day", "day", "day", "night", "night", "night", "night", ...Array(8).fill(null)] as (
    | string
    | null
  )[];
  const rot = (k: number) => four.map((_, i) => four[(i - k + 16) % 16] ?? null);
  const panama = (slot: string, on: boolean) => PANAMA.map((x) => (x === on ? slot : null));
  const office = ["office", "office", "office", "office", "office", null, null];
  // The anchor's weekday decides where the office days fall: shift the Monday–Friday row onto it.
  const dow = anchorBerlin.dayOfWeek - 1;
  const weekdays = [...office, ...office].map((_, i) => office[(i + dow) % 7] ?? null);
  const teamRows = [
    ...CHICAGO.map((_, k) => ({ rosterId: chicago!.id, name: `Chicago ${"ABCD"[k]}`, position: k, cycle: rot(k * 4) })),
    { rosterId: berlin!.id, name: "Berlin A", position: 0, cycle: panama("emea", true) },
    { rosterId: berlin!.id, name: "Berlin B", position: 1, cycle: panama("emea", false) },
    { rosterId: berlin!.id, name: "Berlin office", position: 2, cycle: weekdays },
    { rosterId: singapore!.id, name: "Singapore A", position: 0, cycle: panama("apac", true) },
    { rosterId: singapore!.id, name: "Singapore B", position: 1, cycle: panama("apac", false) },
  ];
  const teams = await db.insert(rosterTeams).values(teamRows).returning();
  const groups = [...CHICAGO, ...BERLIN, ...SINGAPORE];
  await db
    .insert(rosterMembers)
    .values(teams.flatMap((t, i) => groups[i]!.map((p) => ({ teamId: t.id, userId: id(p.name) }))));

  await seedChanges(db, now, { chicago: chicago!, teams, id });
  return { rosters: 3, analysts: everyone.length };
}

async function seedChanges(
  db: Db,
  now: Date,
  x: { chicago: typeof rosters.$inferSelect; teams: (typeof rosterTeams.$inferSelect)[]; id: (name: string) => string },
) {
  const { id } = x;
  const manager =
    (await db.select({ id: user.id }).from(user).where(eq(user.email, "manager@northwatch.example")))[0]?.id ?? null;
  const tz = "America/Chicago";
  const today = Temporal.Instant.fromEpochMilliseconds(now.getTime()).toZonedDateTimeISO(tz).toPlainDate();
  // The gap: the first weekend day 3–14 days ahead, the Chicago day team's two network-skilled analysts are off (a
  // training weekend). From Berlin's close (16:00 UTC) to Singapore's start (00:00 UTC) only Chicago is on: network and
  // cloud are missing and one analyst is left.
  const anchor = Temporal.PlainDate.from(x.chicago.anchor);
  const chicagoTeams = x.teams.filter((t) => t.rosterId === x.chicago.id);
  let gapDate = today.add({ days: 3 });
  let gapTeam = chicagoTeams[0]!;
  for (let i = 3; i < 15; i++) {
    const d = today.add({ days: i });
    const cycleDay = ((anchor.until(d).days % 16) + 16) % 16;
    const team = chicagoTeams.find((t) => t.cycle[cycleDay] === "day");
    if (d.dayOfWeek >= 6 && team) {
      gapDate = d;
      gapTeam = team;
      break;
    }
  }
  const away = CHICAGO[chicagoTeams.indexOf(gapTeam)]!.slice(0, 2).map((p) => p.name);
  const at = (d: Temporal.PlainDate, hhmm: string) =>
    new Date(d.toPlainDateTime(hhmm).toZonedDateTime(tz).epochMilliseconds);
  const day = 86_400_000;
  await db.insert(timeOff).values([
    ...away.map((name) => ({
      userId: id(name),
      startsAt: at(gapDate, "06:00"),
      endsAt: at(gapDate, "20:00"),
      reason: "Cloud forensics training",
      status: "approved" as const,
      decidedBy: manager,
      decidedAt: new Date(now.getTime() - 3 * day),
    })),
    {
      userId: id("Anna Schmidt"),
      startsAt: new Date(now.getTime() + 20 * day),
      endsAt: new Date(now.getTime() + 27 * day),
      reason: "Holiday",
      status: "approved",
      decidedBy: manager,
      decidedAt: new Date(now.getTime() - 5 * day),
    },
    {
      userId: id("Kenji Sato"),
      startsAt: new Date(now.getTime() + 9 * day),
      endsAt: new Date(now.getTime() + 10 * day),
      reason: "Moving flat",
      status: "requested",
    },
    {
      userId: id("Lukas Brandt"),
      startsAt: new Date(now.getTime() + 33 * day),
      endsAt: new Date(now.getTime() + 40 * day),
      reason: "Ski week",
      status: "requested",
    },
  ]);
  // Swaps between the two Singapore teams: one approved (two replaces), one accepted and waiting, one just asked.
  const sgA = x.teams.find((t) => t.name === "Singapore A")!;
  const sgB = x.teams.find((t) => t.name === "Singapore B")!;
  const sgAnchor = Temporal.PlainDate.from(x.chicago.anchor);
  const sgToday = Temporal.Instant.fromEpochMilliseconds(now.getTime())
    .toZonedDateTimeISO("Asia/Singapore")
    .toPlainDate();
  const workDays = (team: typeof sgA, from: number) =>
    Array.from({ length: 30 }, (_, i) => sgToday.add({ days: from + i })).filter(
      (d) => team.cycle[((sgAnchor.until(d).days % 14) + 14) % 14] === "apac",
    );
  const [a1, a2, a3] = workDays(sgA, 2);
  const [b1, b2, b3] = workDays(sgB, 2);
  const swaps = await db
    .insert(shiftSwaps)
    .values([
      {
        rosterId: sgA.rosterId,
        requesterId: id("Wei Ling Tan"),
        requesterTeamId: sgA.id,
        requesterDate: a1!.toString(),
        requesterSlotId: "apac",
        counterpartId: id("Kenji Sato"),
        counterpartTeamId: sgB.id,
        counterpartDate: b1!.toString(),
        counterpartSlotId: "apac",
        status: "approved",
        note: "Exam day",
        decidedBy: manager,
        decidedAt: new Date(now.getTime() - day),
      },
      {
        rosterId: sgA.rosterId,
        requesterId: id("Arjun Mehta"),
        requesterTeamId: sgA.id,
        requesterDate: a2!.toString(),
        requesterSlotId: "apac",
        counterpartId: id("Daniel Lim"),
        counterpartTeamId: sgB.id,
        counterpartDate: b2!.toString(),
        counterpartSlotId: "apac",
        status: "accepted",
        note: "Doctor's appointment",
      },
      {
        rosterId: sgA.rosterId,
        requesterId: id("Mei Tanaka"),
        requesterTeamId: sgA.id,
        requesterDate: a3!.toString(),
        requesterSlotId: "apac",
        counterpartId: id("Siti Rahman"),
        counterpartTeamId: sgB.id,
        counterpartDate: b3!.toString(),
        counterpartSlotId: "apac",
        status: "requested",
      },
    ])
    .returning();
  const s = swaps[0]!;
  await db.insert(rosterOverrides).values([
    {
      rosterId: s.rosterId,
      teamId: s.requesterTeamId,
      date: s.requesterDate,
      slotId: "apac",
      kind: "replace",
      userId: s.requesterId,
      replacementId: s.counterpartId,
      swapId: s.id,
      createdBy: manager,
    },
    {
      rosterId: s.rosterId,
      teamId: s.counterpartTeamId,
      date: s.counterpartDate,
      slotId: "apac",
      kind: "replace",
      userId: s.counterpartId,
      replacementId: s.requesterId,
      swapId: s.id,
      createdBy: manager,
    },
    {
      rosterId: x.chicago.id,
      teamId: x.teams.find((t) => t.name === "Chicago A")!.id,
      date: today.add({ days: 4 }).toString(),
      slotId: "day",
      kind: "add",
      replacementId: id("Claire Dubois"),
      note: "Shadowing the AMER desk",
      createdBy: manager,
    },
  ]);
}
