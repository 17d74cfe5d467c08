import { z } from "zod";

/**
 * The one date schema for input: instants between the years 2000 and 2100. Anything outside is a typo or an attack,
 * and PostgreSQL would otherwise be asked about the year −5000.
 */
export const MIN_DATE = new Date("2000-01-01T00:00:00Z");
export const MAX_DATE = new Date("2100-12-31T23:59:59.999Z");
const RANGE = "Use a date between the years 2000 and 2100";

export const boundedDate = (message = RANGE) =>
  z.coerce
    .date({ error: "Use a valid date" })
    .refine((d) => d.getTime() >= MIN_DATE.getTime() && d.getTime() <= MAX_DATE.getTime(), { message });

/** A calendar date (YYYY-MM-DD) in the same range. */
export const boundedDay = (message = "Use a date (YYYY-MM-DD)") =>
  z.iso.date(message).refine((s) => s >= "2000-01-01" && s <= "2100-12-31", { message: RANGE });

/** A calendar month (YYYY-MM) in the same range. */
export const boundedMonth = (message = "Use a month as YYYY-MM") =>
  z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, message)
    .refine((s) => s >= "2000-01" && s <= "2100-12", { message: "Use a month between the years 2000 and 2100" });
