import { inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, rowsOf } from "@/db";
import { alerts } from "@/db/schema";
import { createSensor } from "@/server/sensors/service";
import { runAsTenant } from "@/server/tenancy/scope";
import { mintTenantId, systemContext } from "@/server/tenancy/tenant";
import { closeTestDatabase, createTestDatabase } from "@/server/testing/db";
import { createWorld } from "@/server/testing/factories";
import { groupStats } from "./coalesce";
import { configureIntakeLimit, handleIngest, resetIntakeLimit } from "./http";
import { apiDetection } from "./normalize/fixtures/crowdstrike";

/** Single-alert requests of one key written together (group commit), each answered with its own result. */
let h: DatabaseHandle;
let w: Awaited<ReturnType<typeof createWorld>>;
const keys: string[] = [];

beforeAll(async () => {
  h = await createTestDatabase();
  w = await createWorld(h.db);
  for (const customer of [w.a.customer.id, w.b.customer.id]) {
    const ctx = { ...systemContext(h.db, "test"), tenant: mintTenantId(customer) };
    const r = await createSensor(ctx, {
      name: "cs",
      sensorClass: "edr",
      vendor: "v",
      product: "p",
      sourceFormat: "crowdstrike",
      site: null,
    });
    keys.push(r.apiKey);
  }
  configureIntakeLimit(1_000_000, 1);
});
afterAll(async () => {
  resetIntakeLimit();
  await closeTestDatabase();
});

const post = (key: string, body: unknown) =>
  handleIngest(
    new Request("http://test/api/ingest/crowdstrike", {
      method: "POST",
      body: JSON.stringify(body),
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    }),
    "crowdstrike",
  );
const alert = (id: string, host: string) => ({
  ...apiDetection(),
  composite_id: id,
  device: { ...apiDetection().device, hostname: host, device_id: `dev-${host}` },
  timestamp: new Date().toISOString(),
});

describe("intake: grouped single requests", () => {
  it("answers each request with its own item, in fewer transactions than requests", async () => {
    const before = { ...groupStats };
    const ids = Array.from({ length: 24 }, (_, i) => `cid:group:${i % 20}`); // four keys sent twice
    const responses = await Promise.all(
      ids.map((id, i) => post(i % 2 === 0 ? keys[0]! : keys[1]!, alert(id, `grp-${i % 5}`))),
    );
    const bodies = await Promise.all(responses.map((r) => r.json()));
    expect(responses.every((r) => r.status === 202 || r.status === 200)).toBe(true);
    expect(groupStats.requests - before.requests).toBe(ids.length);
    expect(groupStats.groups - before.groups).toBeLessThan(ids.length);

    // Per key and per customer: one created answer per dedup key, repeats answered "updated" with the same alert id.
    for (const k of [0, 1]) {
      const mine = ids.map((id, i) => ({ id, body: bodies[i] })).filter((_, i) => i % 2 === k);
      const created = mine.filter((m) => m.body.status === "created");
      expect(new Set(created.map((m) => m.id)).size).toBe(created.length);
      expect(created.length).toBe(new Set(mine.map((m) => m.id)).size);
      for (const m of mine) {
        expect(m.body.alertId).toBe(mine.find((x) => x.id === m.id && x.body.status === "created")!.body.alertId);
      }
    }
    // The two customers' alerts with the same vendor ids are different rows, each in its own customer.
    const a = bodies.filter((_, i) => i % 2 === 0).map((b) => b.alertId);
    const b = bodies.filter((_, i) => i % 2 === 1).map((b) => b.alertId);
    expect(a.filter((id) => b.includes(id))).toEqual([]);
    const rows = await h.db
      .select({ customer_id: alerts.customerId, n: sql<number>`count(*)::int` })
      .from(alerts)
      .where(inArray(alerts.id, [...new Set([...a, ...b])]))
      .groupBy(alerts.customerId);
    expect(Object.fromEntries(rows.map((r) => [r.customer_id, r.n]))).toEqual({
      [w.a.customer.id]: new Set(ids.filter((_, i) => i % 2 === 0)).size,
      [w.b.customer.id]: new Set(ids.filter((_, i) => i % 2 === 1)).size,
    });
  });

  it("opens the intake's transaction as wk_app scoped to the key's customer in one statement", async () => {
    const tenant = mintTenantId(w.a.customer.id);
    const seen = await runAsTenant(h.db, tenant, async (tx) =>
      rowsOf<{ role: string; customer: string; scope: string; others: number }>(
        await tx.execute(sql`select current_user as role, current_setting('app.customer_id') as customer,
          current_setting('app.scope') as scope,
          (select count(*)::int from alerts where customer_id <> ${w.a.customer.id}) as others`),
      ),
    );
    // The other customer's alerts exist (written above); the wall hides them.
    const [all] = rowsOf<{ n: number }>(
      await h.db.execute(sql`select count(*)::int as n from alerts where customer_id = ${w.b.customer.id}`),
    );
    expect(all!.n).toBeGreaterThan(0);
    expect(seen[0]).toEqual({ role: "wk_app", customer: w.a.customer.id, scope: "customer", others: 0 });
    expect(() => runAsTenant(h.db, "x' or true --" as typeof tenant, async () => 1)).toThrow(/not a uuid/);
  });
});
