/**
 * Before a load run on a data set built hours or days earlier: the sensors that were alive at build time are alive
 * now (their latest heartbeat, event and health note moved forward by the time since the build, their hourly rows
 * filled up to now), so the coverage pages show the built mix of states rather than every sensor silent. Nothing
 * else moves: alerts, incidents and clocks keep their instants (open SLA clocks breach as time goes by, as they would).
 * Then every customer's kept live posture score is computed again for the new instant (the posture job's work).
 *
 *   DATABASE_URL=postgres://root@127.0.0.1:5432/postgres npx tsx bench/scale/freshen.ts --db wk_scale
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { openPostgres } from "@/db";
import { refreshLiveScores } from "@/server/posture/service";
import { requireDatabaseUrl } from "../lib";
import { databaseUrl, loaderPool } from "./database";
import { fillHeartbeatHours } from "./heartbeats";

const { values } = parseArgs({ options: { db: { type: "string", default: "wk_scale" } } });

async function main() {
  const name = values.db!;
  // The instant the sensors' facts stand at: the build's, or the last freshen's.
  const file = path.join(".data", "scale", `${name}.build.json`);
  const info = JSON.parse(readFileSync(file, "utf8"));
  const built = new Date(info.freshAt ?? info.now);
  const sql = loaderPool(databaseUrl(requireDatabaseUrl(), name), 2);
  try {
    const now = new Date();
    const shift = `${now.getTime() - built.getTime()} milliseconds`;
    const alive = await sql<{ id: string }[]>`
      update sensors set last_heartbeat_at = last_heartbeat_at + ${shift}::interval,
        last_event_at = last_event_at + ${shift}::interval, health_note_at = health_note_at + ${shift}::interval
      where status = 'active' and silent_since is null and last_heartbeat_at is not null
      returning id`;
    const ids = alive.map((a) => a.id);
    let rows = 0;
    for (let i = 0; i < ids.length; i += 10_000) {
      const part = ids.slice(i, i + 10_000);
      await sql`delete from sensor_heartbeat_hours where sensor_id in ${sql(part)} and hour >= date_trunc('hour', ${built.toISOString()}::timestamptz)`;
      rows += await fillHeartbeatHours(sql, built, part);
    }
    await sql`analyze sensors`;
    console.log(
      `${ids.length} live sensors moved forward by ${((now.getTime() - built.getTime()) / 3_600_000).toFixed(1)} h, ${rows} hourly rows written`,
    );
    const app = openPostgres(databaseUrl(requireDatabaseUrl(), name), 2);
    try {
      const [count] = await sql<{ n: number }[]>`select count(*)::int as n from customers`;
      const t = performance.now();
      const { scored } = await refreshLiveScores(app.db, now, count!.n);
      console.log(`${scored} live posture scores kept in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    } finally {
      await app.close();
    }
    writeFileSync(file, `${JSON.stringify({ ...info, freshAt: now }, null, 1)}\n`);
  } finally {
    await sql.end();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
