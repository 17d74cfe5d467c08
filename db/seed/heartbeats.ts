import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { apiKeys, sensors } from "@/db/schema";
import { latestHeartbeats } from "@/server/demo/queries";
import { type IntakeAuth, recordHeartbeat } from "@/server/ingest/service";
import type { SourceFormat } from "@/server/ingest/types";
import { mintTenantId } from "@/server/tenancy/tenant";
import type * as data from "./data";

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
/** Older history goes straight into the hourly rows; this recent slice goes through the real heartbeat path. */
const LIVE_SLICE_MS = HOUR;
const HISTORY_DAYS = 62;

type Sensor = (typeof data.customers)[number]["sensors"][number];

/** When a sensor's last heartbeat was, for one deliberately silent. */
export function lastBeatOf(s: Sensor, now: number): number | null {
  return s.silentForHours ? now - s.silentForHours * HOUR : null;
}

/**
 * Heartbeat history of a customer's sensors every 5 minutes: hourly rows bulk-inserted for the past two months (one
 * statement per sensor), then the last one to two hours (from the start of the hour before) through `recordHeartbeat`,
 * the heartbeat endpoint's own code. `quietFrom` stops a sensor early (it went silent); `outage` leaves a hole in its history.
 */
export async function seedHeartbeats(
  db: Db,
  sensors: readonly Sensor[],
  auths: IntakeAuth[],
  now: number,
  quietFrom: (a: IntakeAuth) => number | null,
) {
  const liveFrom = Math.floor((now - LIVE_SLICE_MS) / HOUR) * HOUR;
  for (const [i, a] of auths.entries()) {
    const s = sensors[i]!;
    const offset = (i * 73_000) % (5 * MIN);
    const stop = Math.min(quietFrom(a) ?? now, lastBeatOf(s, now) ?? now);
    const start = Math.floor((now - HISTORY_DAYS * DAY) / HOUR) * HOUR;
    const bulkEnd = Math.min(liveFrom, Math.floor(stop / HOUR) * HOUR);
    const hole = s.outage
      ? { from: now - s.outage.daysAgo * DAY, to: now - s.outage.daysAgo * DAY + s.outage.minutes * MIN }
      : null;
    await db.execute(sql`
      insert into sensor_heartbeat_hours (customer_id, sensor_id, hour, first_at, last_at, beats, gaps)
      select ${a.tenant}, ${a.sensorId}, h, h + ${`${offset} milliseconds`}::interval,
        h + ${`${offset + 55 * MIN} milliseconds`}::interval, 12, '[]'::jsonb
      from generate_series(${new Date(start).toISOString()}::timestamptz,
        ${new Date(bulkEnd - HOUR).toISOString()}::timestamptz, interval '1 hour') h
      where ${hole === null} or h + interval '1 hour' <= ${new Date(hole?.from ?? 0).toISOString()}::timestamptz
        or h >= ${new Date(hole?.to ?? 0).toISOString()}::timestamptz`);
    // The recent slice (and the last hour before a sensor went quiet), beat by beat through the real code.
    const body = { version: s.version, eventsPerSecond: 40 + ((i * 37) % 400), hostCount: s.hosts };
    for (let t = bulkEnd + offset; t < stop; t += 5 * MIN) await recordHeartbeat(db, a, body, new Date(t));
    if (stop < now) await recordHeartbeat(db, a, body, new Date(stop));
  }
}

/**
 * The minutes the seed itself took (its facts are dated up to `now`, its start): the sensors alive at `now` go on
 * beating through the real heartbeat path up to the seed's real end, so the server never starts with healthy sensors
 * gone silent while the seed ran (only the deliberately silent ones are). Alive: last beat within three intervals.
 */
export async function catchUpHeartbeats(db: Db, now: Date): Promise<number> {
  const end = Date.now();
  const latest = new Map((await latestHeartbeats(db)).map((h) => [h.sensorId, h]));
  const rows = await db
    .selectDistinctOn([sensors.id], {
      id: sensors.id,
      customerId: sensors.customerId,
      format: sensors.sourceFormat,
      last: sensors.lastHeartbeatAt,
      interval: sensors.heartbeatIntervalSeconds,
      keyId: apiKeys.id,
    })
    .from(sensors)
    .innerJoin(apiKeys, and(eq(apiKeys.sensorId, sensors.id), eq(apiKeys.customerId, sensors.customerId)))
    .orderBy(sensors.id, apiKeys.createdAt);
  let sent = 0;
  for (const s of rows) {
    const every = s.interval * 1000;
    if (!s.last || now.getTime() - s.last.getTime() > 3 * every) continue;
    const auth: IntakeAuth = {
      keyId: s.keyId,
      tenant: mintTenantId(s.customerId),
      sensorId: s.id,
      sourceFormat: s.format as SourceFormat,
    };
    const h = latest.get(s.id);
    const body = {
      ...(h?.version ? { version: h.version } : {}),
      ...(h?.eventsPerSecond != null ? { eventsPerSecond: h.eventsPerSecond } : {}),
      ...(h?.hostCount != null ? { hostCount: h.hostCount } : {}),
    };
    let t = s.last.getTime() + every;
    for (; t <= end; t += every, sent++) await recordHeartbeat(db, auth, body, new Date(t));
    if (t - every < end - 1000) {
      await recordHeartbeat(db, auth, body, new Date(end));
      sent++;
    }
  }
  return sent;
}
