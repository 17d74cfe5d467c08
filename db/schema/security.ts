import { integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Failed sign-in and two-factor attempts, counted per account ("signin:<email>", "2fa:<user id>") and per client
 * address ("ip:<address>"). Successes never count here, so people behind one NAT do not use up each other's budget.
 * Not tenant-owned: a key names an address or an account before anyone is signed in.
 */
export const signInFailures = pgTable("sign_in_failures", {
  key: text().primaryKey(),
  failures: integer().notNull(),
  windowStartedAt: timestamp({ withTimezone: true }).notNull(),
  lockedUntil: timestamp({ withTimezone: true }),
});
