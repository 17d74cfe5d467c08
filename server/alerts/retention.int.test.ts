import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { alerts } from "@/db/schema";
import { apiDetection } from "@/server/ingest/normalize/fixtures/crowdstrike";
import { authenticate, ingestItems } from "@/server/ingest/service";
import { createSensor } from "@/server/sensors/service";
import { mintTenantId, systemContext } from "@/server/tenancy/tenant";
import { closeTestDatabase, createTestDatabase } from "@/server/testing/db";
import { callerAs, createWorld } from "@/server/testing/factories";
import { pruneRawPayloads, RAW_PRUNE } from "./service";

// Raw payloads are dropped after the retention, the normalised alerts kept; a re-sent alert brings its payload back.
let h: DatabaseHandle;
let w: Awaited<ReturnType<typeof createWorld>>;
let auth: Awaited<ReturnType<typeof authenticate>>;
const DAY = 86_400_000;
const NOW = new Date("2026-12-01T00:00:00Z");
const ago = (days: number) => new Date(NOW.getTime() - days * DAY);

const detection = (id: string, at: Date) => ({
  ...apiDetection(),
  composite_id: `cid:ret:${id}`,
  timestamp: at.toISOString(),
  created_timestamp: at.toISOString(),
});
const send = (id: string, at: Date) =>
  ingestItems(h.db, auth, [{ ok: true, value: detection(id, at), text: JSON.stringify(detection(id, at)) }], at);
const row = async (id: string) =>
  (
    await h.db
      .select()
      .from(alerts)
      .where(eq(alerts.dedupKey, `crowdstrike:cid:ret:${id}`))
  )[0]!;

beforeAll(async () => {
  h = await createTestDatabase();
  w = await createWorld(h.db);
  const ctx = { ...systemContext(h.db, "test"), tenant: mintTenantId(w.a.customer.id) };
  const s = await createSensor(ctx, {
    name: "cs",
    sensorClass: "edr",
    vendor: "CrowdStrike",
    product: "Falcon",
    sourceFormat: "crowdstrike",
    site: null,
  });
  auth = await authenticate(h.db, `Bearer ${s.apiKey}`, "crowdstrike");
  for (const [id, days] of [
    ["old-1", 400],
    ["old-2", 200],
    ["old-3", 181],
    ["edge", 180],
    ["recent", 10],
    ["resent", 300],
  ] as const)
    await send(id, ago(days));
  await send("resent", ago(20)); // the same vendor alert again, 20 days ago: its payload is recent
}, 60_000);

afterAll(async () => closeTestDatabase());

describe("raw payload retention", () => {
  it("drops payloads last received before the retention, in batches, and keeps the normalised alerts", async () => {
    const before = await row("old-1");
    expect(before.raw).not.toEqual({});
    const batch = RAW_PRUNE.batch;
    RAW_PRUNE.batch = 2; // several batches: 3 alerts to prune
    try {
      const r = await pruneRawPayloads(h.db, NOW, 180);
      expect(r.pruned).toBe(3);
    } finally {
      RAW_PRUNE.batch = batch;
    }
    for (const id of ["old-1", "old-2", "old-3"]) {
      const a = await row(id);
      expect(a.raw).toEqual({});
      expect(a.rawPrunedAt?.toISOString()).toBe(NOW.toISOString());
      expect(a.title).toBe(before.title);
      expect(a.severity).toBeGreaterThan(0);
      expect(a.entities).toEqual(before.entities);
    }
    for (const id of ["edge", "recent", "resent"]) {
      const a = await row(id);
      expect(a.rawPrunedAt).toBeNull();
      expect(a.raw).not.toEqual({});
    }
    // Nothing left to do: a second run prunes nothing.
    expect((await pruneRawPayloads(h.db, NOW, 180)).pruned).toBe(0);
  });

  it("keeps everything when the retention is 0", async () => {
    expect(await pruneRawPayloads(h.db, new Date(NOW.getTime() + 1000 * DAY), 0)).toEqual({ pruned: 0, cutoff: null });
    expect((await row("recent")).rawPrunedAt).toBeNull();
  });

  it("a re-sent alert brings its payload back", async () => {
    await send("old-2", ago(1));
    const a = await row("old-2");
    expect(a.rawPrunedAt).toBeNull();
    expect(a.raw).toMatchObject({ composite_id: "cid:ret:old-2" });
    expect(a.occurrences).toBe(2);
  });

  it("the console's alert detail says the payload was removed (and staff only read it)", async () => {
    const id = (await row("old-1")).id;
    const detail = await callerAs(h.db, w.staff.analyst).alerts.byId({ alertId: id });
    expect(detail.alert.rawPrunedAt?.toISOString()).toBe(NOW.toISOString());
    expect(detail.alert.raw).toEqual({});
    await expect(callerAs(h.db, w.a.admin).alerts.byId({ alertId: id })).rejects.toThrow();
  });
});
