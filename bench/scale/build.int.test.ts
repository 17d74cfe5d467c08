import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { buildScale } from "./run";

// The scale build end to end at a tiny scale (PostgreSQL only: the build streams COPY through postgres-js). The build
// itself fails when a count, a foreign key or an invariant is off, or a console read returns nothing.
const base = process.env.DATABASE_URL;
const name = `wk_scale_t_${process.pid}`;

describe.skipIf(!base)("scale data set build", () => {
  afterAll(async () => {
    const admin = postgres(base!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  });

  it("builds a consistent small provider and the console reads it", async () => {
    const r = await buildScale({ base: base!, name, seed: 5, scale: 0.001, now: new Date("2026-12-07T12:00:00Z") });
    expect(r.plan.totals.customers).toBe(3);
    expect(r.reads.length).toBeGreaterThanOrEqual(10);
    const sql = postgres(`${base!.replace(/\/[^/]*$/, "")}/${name}`, { max: 1, onnotice: () => {} });
    try {
      const [x] = await sql`select
        (select count(*)::int from alerts) as alerts,
        (select count(*)::int from alerts where status in ('new', 'acknowledged')) as open,
        (select count(*)::int from incidents where status <> 'closed') as "openIncidents",
        (select count(distinct status)::int from incidents) as states,
        (select count(*)::int from report_versions) as reports,
        (select count(*)::int from posture_scores) as scores,
        (select count(*)::int from sensor_heartbeat_hours) as hours`;
      expect(x).toMatchObject({ alerts: r.plan.totals.alerts, reports: 36, scores: 36 });
      expect(x!.open).toBeGreaterThan(0);
      expect(x!.openIncidents).toBeGreaterThan(0);
      expect(x!.hours).toBeGreaterThan(0);
    } finally {
      await sql.end();
    }
  }, 180_000);
});
