import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, type Db, rowsOf } from "@/db";
import { alertKeys } from "@/db/schema";
import { apiDetection } from "@/server/ingest/normalize/fixtures/crowdstrike";
import { authenticate, ingestItems } from "@/server/ingest/service";
import { createSensor } from "@/server/sensors/service";
import { runAsApp, setTenantScope } from "@/server/tenancy/scope";
import { systemContext, type TenantId } from "@/server/tenancy/tenant";
import { closeTestDatabase, createTestDatabase } from "@/server/testing/db";
import { createWorld } from "@/server/testing/factories";
import { keepAlertPartitions, makeAlertPartitions, PARTITIONS_AHEAD } from "./service";

/**
 * Alerts partitioned by month (migration 0032), on PGlite and on PostgreSQL: the intake routes each alert to its
 * month's partition and deduplicates across months through alert_keys; the partition job makes months ahead, is
 * idempotent, and moves rows out of the default partition; the key table is behind the tenant wall.
 */
let h: DatabaseHandle;
let w: Awaited<ReturnType<typeof createWorld>>;
let auth: Awaited<ReturnType<typeof authenticate>>;
let authB: Awaited<ReturnType<typeof authenticate>>;

const NOW = new Date();
/** Now, or mid-month `back` UTC months before this one. */
const monthAgo = (back: number) =>
  back === 0 ? NOW : new Date(Date.UTC(NOW.getUTCFullYear(), NOW.getUTCMonth() - back, 15, 12));
const partName = (d: Date) => `alerts_${d.getUTCFullYear()}_${String(d.getUTCMonth() + 1).padStart(2, "0")}`;

const detection = (id: string, at: Date) => ({
  ...apiDetection(),
  composite_id: `cid:part:${id}`,
  timestamp: at.toISOString(),
  created_timestamp: at.toISOString(),
});
const send = (a: typeof auth, id: string, at: Date) =>
  ingestItems(h.db, a, [{ ok: true, value: detection(id, at), text: JSON.stringify(detection(id, at)) }], at);

async function rowsOfKey(id: string) {
  return rowsOf<{ part: string; id: string; occurrences: number; received_at: Date | string }>(
    await h.db.execute(sql`
      select tableoid::regclass::text as part, id, occurrences, received_at from alerts
      where dedup_key = ${`crowdstrike:cid:part:${id}`}`),
  );
}

/** The partitions of alerts with their bounds, printed in UTC (the suite's own zone is Asia/Kathmandu). */
async function partitions() {
  return h.db.transaction(async (tx) => {
    await tx.execute(sql`set local timezone = 'UTC'`);
    return rowsOf<{ name: string; bound: string }>(
      await tx.execute(sql`
        select c.relname as name, pg_get_expr(c.relpartbound, c.oid) as bound
        from pg_inherits i join pg_class c on c.oid = i.inhrelid
        where i.inhparent = 'alerts'::regclass order by 1`),
    );
  });
}

const sensorOf = async (tenant: TenantId) => {
  const s = await createSensor(
    { ...systemContext(h.db, "test"), tenant },
    {
      name: "cs",
      sensorClass: "edr",
      vendor: "CrowdStrike",
      product: "Falcon",
      sourceFormat: "crowdstrike",
      site: null,
    },
  );
  return authenticate(h.db, `Bearer ${s.apiKey}`, "crowdstrike");
};

beforeAll(async () => {
  h = await createTestDatabase();
  w = await createWorld(h.db);
  auth = await sensorOf(w.a.customer.tenant);
  authB = await sensorOf(w.b.customer.tenant);
}, 60_000);
afterAll(async () => closeTestDatabase());

describe("alerts partitioned by month", () => {
  it("routes alerts of three months to three partitions", async () => {
    await makeAlertPartitions(h.db, monthAgo(2), NOW);
    for (const back of [0, 1, 2]) {
      const [r] = await send(auth, `m${back}`, monthAgo(back));
      expect(r!.status).toBe("created");
    }
    const parts = await Promise.all([0, 1, 2].map(async (back) => (await rowsOfKey(`m${back}`))[0]!.part));
    expect(parts).toEqual([partName(monthAgo(0)), partName(monthAgo(1)), partName(monthAgo(2))]);
    expect(new Set(parts).size).toBe(3);
  });

  it("a resend of an alert first received last month updates that row instead of inserting", async () => {
    const [first] = await rowsOfKey("m1");
    const [r] = await send(auth, "m1", NOW);
    expect(r).toMatchObject({ status: "updated", alertId: first!.id });
    const after = await rowsOfKey("m1");
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ part: partName(monthAgo(1)), id: first!.id, occurrences: 2 });
    expect(new Date(after[0]!.received_at).getTime()).toBe(monthAgo(1).getTime());
    const keys = await h.db.select().from(alertKeys).where(eq(alertKeys.dedupKey, "crowdstrike:cid:part:m1"));
    expect(keys.map((k) => k.alertId)).toEqual([first!.id]);
    // The same key of another customer is another alert.
    const [b] = await send(authB, "m1", NOW);
    expect(b).toMatchObject({ status: "created" });
    expect(b).not.toMatchObject({ alertId: first!.id });
  });

  it("the partition job makes the months ahead once (idempotent), with bounds in UTC", async () => {
    const first = await keepAlertPartitions(h.db, NOW);
    expect(first.made).toBeGreaterThanOrEqual(0);
    expect((await keepAlertPartitions(h.db, NOW)).made).toBe(0);
    const list = await partitions();
    for (let k = 0; k <= PARTITIONS_AHEAD; k++) {
      const from = new Date(Date.UTC(NOW.getUTCFullYear(), NOW.getUTCMonth() + k, 1));
      const to = new Date(Date.UTC(NOW.getUTCFullYear(), NOW.getUTCMonth() + k + 1, 1));
      const p = list.find((x) => x.name === partName(from));
      expect(p, partName(from)).toBeDefined();
      expect(p!.bound).toBe(
        `FOR VALUES FROM ('${from.toISOString().slice(0, 10)} 00:00:00+00') TO ('${to.toISOString().slice(0, 10)} 00:00:00+00')`,
      );
    }
    expect(list.some((x) => x.name === "alerts_default" && x.bound === "DEFAULT")).toBe(true);
    // A month further ahead comes when its time does: three months on, the job makes one more.
    const later = await keepAlertPartitions(h.db, new Date(Date.UTC(NOW.getUTCFullYear(), NOW.getUTCMonth() + 1, 2)));
    expect(later.made).toBe(1);
  });

  it("moves alerts that waited in the default partition into their month when it is made", async () => {
    const old = monthAgo(5);
    await send(auth, "old", old);
    expect((await rowsOfKey("old"))[0]!.part).toBe("alerts_default");
    const r = await keepAlertPartitions(h.db, NOW);
    expect(r.made).toBeGreaterThanOrEqual(1);
    const [moved] = await rowsOfKey("old");
    expect(moved!.part).toBe(partName(old));
    const [{ n }] = rowsOf<{ n: number }>(await h.db.execute(sql`select count(*)::int as n from alerts_default`)) as [
      { n: number },
    ];
    expect(n).toBe(0);
    // Still one alert per key: a resend finds it in its new place.
    const [again] = await send(auth, "old", NOW);
    expect(again).toMatchObject({ status: "updated", alertId: moved!.id });
  });

  it("keeps every partition behind the tenant policy and every alert's key row in step", async () => {
    const rls = rowsOf<{ name: string; rls: boolean; policy: boolean }>(
      await h.db.execute(sql`
        select c.relname as name, c.relrowsecurity as rls,
          exists (select 1 from pg_policy p where p.polrelid = c.oid and p.polname = 'wk_tenant') as policy
        from pg_inherits i join pg_class c on c.oid = i.inhrelid where i.inhparent = 'alerts'::regclass`),
    );
    expect(rls.length).toBeGreaterThanOrEqual(PARTITIONS_AHEAD + 4);
    expect(rls.filter((r) => !r.rls || !r.policy)).toEqual([]);
    const [counts] = rowsOf<{ alerts: number; keys: number }>(
      await h.db.execute(
        sql`select (select count(*) from alerts)::int as alerts, (select count(*) from alert_keys)::int as keys`,
      ),
    );
    expect(counts!.keys).toBe(counts!.alerts);
  });
});

describe("alert_keys and the tenant wall", () => {
  const asTenant = <T>(tenant: TenantId, fn: (tx: Db) => Promise<T>) =>
    runAsApp(h.db, async (tx) => {
      await setTenantScope(tx, tenant);
      return fn(tx);
    });
  const customersSeen = async (tx: Db) =>
    [...new Set((await tx.select({ c: alertKeys.customerId }).from(alertKeys)).map((r) => r.c))].sort();

  it("a customer sees only its own dedup keys, with no tenant condition in the query", async () => {
    expect(await asTenant(w.a.customer.tenant, customersSeen)).toEqual([w.a.customer.id]);
    expect(await asTenant(w.b.customer.tenant, customersSeen)).toEqual([w.b.customer.id]);
    // Not even by guessing the other's key.
    const guess = await asTenant(w.b.customer.tenant, (tx) =>
      tx.select().from(alertKeys).where(eq(alertKeys.dedupKey, "crowdstrike:cid:part:m0")),
    );
    expect(guess.map((k) => k.customerId)).toEqual([]);
    // Nor through a partition named directly.
    const part = await asTenant(w.b.customer.tenant, async (tx) =>
      rowsOf(
        await tx.execute(sql.raw(`select id from ${partName(monthAgo(0))} where customer_id <> '${w.b.customer.id}'`)),
      ),
    );
    expect(part).toEqual([]);
  });

  it("a customer cannot claim a key in another customer's name", async () => {
    const err = await asTenant(w.a.customer.tenant, (tx) =>
      tx.insert(alertKeys).values({
        customerId: w.b.customer.id,
        dedupKey: "forged",
        alertId: crypto.randomUUID(),
        receivedAt: NOW,
      }),
    ).then(
      () => "no error",
      (e: Error & { cause?: Error }) => `${e.message} ${e.cause?.message ?? ""}`,
    );
    expect(err).toMatch(/row-level security/);
    expect(await h.db.select().from(alertKeys).where(eq(alertKeys.dedupKey, "forged"))).toEqual([]);
  });
});

// Two instances' daily jobs at once on a real server: one makes the month, the other waits and finds it made.
describe.runIf(process.env.DATABASE_URL)("partition job on PostgreSQL", () => {
  it("makes a month once when two connections ask for it together", async () => {
    const sql2 = h.sql!;
    const a = await sql2.reserve();
    const b = await sql2.reserve();
    try {
      await a`begin`;
      await b`begin`;
      const first = await a`select wk_ensure_alert_partitions('2031-03-01', '2031-03-01') as made`;
      // b waits on a's advisory lock until a commits.
      const second = b`select wk_ensure_alert_partitions('2031-03-01', '2031-03-01') as made`;
      await new Promise((r) => setTimeout(r, 200));
      await a`commit`;
      const made = [(first[0] as { made: number }).made, ((await second)[0] as { made: number }).made];
      await b`commit`;
      expect(made).toEqual([1, 0]);
    } finally {
      a.release();
      b.release();
    }
    const list = await partitions();
    expect(list.filter((p) => p.name === "alerts_2031_03")).toHaveLength(1);
  });
});
