/**
 * The scale data set (issue 16): a provider with 1,000 customers, 150 analysts, 20,000 sensors, 250,000 assets,
 * 10 million alerts and 500,000 incidents over the last 12 months, built in bulk (COPY) into a fresh database migrated
 * by the project's migrations, deterministic from the seed (and `--now`, default: this minute). Prints each phase's
 * time and the sizes, saves the sign-ins (`.data/scale/<db>.users.json`, for the load run) and the figures
 * (`.data/scale/<db>.build.json`); fails loudly when a consistency check or a console read fails.
 *
 *   DATABASE_URL=postgres://root@127.0.0.1:5432/postgres npx tsx bench/scale/build.ts --db wk_scale [--scale 1]
 *     [--seed 42] [--now 2026-12-07T12:00:00Z] [--heartbeat-days 62] [--raw-days 180] [--keep-indexes]
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { machine, requireDatabaseUrl } from "../lib";
import { saveSignIns } from "./people";
import { buildScale } from "./run";

const { values } = parseArgs({
  options: {
    db: { type: "string", default: "wk_scale" },
    scale: { type: "string", default: "1" },
    seed: { type: "string", default: "42" },
    now: { type: "string" },
    "heartbeat-days": { type: "string", default: "62" },
    "raw-days": { type: "string", default: "180" },
    "keep-indexes": { type: "boolean", default: false },
  },
});

async function main() {
  const name = values.db!;
  const r = await buildScale({
    base: requireDatabaseUrl(),
    name,
    seed: Number(values.seed),
    scale: Number(values.scale),
    // To the minute: the same seed, scale and instant give the same rows.
    now: values.now ? new Date(values.now) : new Date(Math.floor(Date.now() / 60_000) * 60_000),
    heartbeatDays: Number(values["heartbeat-days"]),
    rawDays: Number(values["raw-days"]),
    keepIndexes: values["keep-indexes"],
    log: (s) => console.log(s),
  });
  const gib = (b: number) => `${(b / 2 ** 30).toFixed(2)} GiB`;
  const alerts = r.plan.totals.alerts;
  const perCustomerYear = r.databaseBytes / r.plan.totals.customers;
  console.log(`\nBuilt ${name} in ${(r.totalSeconds / 60).toFixed(1)} min; ${machine()}; ${new Date().toISOString()}`);
  for (const p of r.phases)
    console.log(`  ${p.phase.padEnd(30)} ${p.seconds.toFixed(1).padStart(8)} s  ${p.note ?? ""}`);
  console.log(`  database ${gib(r.databaseBytes)} = ${(perCustomerYear / 2 ** 20).toFixed(1)} MiB per customer-year`);
  console.log(
    `  alerts ${gib(r.alertsBytes)} with indexes and TOAST = ${r.bytesPerAlert.toFixed(0)} bytes per alert (heap alone ${(r.alertsHeapBytes / alerts).toFixed(0)})`,
  );
  for (const t of r.tables) console.log(`  ${t.table.padEnd(28)} ${gib(t.bytes)}`);
  const out = path.join(".data", "scale");
  mkdirSync(out, { recursive: true });
  saveSignIns(path.join(out, `${name}.users.json`), r.plan, r.people);
  const { plan, people: _p, ...figures } = r;
  writeFileSync(
    path.join(out, `${name}.build.json`),
    `${JSON.stringify({ db: name, now: plan.now, seed: plan.seed, scale: plan.scale, totals: plan.totals, ...figures, bytesPerCustomerYear: Math.round(perCustomerYear), machine: machine() }, null, 1)}\n`,
  );
  console.log(`  sign-ins: ${path.join(out, `${name}.users.json`)}; figures: ${path.join(out, `${name}.build.json`)}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
