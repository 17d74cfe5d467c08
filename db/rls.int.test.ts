import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, type Db, rowsOf } from "@/db";
import { alerts, incidents, incidentTasks, sensors } from "@/db/schema";
import { recordAudit, systemActor } from "@/server/audit/service";
import { afterCommit, runAsApp, setStaffScope, setTenantScope } from "@/server/tenancy/scope";
import type { TenantId } from "@/server/tenancy/tenant";
import { closeTestDatabase, createTestDatabase } from "@/server/testing/db";
import { createWorld, insertTestAlert, type TestUser } from "@/server/testing/factories";
import {
  createCallerFactory,
  createTRPCRouter,
  customerProcedure,
  protectedProcedure,
  publicProcedure,
  staffProcedure,
} from "@/server/trpc/init";

/**
 * The second wall: row-level security under the app role. Every query here leaves out the tenant condition on
 * purpose; only the policy keeps the other customer's rows out.
 */
let h: DatabaseHandle;
let w: Awaited<ReturnType<typeof createWorld>>;
beforeAll(async () => {
  h = await createTestDatabase();
  w = await createWorld(h.db);
  for (const c of [w.a.customer, w.b.customer]) {
    await insertTestAlert(h.db, c.id);
    await h.db.insert(incidents).values({
      customerId: c.id,
      number: 1,
      title: `Incident of ${c.name}`,
      severity: 3,
      firstAlertReceivedAt: new Date(),
      firstEventTime: new Date(),
      latestEventTime: new Date(),
    });
  }
});
afterAll(closeTestDatabase);

const customersSeen = async (db: Db, table: string) =>
  rowsOf<{ customer_id: string }>(await db.execute(sql.raw(`select distinct customer_id from ${table}`)))
    .map((r) => r.customer_id)
    .sort();

/** The database's own message (drizzle wraps it in "Failed query: …" with the error as `cause`). */
async function dbError(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    const err = e as Error & { cause?: Error };
    return `${err.message} ${err.cause?.message ?? ""}`;
  }
  return "no error";
}

const asTenant = <T>(tenant: TenantId, fn: (tx: Db) => Promise<T>) =>
  runAsApp(h.db, async (tx) => {
    await setTenantScope(tx, tenant);
    return fn(tx);
  });

describe("row-level security", () => {
  it("covers every table with a customer_id column (a new table without its policy fails here)", async () => {
    const rows = rowsOf<{ table: string; rls: boolean; policy: string | null }>(
      await h.db.execute(sql`
        select c.relname as table, c.relrowsecurity as rls,
               (select p.polname from pg_policy p where p.polrelid = c.oid and p.polname = 'wk_tenant') as policy
        from pg_class c
        join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
        join pg_attribute a on a.attrelid = c.oid and a.attname = 'customer_id' and not a.attisdropped
        where c.relkind in ('r', 'p')
        order by 1`),
    );
    expect(rows.length).toBeGreaterThanOrEqual(26);
    const missing = rows.filter((r) => !r.rls || r.policy !== "wk_tenant").map((r) => r.table);
    expect(missing, "tables with customer_id but no wk_tenant policy: SELECT wk_enable_tenant_rls('…')").toEqual([]);
  });

  it("shows a customer's scope only its own rows, with no tenant condition in the query", async () => {
    for (const side of [w.a, w.b]) {
      for (const table of ["alerts", "incidents", "memberships", "audit_log"]) {
        const seen = await asTenant(side.customer.tenant, (tx) => customersSeen(tx, table));
        expect(seen, table).toEqual(seen.length ? [side.customer.id] : []);
      }
      expect(await asTenant(side.customer.tenant, (tx) => customersSeen(tx, "alerts"))).toEqual([side.customer.id]);
    }
  });

  it("shows staff every customer and a session without scope nothing", async () => {
    const both = [w.a.customer.id, w.b.customer.id].sort();
    const staff = await runAsApp(h.db, async (tx) => {
      await setStaffScope(tx);
      return customersSeen(tx, "incidents");
    });
    expect(staff).toEqual(both);
    expect(await runAsApp(h.db, (tx) => customersSeen(tx, "incidents"))).toEqual([]);
    expect(await runAsApp(h.db, (tx) => customersSeen(tx, "alerts"))).toEqual([]);
  });

  it("refuses to write another customer's customer_id in a customer's scope", async () => {
    expect(await dbError(asTenant(w.a.customer.tenant, (tx) => insertTestAlert(tx, w.b.customer.id)))).toMatch(
      /row-level security/,
    );
    // Nor move an own row to the other customer.
    const move = asTenant(w.a.customer.tenant, (tx) =>
      tx.execute(sql`update alerts set customer_id = ${w.b.customer.id} where customer_id = ${w.a.customer.id}`),
    );
    expect(await dbError(move)).toMatch(/row-level security/);
    // An update of the other customer's rows finds none.
    const r = await asTenant(w.a.customer.tenant, async (tx) =>
      rowsOf(await tx.execute(sql`update alerts set title = 'x' where customer_id = ${w.b.customer.id} returning id`)),
    );
    expect(r).toEqual([]);
  });

  it("runs each rung of the procedure ladder in its scope", async () => {
    const peek = async ({ ctx }: { ctx: { db: Db } }) => customersSeen(ctx.db, "alerts");
    const router = createTRPCRouter({
      open: publicProcedure.query(peek),
      signedIn: protectedProcedure.query(peek),
      customer: customerProcedure.query(peek),
      staff: staffProcedure.query(peek),
    });
    const ctxOf = (u: TestUser | null) => {
      const now = new Date();
      const user = u && {
        ...u,
        emailVerified: true,
        image: null,
        createdAt: now,
        updatedAt: now,
        twoFactorEnabled: true,
      };
      const session = u && { id: "s", token: "t", userId: u.id, expiresAt: now, createdAt: now, updatedAt: now };
      return { db: h.db, headers: new Headers(), session: u ? { user, session } : null };
    };
    const as = (u: TestUser | null) => createCallerFactory(router)(ctxOf(u) as never);
    expect(await as(null).open()).toEqual([]);
    expect(await as(w.a.viewer).signedIn()).toEqual([]);
    expect(await as(w.a.viewer).customer()).toEqual([w.a.customer.id]);
    expect(await as(w.b.admin).customer()).toEqual([w.b.customer.id]);
    expect(await as(w.staff.analyst).staff()).toEqual([w.a.customer.id, w.b.customer.id].sort());
  });

  it("rolls a failed transaction back whole, and runs after-commit work only after a commit", async () => {
    const ran: string[] = [];
    const failed = runAsApp(h.db, async (tx) => {
      await setStaffScope(tx);
      await tx.execute(sql`update incidents set title = 'rolled back' where customer_id = ${w.a.customer.id}`);
      await afterCommit(tx, () => ran.push("after rollback"));
      throw new Error("boom");
    });
    expect(await dbError(failed)).toMatch(/boom/);
    await runAsApp(h.db, async (tx) => {
      await afterCommit(tx, () => ran.push("after commit"));
      ran.push("in transaction");
    });
    expect(ran).toEqual(["in transaction", "after commit"]);
    const titles = rowsOf<{ title: string }>(await h.db.execute(sql`select title from incidents`));
    expect(titles.map((t) => t.title)).not.toContain("rolled back");
  });
});

describe("composite tenant foreign keys", () => {
  it("refuse a child whose customer_id differs from its parent's", async () => {
    const [inc] = rowsOf<{ id: string }>(
      await h.db.execute(sql`select id from incidents where customer_id = ${w.a.customer.id}`),
    );
    const cross = h.db.insert(incidentTasks).values({ customerId: w.b.customer.id, incidentId: inc!.id, title: "x" });
    expect(await dbError(cross)).toMatch(/incident_tasks_incident_tenant_fk/);
    await h.db.insert(incidentTasks).values({ customerId: w.a.customer.id, incidentId: inc!.id, title: "own" });
  });

  it("keep an alert's sensor within its customer, and a deleted sensor leaves its alerts without one", async () => {
    const [s] = await h.db
      .insert(sensors)
      .values({
        customerId: w.a.customer.id,
        name: "fk-probe",
        sensorClass: "edr",
        vendor: "v",
        product: "p",
        sourceFormat: "crowdstrike",
      })
      .returning({ id: sensors.id });
    expect(await dbError(insertTestAlert(h.db, w.b.customer.id, { sensorId: s!.id }))).toMatch(
      /alerts_sensor_tenant_fk/,
    );
    expect(await dbError(insertTestAlert(h.db, w.a.customer.id, { sensorId: crypto.randomUUID() }))).toMatch(
      /alerts_sensor_tenant_fk/,
    );
    const own = await insertTestAlert(h.db, w.a.customer.id, { sensorId: s!.id });
    await h.db.delete(sensors).where(eq(sensors.id, s!.id));
    const [after] = await h.db.select().from(alerts).where(eq(alerts.id, own.id));
    expect(after!.sensorId).toBeNull();
    expect(after!.customerId).toBe(w.a.customer.id);
  });
});

describe("audit_log grants and trigger", () => {
  it("lets the app role only read and append, and nobody update, delete or truncate", async () => {
    await recordAudit(h.db, { ...systemActor("test"), action: "probe", targetType: "test" });
    for (const stmt of ["update audit_log set action = 'x'", "delete from audit_log", "truncate audit_log"]) {
      const asApp = runAsApp(h.db, async (tx) => {
        await setStaffScope(tx);
        await tx.execute(sql.raw(stmt));
      });
      expect(await dbError(asApp), stmt).toMatch(/permission denied/);
      expect(await dbError(h.db.execute(sql.raw(stmt))), `${stmt} as owner`).toMatch(/append-only/);
    }
  });
});
