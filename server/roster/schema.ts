import { z } from "zod";
import { OVERRIDE_KINDS, STAFF_SKILLS } from "@/db/schema/roster";

/** Inputs of the roster procedures. Instants are bounded to 2000–2100; ranges to 92 days. */
const instant = z.coerce
  .date()
  .refine(
    (d) => d.getTime() >= Date.UTC(2000, 0, 1) && d.getTime() < Date.UTC(2100, 0, 1),
    "Pick a date between 2000 and 2100.",
  );
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Use HH:MM.");
const localDate = z.iso.date("Use a date (YYYY-MM-DD).");
const userId = z.string().min(1).max(100);

/** Skills and languages, as staff profiles hold them and contracts ask for them (one rule for both). */
export const skillList = z
  .array(
    z.enum(STAFF_SKILLS, {
      error: (i) => `Unknown skill "${String(i.input)}": use ${STAFF_SKILLS.join(", ")}.`,
    }),
  )
  .max(20)
  .transform((l) => [...new Set(l)]);
export const languageList = z
  .array(
    z
      .string()
      .regex(/^[a-z]{2}$/, { error: (i) => `"${String(i.input)}" is not a language code: use two letters, e.g. de.` }),
  )
  .max(10, "At most 10 languages.")
  .transform((l) => [...new Set(l)]);

export const rangeInput = z
  .object({ from: instant, to: instant })
  .refine((v) => v.from < v.to, { message: "The range ends before it starts.", path: ["to"] })
  .refine((v) => v.to.getTime() - v.from.getTime() <= 92 * 86_400_000, {
    message: "Ask for at most 92 days.",
    path: ["to"],
  });

export const slotInput = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,24}$/, "Shift ids are 1–24 lower-case letters, digits or dashes."),
  name: z.string().trim().min(1, "Name every shift.").max(40),
  start: hhmm,
  end: hhmm,
});

const cycle = z.array(z.string().max(24).nullable()).min(1).max(56);

const rosterFields = {
  name: z.string().trim().min(1, "Name the roster.").max(80),
  timeZone: z.string().min(1, "Pick a time zone.").max(64),
  anchor: localDate,
  cycleLength: z.number("Give the cycle length in days.").int().min(1, "At least 1 day.").max(56, "At most 56 days."),
  slots: z.array(slotInput).min(1, "Add at least one shift.").max(8, "At most 8 shifts."),
  allowGap: z.boolean().default(false),
};

/** A new roster, optionally with its teams' cycles (members are added per team afterwards). */
export const rosterInput = z.object({
  ...rosterFields,
  teams: z
    .array(z.object({ name: z.string().trim().min(1, "Name every team.").max(40), cycle }))
    .max(12)
    .default([]),
});
/** An edit of a roster; `teams` carries the cycles of existing teams that change with it (length or shifts). */
export const updateRosterInput = z.object({
  ...rosterFields,
  id: z.uuid(),
  teams: z
    .array(z.object({ id: z.uuid(), cycle }))
    .max(12)
    .default([]),
});

export const teamInput = z.object({
  rosterId: z.uuid(),
  id: z.uuid().optional(),
  name: z.string().trim().min(1, "Name the team.").max(40),
  cycle,
  members: z.array(userId).max(60),
  allowGap: z.boolean().default(false),
});

const instanceRef = z.object({ teamId: z.uuid(), date: localDate, slotId: z.string().min(1).max(24) });

export const overrideInput = instanceRef.extend({
  kind: z.enum(OVERRIDE_KINDS),
  userId: userId.optional(),
  replacementId: userId.optional(),
  note: z.string().trim().max(500).optional(),
  allowGap: z.boolean().default(false),
});

export const timeOffInput = z
  .object({ from: instant, to: instant, reason: z.string().trim().max(500).optional() })
  .refine((v) => v.from < v.to, { message: "Time off ends before it starts.", path: ["to"] })
  .refine((v) => v.to.getTime() - v.from.getTime() <= 120 * 86_400_000, {
    message: "Ask for at most 120 days at once.",
    path: ["to"],
  });

export const removeTeamInput = z.object({ id: z.uuid(), allowGap: z.boolean().default(false) });

export const decideInput = z.object({ id: z.uuid(), approve: z.boolean(), allowGap: z.boolean().default(false) });

export const swapInput = z.object({
  mine: instanceRef,
  counterpartId: userId,
  theirs: instanceRef,
  note: z.string().trim().max(500).optional(),
});

export const profileInput = z.object({
  userId,
  level: z.number().int().min(1).max(3),
  skills: skillList,
  languages: languageList,
  allowGap: z.boolean().default(false),
});

const between = (lo: number, hi: number, msg: string) => z.number(msg).min(lo, msg).max(hi, msg);

export const policyInput = z.object({
  minOnDuty: between(0, 50, "A whole number from 0 to 50.").int("A whole number from 0 to 50."),
  handlingMinutes: between(0.5, 240, "From 0.5 to 240 minutes."),
  serviceGoal: between(0.5, 0.999, "From 50 % to 99.9 %."),
  maxOccupancy: between(0.3, 1, "From 30 % to 100 %."),
  shrinkageBp: between(0, 8000, "From 0 % to 80 %, in steps of 0.01 %.").int("From 0 % to 80 %, in steps of 0.01 %."),
  autoAssign: z.boolean(),
});
