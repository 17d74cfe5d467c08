import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { assetSightings, assets } from "@/db/schema";
import { createSensor } from "@/server/sensors/service";
import { runAsTenant } from "@/server/tenancy/scope";
import { mintTenantId, systemContext, type TenantId } from "@/server/tenancy/tenant";
import { closeTestDatabase, createTestDatabase } from "@/server/testing/db";
import { createWorld } from "@/server/testing/factories";
import { learnHosts } from "./service";

/**
 * Learning hosts never waits for another transaction (concurrent intake batches of a customer name the same hosts
 * and hold them until their alerts commit): a host another transaction is adding or updating right now is left to it.
 * Needs two connections, so PostgreSQL only; on PGlite the sequential behaviour is pinned.
 */
let h: DatabaseHandle;
let tenant: TenantId;
let other: TenantId;
let sensorA = "";
let sensorB = "";

beforeAll(async () => {
  h = await createTestDatabase();
  const w = await createWorld(h.db);
  tenant = mintTenantId(w.a.customer.id);
  other = mintTenantId(w.b.customer.id);
  const sensor = async (t: TenantId, name: string) =>
    (
      await createSensor(
        { ...systemContext(h.db, "test"), tenant: t },
        { name, sensorClass: "edr", vendor: "v", product: "p", sourceFormat: "crowdstrike", site: null },
      )
    ).sensor.id;
  sensorA = await sensor(tenant, "a");
  sensorB = await sensor(tenant, "b");
  await sensor(other, "other");
});
afterAll(() => closeTestDatabase());

const T0 = new Date("2026-11-20T10:00:00Z");
const later = (min: number) => new Date(T0.getTime() + min * 60_000);
const host = (name: string, ip = "10.0.0.5") => ({ name, id: `agent-${name}`, ips: [ip], os: "Windows" });
const assetOf = async (name: string) =>
  (
    await h.db
      .select()
      .from(assets)
      .where(and(eq(assets.customerId, tenant), eq(assets.agentId, `agent-${name}`)))
  )[0];

/** Runs `fn` inside a transaction of `t` that stays open until the returned release is called. */
async function holdOpen(t: TenantId, fn: (tx: Parameters<Parameters<typeof runAsTenant>[2]>[0]) => Promise<void>) {
  let release: () => void = () => {};
  const released = new Promise<void>((r) => (release = r));
  let started: () => void = () => {};
  const ready = new Promise<void>((r) => (started = r));
  const done = runAsTenant(h.db, t, async (tx) => {
    await fn(tx);
    started();
    await released;
  });
  await ready;
  return {
    release: async () => {
      release();
      await done;
    },
  };
}

const within = <T>(p: Promise<T>, ms: number) =>
  Promise.race([p, new Promise<"blocked">((r) => setTimeout(() => r("blocked"), ms))]);

describe("learning hosts", () => {
  it("records a host once per sensor, and a later sighting a minute on", async () => {
    await runAsTenant(h.db, tenant, (tx) => learnHosts(tx, tenant, sensorA, [host("seq-1")], T0));
    await runAsTenant(h.db, tenant, (tx) => learnHosts(tx, tenant, sensorA, [host("seq-1", "10.0.0.9")], later(5)));
    await runAsTenant(h.db, tenant, (tx) => learnHosts(tx, tenant, sensorB, [host("seq-1")], later(6)));
    const a = await assetOf("seq-1");
    expect(a?.ip).toBe("10.0.0.5");
    expect(a?.lastSeenAt.toISOString()).toBe(later(6).toISOString());
    const sightings = await h.db.select().from(assetSightings).where(eq(assetSightings.assetId, a!.id));
    expect(sightings.map((s) => s.sensorId).sort()).toEqual([sensorA, sensorB].sort());
  });

  it.runIf(process.env.DATABASE_URL)("never waits for a host another transaction is adding or updating", async () => {
    await runAsTenant(h.db, tenant, (tx) => learnHosts(tx, tenant, sensorA, [host("known")], T0));
    // Another batch adds "fresh" and gives "known" a new sighting, and has not committed yet.
    const held = await holdOpen(tenant, (tx) =>
      learnHosts(tx, tenant, sensorA, [host("fresh"), host("known")], later(10)),
    );
    try {
      const mine = runAsTenant(h.db, tenant, (tx) =>
        learnHosts(tx, tenant, sensorB, [host("fresh"), host("known"), host("mine")], later(11)),
      );
      expect(await within(mine, 3_000)).not.toBe("blocked");
    } finally {
      await held.release();
    }
    // Each host exists once; the other batch's writes stand; this one's own new host is there.
    for (const name of ["fresh", "known", "mine"]) expect(await assetOf(name), name).toBeDefined();
    expect((await assetOf("known"))?.lastSeenAt.toISOString()).toBe(later(10).toISOString());
    const rows = await h.db.select().from(assets).where(eq(assets.customerId, tenant));
    expect(rows.filter((r) => r.agentId === "agent-fresh")).toHaveLength(1);
  });

  it("keeps each customer's hosts to itself", async () => {
    await runAsTenant(h.db, tenant, (tx) => learnHosts(tx, tenant, sensorA, [host("shared-name")], T0));
    await runAsTenant(h.db, other, (tx) => learnHosts(tx, other, sensorA, [host("shared-name")], T0)).catch(
      () => "refused",
    );
    const rows = await h.db.select().from(assets).where(eq(assets.agentId, "agent-shared-name"));
    // The other customer's scope cannot sight a host through this customer's sensor.
    expect(rows.map((r) => r.customerId)).toEqual([tenant]);
  });
});
