import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { alerts } from "@/db/schema";
import { escalate } from "@/server/alerts/service";
import { metrics } from "@/server/observability/metrics";
import { createSensor } from "@/server/sensors/service";
import { mintTenantId, systemContext } from "@/server/tenancy/tenant";
import { closeTestDatabase, createTestDatabase } from "@/server/testing/db";
import { createWorld } from "@/server/testing/factories";
import { configureIntakeLimit, handleIngest, resetIntakeLimit } from "./http";
import { apiDetection } from "./normalize/fixtures/crowdstrike";

/**
 * Parallel batches that share hosts and dedup keys, over several connections on PostgreSQL (4 in the test pool):
 * every item is acknowledged once, nothing answers 5xx, and the table holds exactly what was acknowledged.
 */
let h: DatabaseHandle;
let key = "";
let tenant = "";

beforeAll(async () => {
  h = await createTestDatabase();
  const w = await createWorld(h.db);
  tenant = w.a.customer.id;
  const ctx = { ...systemContext(h.db, "test"), tenant: mintTenantId(tenant) };
  key = (
    await createSensor(ctx, {
      name: "cs",
      sensorClass: "edr",
      vendor: "v",
      product: "p",
      sourceFormat: "crowdstrike",
      site: null,
    })
  ).apiKey;
  configureIntakeLimit(1_000_000, 1);
});
afterAll(async () => {
  resetIntakeLimit();
  await closeTestDatabase();
});

const retries = async () => (await metrics.intakeRetries.get()).values.reduce((n, v) => n + v.value, 0);

const base = Date.now() - 3600_000;
const alert = (k: number, host: number, i: number) => ({
  ...apiDetection(),
  composite_id: `cid:conc:${k}`,
  device: {
    ...apiDetection().device,
    hostname: `conc-ws-${host}`,
    device_id: `conc-dev-${host}`,
    local_ip: `10.77.0.${host}`,
  },
  user_name: `ACME\\conc-${host}`,
  timestamp: new Date(base + (i % 600) * 1000).toISOString(),
});
const post = (items: unknown[]) =>
  handleIngest(
    new Request("http://test/api/ingest/crowdstrike", {
      method: "POST",
      body: items.map((x) => JSON.stringify(x)).join("\n"),
      headers: { authorization: `Bearer ${key}`, "content-type": "application/x-ndjson" },
    }),
    "crowdstrike",
  );

describe("intake under contention", () => {
  it("acknowledges every item of parallel overlapping batches once, with no errors", async () => {
    // An open incident on two of the shared hosts, so correlation writes to the same incident from every batch.
    const seedRes = await post([alert(100_000, 1, 0), alert(100_001, 2, 0)]);
    const seeded = await seedRes.json();
    await escalate(systemContext(h.db, "analyst"), [seeded.results[0].alertId, seeded.results[1].alertId]);

    const KEYS = 400;
    const BATCHES = 12;
    const SIZE = 250;
    let seed = 7;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const batches = Array.from({ length: BATCHES }, (_, b) =>
      Array.from({ length: SIZE }, (_, i) => {
        const k = rnd(KEYS);
        return alert(k, (k % 12) + 1, b * SIZE + i);
      }),
    );
    const retriesBefore = await retries();
    const responses = await Promise.all(batches.map((items) => post(items)));
    expect(responses.map((r) => r.status)).toEqual(Array(BATCHES).fill(200));
    const bodies = await Promise.all(responses.map((r) => r.json()));
    const results = bodies.flatMap((b) => b.results as { status: string; alertId: string }[]);
    expect(results).toHaveLength(BATCHES * SIZE);
    // The batches claim the keys they share in one order and add to the incident in sorted order: no deadlock to retry.
    expect((await retries()) - retriesBefore).toBe(0);
    expect(results.filter((r) => r.status !== "created" && r.status !== "updated")).toEqual([]);

    const distinct = new Set(batches.flat().map((a) => a.composite_id));
    expect(results.filter((r) => r.status === "created")).toHaveLength(distinct.size);
    const [row] = await h.db
      .select({ n: sql<number>`count(*)::int`, occ: sql<number>`sum(${alerts.occurrences})::int` })
      .from(alerts)
      .where(eq(alerts.customerId, tenant));
    expect(row!.n).toBe(distinct.size + 2);
    expect(row!.occ).toBe(BATCHES * SIZE + 2);
    // Each dedup key answered with one alert id, whichever batch saw it.
    const idOf = new Map<string, string>();
    batches.flat().forEach((a, i) => {
      const id = results[i]!.alertId;
      expect(idOf.get(a.composite_id) ?? id).toBe(id);
      idOf.set(a.composite_id, id);
    });
  });
});
