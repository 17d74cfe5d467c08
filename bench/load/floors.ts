/**
 * Hand-written SQL floors: the least the database must do for each of the heaviest reads, timed with the load run's
 * concurrency (that many loops) through a pool of the server's size (10 connections), straight against PostgreSQL.
 */
import postgres from "postgres";
import { FLOOR_QUERIES } from "./floor-queries";
import type { Floor } from "./report";

/** `pace` as in the load run: each loop at most `pace` queries a second, the loops staggered; 0: flat out. */
export async function runFloors(dbUrl: string, concurrency: number, seconds: number, pace: number): Promise<Floor[]> {
  const sql = postgres(dbUrl, { max: 10, onnotice: () => {} });
  const out: Floor[] = [];
  try {
    for (const f of FLOOR_QUERIES) {
      const params = await f.params(sql);
      await f.run(sql, params); // warm
      const times: number[] = [];
      const end = Date.now() + seconds * 1000;
      const slot = pace > 0 ? 1000 / pace : 0;
      await Promise.all(
        Array.from({ length: concurrency }, async (_, i) => {
          await new Promise((r) => setTimeout(r, (i * slot) / concurrency));
          while (Date.now() < end) {
            const t = performance.now();
            await f.run(sql, params);
            const took = performance.now() - t;
            times.push(took);
            if (slot > took) await new Promise((r) => setTimeout(r, slot - took));
          }
        }),
      );
      out.push({ name: f.name, procedure: f.procedure, times, seconds });
    }
  } finally {
    await sql.end();
  }
  return out;
}
