import { sql } from "drizzle-orm";
import { sensors } from "@/db/schema";

// What the coverage reads share (not exported from the folder's index): when a sensor was last seen, how long it may
// stay quiet, the one silence rule, and a uuid[] literal.

export const lastSeenSql = sql`greatest(${sensors.lastHeartbeatAt}, ${sensors.lastEventAt})`;
export const silentAfterSql = sql`make_interval(secs => 3 * ${sensors.heartbeatIntervalSeconds})`;
/** Unheard for longer than 3 × the sensor's interval at `now` (health.ts `silentAfterMs`): the one silence rule. */
export const quietTooLong = (now: Date) => sql`${now.toISOString()}::timestamptz - ${lastSeenSql} > ${silentAfterSql}`;

/** A list of ids as one array parameter, whatever its length (ids come from the database: uuids). */
export const uuidArray = (ids: readonly string[]) => `{${ids.join(",")}}`;
