import { customType, timestamp, uuid } from "drizzle-orm/pg-core";

/** Column helpers shared by every table. */
export const id = () => uuid().primaryKey().defaultRandom();
export const createdAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();
export const timestamps = {
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date()),
};

/**
 * A JSON document stored as its text, verbatim (a vendor's raw payload is evidence: kept byte for byte as it came, key
 * order and number spelling included, and never parsed by the database, which would cost the intake as much again as
 * the rest of an alert's row). Read back as the parsed value.
 */
export const jsonText = customType<{ data: unknown; driverData: string }>({
  dataType: () => "text",
  toDriver: (value) => JSON.stringify(value),
  fromDriver: (value) => JSON.parse(value),
});
