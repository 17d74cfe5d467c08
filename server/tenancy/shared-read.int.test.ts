import { count, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, type Db, rowsOf } from "@/db";
import { alerts } from "@/db/schema";
import { closeTestDatabase, createTestDatabase } from "@/server/testing/db";
import { createWorld, insertTestAlert } from "@/server/testing/factories";
import { runAsApp, setStaffScope, setTenantScope } from "./scope";
import { forgetSharedReads, REFRESH_AFTER, readSideBySide, sharedRead } from "./shared-read";
import { type ActorContext, mintTenantId, type StaffContext } from "./tenant";

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

type Seen = { pid: number; role: string; user: string; scope: string; alerts: number };
const whoAmI = async (c: ActorContext): Promise<Seen> => {
  const [r] = rowsOf<{ pid: number; role: string; user: string; scope: string }>(
    await c.db.execute(sql`select pg_backend_pid() as pid, current_user as role,
      current_setting('app.user_id', true) as user, current_setting('app.scope', true) as scope`),
  );
  return { ...r!, alerts: (await c.db.select({ n: count() }).from(alerts))[0]!.n };
};

describe("reads side by side", () => {
  it("runs a staff page's reads each on a connection of its own on PostgreSQL, bound like the request", async () => {
    const { mine, parts } = await runAsApp(
      h.db,
      async (tx: Db) => {
        await setStaffScope(tx);
        const ctx: StaffContext = { db: tx, actor: { side: "staff", role: "soc_manager" }, user: w.staff.manager };
        const mine = await whoAmI(ctx);
        // Each part waits for the others to have started: in series on one connection this would never finish.
        let started = 0;
        const together = async (c: StaffContext) => {
          started++;
          for (let i = 0; i < 200 && started < 2; i++) await new Promise((r) => setTimeout(r, 5));
          return { ...(await whoAmI(c)), together: started >= 2 };
        };
        const parts = await readSideBySide(ctx, [together, together] as const);
        return { mine, parts };
      },
      w.staff.manager.id,
    );
    for (const p of parts) {
      expect(p).toMatchObject({ role: "wk_app", user: w.staff.manager.id, scope: "staff", alerts: mine.alerts });
      expect(p.together).toBe(true);
    }
    expect(mine.alerts).toBeGreaterThanOrEqual(2); // both customers'
    const pids = new Set(parts.map((p) => p.pid));
    if (h.kind === "postgres") {
      expect(pids.size).toBe(2); // the side pool's two connections (the test database's), not the request's
      expect(pids.has(mine.pid)).toBe(false);
    } else expect([...pids]).toEqual([mine.pid]); // PGlite: one connection, the request's own transaction
  });

  it("keeps a customer's reads in the customer's own transaction", async () => {
    const seen = await runAsApp(
      h.db,
      async (tx: Db) => {
        await setTenantScope(tx, mintTenantId(w.a.customer.id));
        const ctx: ActorContext = { db: tx, actor: { side: "customer", role: "admin" }, user: w.a.admin };
        const mine = await whoAmI(ctx);
        const [part] = await readSideBySide(ctx, [whoAmI] as const);
        return { mine, part };
      },
      w.a.admin.id,
    );
    expect(seen.part).toEqual(seen.mine);
    expect(seen.part.scope).toBe("customer");
  });
});
