import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle, Db } from "@/db";
import { alerts } from "@/db/schema";
import { env } from "@/server/env";
import { closeTestDatabase, createTestDatabase } from "@/server/testing/db";
import { callerAs, createWorld, insertTestAlert } from "@/server/testing/factories";
import { runAsApp, setStaffScope } from "./scope";
import { forgetSharedReads, REFRESH_AFTER, sharedRead } from "./shared-read";
import type { StaffContext } from "./tenant";

// A read ahead runs after the request that started it has answered and its transaction has ended: it must open its
// own, bound by row-level security like the request's, with the staff scope (without it, it would count nothing).

let h: DatabaseHandle;
let w: Awaited<ReturnType<typeof createWorld>>;
beforeAll(async () => {
  h = await createTestDatabase();
  w = await createWorld(h.db);
  await insertTestAlert(h.db, w.a.customer.id, {});
  await insertTestAlert(h.db, w.b.customer.id, {});
});
afterAll(closeTestDatabase);

const ttl = 60_000;
const countAlerts = async (c: StaffContext) => (await c.db.select({ n: count() }).from(alerts))[0]!.n;

/** A staff request: its own transaction as wk_app with the staff scope, as the tRPC ladder opens it. */
const request = (at: number) =>
  runAsApp(
    h.db,
    async (tx: Db) => {
      await setStaffScope(tx);
      const ctx: StaffContext = { db: tx, actor: { side: "staff", role: "analyst" }, user: w.staff.analyst };
      return sharedRead(ctx, "test.alerts", countAlerts, ttl, at);
    },
    w.staff.analyst.id,
  );

describe("shared reads, read ahead on the database", () => {
  it("reads the next answer in a transaction of its own, as wk_app with the staff scope, after the request ended", async () => {
    forgetSharedReads();
    try {
      expect(await request(1_000)).toBe(2);
      await insertTestAlert(h.db, w.a.customer.id, {}); // written behind the shared answer's back
      const late = 1_000 + ttl * REFRESH_AFTER;
      expect(await request(late)).toBe(2); // at once, with the answer it has; the refresh starts
      let seen = 2;
      for (let i = 0; i < 100 && seen === 2; i++) {
        await new Promise((r) => setTimeout(r, 20));
        seen = await request(late + 1);
      }
      expect(seen).toBe(3); // both customers' alerts: the staff scope was set, and the request's transaction was not used
    } finally {
      forgetSharedReads();
    }
  });
});

describe("a change forgets the shared reads it can move", () => {
  it("keeps who is on duty, the sensors' banner and the coverage matrix over an alert's triage; a roster change forgets them", async () => {
    const lifetime = env.SHARED_READ_SECONDS;
    env.SHARED_READ_SECONDS = 60;
    forgetSharedReads();
    try {
      const manager = callerAs(h.db, w.staff.manager);
      const analyst = callerAs(h.db, w.staff.analyst);
      // A shared answer is the same object for every request until it is forgotten.
      const duty = await manager.roster.onDuty();
      const banner = await manager.coverage.banner();
      const matrix = await manager.coverage.matrix({});
      const home = await manager.operations.home({ timeZone: "UTC" });
      expect(await manager.roster.onDuty()).toBe(duty);
      expect(await manager.operations.home({ timeZone: "UTC" })).toBe(home);

      const alert = await insertTestAlert(h.db, w.a.customer.id, {});
      await analyst.alerts.acknowledge({ alertIds: [alert.id] });
      // Casework: the home (its queue and workload figures) is read again; shifts, sensors and coverage are not.
      const homeAfter = await manager.operations.home({ timeZone: "UTC" });
      expect(homeAfter).not.toBe(home);
      expect(homeAfter.workload.find((x) => x.userId === w.staff.analyst.id)?.alerts).toBe(1);
      expect(await manager.roster.onDuty()).toBe(duty);
      expect(await manager.coverage.banner()).toBe(banner);
      expect(await manager.coverage.matrix({})).toBe(matrix);

      // A roster change moves who is on duty: every shared read goes.
      await analyst.roster.requestTimeOff({
        from: new Date(Date.now() + 86_400_000),
        to: new Date(Date.now() + 2 * 86_400_000),
      });
      expect(await manager.roster.onDuty()).not.toBe(duty);
      expect(await manager.coverage.matrix({})).not.toBe(matrix);
    } finally {
      env.SHARED_READ_SECONDS = lifetime;
      forgetSharedReads();
    }
  });
});
