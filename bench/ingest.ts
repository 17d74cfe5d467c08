import { parseArgs } from "node:util";
import postgres from "postgres";
import { customers, providerSettings } from "@/db/schema";
import { detectionsFor, makeHosts, makeUsers, pick, render, rng, signalFrom } from "@/db/seed/generate";
import { configureIntakeLimit, handleIngest } from "@/server/ingest/http";
import { createSensor } from "@/server/sensors/service";
import { mintTenantId, systemContext } from "@/server/tenancy/tenant";
import { machine, requireDatabaseUrl, scratchDatabase } from "./lib";

const { values } = parseArgs({
  options: {
    alerts: { type: "string", default: "40000" },
    concurrency: { type: "string", default: "4" },
    single: { type: "string", default: "4000" },
  },
});
const N = Number(values.alerts);
const C = Number(values.concurrency);
const SINGLE = Number(values.single);
const BATCH = 500;

requireDatabaseUrl();

async function pool<T>(items: T[], c: number, fn: (x: T) => Promise<void>) {
  let i = 0;
  await Promise.all(
    Array.from({ length: c }, async () => {
      while (i < items.length) await fn(items[i++]!);
    }),
  );
}

async function main() {
  const { handle, url, drop } = await scratchDatabase("wk_bench", C + 2);
  configureIntakeLimit(1_000_000, 1);
  try {
    const db = handle.db;
    await db.insert(providerSettings).values({ name: "Bench" });
    const [cust] = await db
      .insert(customers)
      .values({ name: "Bench Co", slug: "bench", industry: "Other", country: "US", timezone: "UTC" })
      .returning();
    const tenant = mintTenantId(cust!.id);
    const { apiKey } = await createSensor(
      { ...systemContext(db, "bench"), tenant },
      {
        name: "Falcon",
        sensorClass: "edr",
        vendor: "CrowdStrike",
        product: "Falcon",
        sourceFormat: "crowdstrike",
        site: null,
      },
    );

    // Alerts spread over 10 days on 2,000 hosts: realistic dedup keys, some entity overlap.
    const r = rng(42);
    const hosts = makeHosts(r, "BEN", "bench.example", 2000);
    const users = makeUsers(r, 500);
    const dets = detectionsFor("crowdstrike");
    const t0 = Date.now() - 10 * 86_400_000;
    const payloads = Array.from({ length: N + SINGLE }, (_, i) =>
      render(
        "crowdstrike",
        signalFrom(
          r,
          pick(r, dets),
          new Date(t0 + Math.floor((i * 10 * 86_400_000) / (N + SINGLE))),
          pick(r, hosts),
          pick(r, users),
          "bench.example",
        ),
        "BENCH",
      ),
    );
    const bytes = payloads.slice(0, 100).reduce((s, p) => s + JSON.stringify(p).length, 0) / 100;

    const post = (body: string) =>
      handleIngest(
        new Request("http://bench/api/ingest/crowdstrike", {
          method: "POST",
          body,
          headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
        }),
        "crowdstrike",
      );

    // Warm-up (JIT, connections), not counted.
    await post(JSON.stringify(payloads.slice(N, N + 200)));

    // Batched through the intake.
    const batches: string[] = [];
    for (let i = 0; i < N; i += BATCH) batches.push(JSON.stringify(payloads.slice(i, i + BATCH)));
    let t = performance.now();
    await pool(batches, C, async (b) => {
      const res = await post(b);
      if (res.status !== 200) throw new Error(`batch answered ${res.status}: ${await res.text()}`);
    });
    const batchedSec = (performance.now() - t) / 1000;

    // Single-alert requests through the intake.
    const singles = payloads.slice(N + 200, N + SINGLE).map((p) => JSON.stringify(p));
    t = performance.now();
    await pool(singles, C * 4, async (b) => {
      const res = await post(b);
      if (res.status !== 202 && res.status !== 200) throw new Error(`single answered ${res.status}`);
    });
    const singleSec = (performance.now() - t) / 1000;

    // The floor: the same rows, raw multi-row upsert into a table of the same shape.
    const sql = postgres(url.toString(), { max: C, onnotice: () => {} });
    await sql`create table raw_alerts (id uuid primary key default gen_random_uuid(), customer_id uuid not null, dedup_key text not null, received_at timestamptz not null, severity smallint not null, title text not null, raw jsonb not null)`;
    await sql`create unique index on raw_alerts (customer_id, dedup_key)`;
    await sql`create index on raw_alerts (customer_id, received_at)`;
    const rows = payloads.slice(0, N).map((p, i) => ({
      customer_id: cust!.id,
      dedup_key: `raw:${String(p.composite_id)}:${i}`,
      received_at: new Date(),
      severity: 3,
      title: String(p.display_name),
      raw: p,
    }));
    const chunks: (typeof rows)[] = [];
    for (let i = 0; i < rows.length; i += BATCH) chunks.push(rows.slice(i, i + BATCH));
    t = performance.now();
    await pool(chunks, C, async (chunk) => {
      await sql`insert into raw_alerts ${sql(chunk.map((x) => ({ ...x, raw: sql.json(x.raw as never) })))}
        on conflict (customer_id, dedup_key) do update set raw = excluded.raw, received_at = excluded.received_at`;
    });
    const rawSec = (performance.now() - t) / 1000;
    await sql.end();

    const batchedRate = N / batchedSec;
    const rawRate = N / rawSec;
    const singleRate = singles.length / singleSec;
    const machineLine = machine();
    console.log(`\nIntake benchmark — ${new Date().toISOString().slice(0, 10)} — ${machineLine}`);
    console.log(
      `PostgreSQL ${(await handle.sql!`show server_version`)[0]?.server_version}, ${C} connections, batches of ${BATCH}, ~${Math.round(bytes)} B per alert`,
    );
    console.log(`  batched intake : ${N} alerts in ${batchedSec.toFixed(2)} s = ${Math.round(batchedRate)} alerts/s`);
    console.log(`  raw upsert     : ${N} rows   in ${rawSec.toFixed(2)} s = ${Math.round(rawRate)} rows/s (floor)`);
    console.log(`  ratio          : ${(batchedRate / rawRate).toFixed(2)} × the floor`);
    console.log(
      `  single requests: ${singles.length} in ${singleSec.toFixed(2)} s = ${Math.round(singleRate)} requests/s (${C * 4} concurrent)`,
    );
  } finally {
    await drop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
