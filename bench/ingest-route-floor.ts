/**
 * Floors for the single-request intake figure, measured beside it on the same (shared) machine: how many requests a
 * second the running server answers on a route that does nothing (`GET /healthz`: Next's routing and the HTTP
 * stack alone), and how many one-statement round trips a second PostgreSQL answers (`select 1`) and how many
 * one-row committed transactions (begin, insert, commit), with the same concurrency as the load run.
 *   BASE=http://127.0.0.1:3470 DATABASE_URL=postgres://… npx tsx bench/ingest-route-floor.ts [--concurrency 16] [--seconds 10]
 */
import http from "node:http";
import postgres from "postgres";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const concurrency = arg("concurrency", 16);
const seconds = arg("seconds", 10);
const base = new URL(process.env.BASE ?? "http://127.0.0.1:3000");

async function timed(label: string, worker: () => Promise<void>) {
  const until = Date.now() + seconds * 1000;
  let n = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < until) {
        await worker();
        n++;
      }
    }),
  );
  const rate = n / ((performance.now() - started) / 1000);
  console.log(`${label.padEnd(44)} ${Math.round(rate).toLocaleString("en-US").padStart(7)}/s  (${n} in ${seconds} s)`);
  return rate;
}

async function main() {
  console.log(
    `load average ${(await import("node:os"))
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(" ")}`,
  );
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const get = () =>
    new Promise<void>((resolve, reject) => {
      const req = http.get({ host: base.hostname, port: base.port, path: "/healthz", agent }, (res) => {
        res.resume();
        res.on("end", () => (res.statusCode === 200 ? resolve() : reject(new Error(`status ${res.statusCode}`))));
      });
      req.on("error", reject);
    });
  await timed("GET /healthz (trivial route, same server)", get);
  agent.destroy();

  if (process.env.DATABASE_URL) {
    const sql = postgres(process.env.DATABASE_URL, { max: concurrency, onnotice: () => {} });
    const table = `intake_route_floor_${process.pid}`;
    await sql.unsafe(`create table ${table} (id bigserial primary key, v text)`);
    try {
      await timed("PostgreSQL round trip (select 1)", async () => {
        await sql`select 1`;
      });
      await timed("PostgreSQL one-row transaction (begin/insert/commit)", async () => {
        await sql.begin((tx) => tx.unsafe(`insert into ${table} (v) values ($1)`, ["x"]));
      });
    } finally {
      await sql.unsafe(`drop table ${table}`);
      await sql.end();
    }
  }
  console.log(
    `load average ${(await import("node:os"))
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(" ")}`,
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
