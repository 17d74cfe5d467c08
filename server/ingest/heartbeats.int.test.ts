import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { apiKeys, sensorHeartbeatHours, sensorHeartbeats, sensors } from "@/db/schema";
import { closeTestDatabase, createTestDatabase } from "@/server/testing/db";
import { callerAs, createWorld } from "@/server/testing/factories";
import { HEARTBEAT_GROUP, heartbeatStats, recordHeartbeatGrouped } from "./coalesce";
import { authenticate } from "./service";

// Heartbeats written in groups (PostgreSQL) give exactly what one-by-one writing gives, each customer's statement
// bound by its own key's scope; the embedded database takes the ordinary path and the same assertions hold.
let h: DatabaseHandle;
let w: Awaited<ReturnType<typeof createWorld>>;
const auths: Awaited<ReturnType<typeof authenticate>>[] = [];
const base = { vendor: "CrowdStrike", product: "Falcon Insight", sourceFormat: "crowdstrike" as const };

beforeAll(async () => {
  h = await createTestDatabase();
  w = await createWorld(h.db);
  const api = callerAs(h.db, w.staff.admin);
  for (const [i, customerId] of [
    w.a.customer.id,
    w.a.customer.id,
    w.a.customer.id,
    w.b.customer.id,
    w.b.customer.id,
  ].entries()) {
    const r = await api.sensors.create({ customerId, sensor: { ...base, name: `hb-${i}`, sensorClass: "edr" } });
    auths.push(await authenticate(h.db, `Bearer ${r.apiKey}`, "heartbeat"));
  }
}, 60_000);

afterAll(async () => closeTestDatabase());

const at = (min: number) => new Date(Date.parse("2026-11-20T10:00:00Z") + min * 60_000);

describe("grouped heartbeats", () => {
  it("writes every concurrent heartbeat of several sensors and customers, a sensor's repeats in order", async () => {
    const before = { ...heartbeatStats };
    // Each sensor beats at minutes 0, 5 and 30 (a gap of 25 minutes > 3 × 5), all sent at once.
    await Promise.all(
      auths.flatMap((a, i) =>
        [0, 5, 30].map((m) => recordHeartbeatGrouped(h, a, { version: `7.${i}`, hostCount: i }, at(m))),
      ),
    );
    const ids = auths.map((a) => a.sensorId);
    const hours = await h.db.select().from(sensorHeartbeatHours).where(inArray(sensorHeartbeatHours.sensorId, ids));
    expect(hours).toHaveLength(auths.length);
    for (const [i, a] of auths.entries()) {
      const row = hours.find((r) => r.sensorId === a.sensorId)!;
      expect(row.customerId).toBe(a.tenant);
      expect(row.beats).toBe(3);
      expect(row.firstAt.toISOString()).toBe(at(0).toISOString());
      expect(row.lastAt.toISOString()).toBe(at(30).toISOString());
      expect(row.gaps).toEqual([[at(5).getTime(), at(30).getTime()]]);
      const [s] = await h.db.select().from(sensors).where(eq(sensors.id, a.sensorId));
      expect(s!.lastHeartbeatAt!.toISOString()).toBe(at(30).toISOString());
      expect(s!.agentVersion).toBe(`7.${i}`);
      expect(s!.hostCount).toBe(i);
    }
    // Each key's "last used" written with its heartbeats.
    const used = await h.db.select().from(apiKeys).where(inArray(apiKeys.sensorId, ids));
    expect(used.map((k) => k.lastUsedAt !== null)).toEqual(ids.map(() => true));
    const raw = await h.db.select().from(sensorHeartbeats).where(inArray(sensorHeartbeats.sensorId, ids));
    expect(raw).toHaveLength(auths.length * 3);
    if (h.kind === "postgres") {
      // Fewer transactions than heartbeats, and never more in a group than the cap.
      expect(heartbeatStats.beats - before.beats).toBe(15);
      expect(heartbeatStats.groups - before.groups).toBeLessThan(15);
      expect(HEARTBEAT_GROUP.maxBeats).toBeGreaterThan(1);
    }
  });

  it("keeps a vendor's version text exactly, quotes and backslashes included", async () => {
    const version = String.raw`7.1 'beta' \x00\' ; drop table sensors; --`;
    await Promise.all([
      recordHeartbeatGrouped(h, auths[0]!, { version }, at(40)),
      recordHeartbeatGrouped(h, auths[3]!, { version: "ok" }, at(40)),
    ]);
    const [s] = await h.db.select().from(sensors).where(eq(sensors.id, auths[0]!.sensorId));
    expect(s!.agentVersion).toBe(version);
  });

  it("a heartbeat that cannot be written fails alone; the others in its group are written", async () => {
    // A forged pairing (customer A's scope, customer B's sensor): the row-level policy and the sensor's foreign key
    // refuse it, on either path.
    const forged = { ...auths[0]!, sensorId: auths[3]!.sensorId };
    const results = await Promise.allSettled([
      recordHeartbeatGrouped(h, forged, {}, at(50)),
      recordHeartbeatGrouped(h, auths[1]!, {}, at(50)),
      recordHeartbeatGrouped(h, auths[4]!, {}, at(50)),
    ]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "fulfilled", "fulfilled"]);
    const [b] = await h.db.select().from(sensors).where(eq(sensors.id, auths[3]!.sensorId));
    expect(b!.lastHeartbeatAt!.toISOString()).toBe(at(40).toISOString());
    for (const a of [auths[1]!, auths[4]!]) {
      const [s] = await h.db.select().from(sensors).where(eq(sensors.id, a.sensorId));
      expect(s!.lastHeartbeatAt!.toISOString()).toBe(at(50).toISOString());
    }
  });

  it("a group kept waiting by a row lock gives up after the lock timeout and its heartbeats are written one by one", async () => {
    if (h.kind !== "postgres" || !h.sql) return; // one connection on the embedded database: no second holder
    const held = auths[2]!.sensorId;
    let release: () => void = () => {};
    const holding = h.sql.begin(async (tx) => {
      await tx`select 1 from sensors where id = ${held} for update`;
      await new Promise<void>((r) => {
        release = r;
      });
    });
    await new Promise((r) => setTimeout(r, 100));
    const started = Date.now();
    const beats = Promise.all([
      recordHeartbeatGrouped(h, auths[2]!, {}, at(55)),
      recordHeartbeatGrouped(h, auths[4]!, {}, at(55)),
    ]);
    // After the group's lock timeout the heartbeats go one by one: the other sensor's lands while the lock is held.
    try {
      await new Promise((r) => setTimeout(r, 2_600));
      const [other] = await h.db.select().from(sensors).where(eq(sensors.id, auths[4]!.sensorId));
      expect(other!.lastHeartbeatAt!.toISOString()).toBe(at(55).toISOString());
    } finally {
      release();
      await holding;
    }
    await beats;
    const [mine] = await h.db.select().from(sensors).where(eq(sensors.id, held));
    expect(mine!.lastHeartbeatAt!.toISOString()).toBe(at(55).toISOString());
    expect(Date.now() - started).toBeGreaterThanOrEqual(2_000);
  }, 20_000);
});
