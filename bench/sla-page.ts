/**
 * The console's SLA page, in process: each procedure of the page's tRPC batch (and of a cell's dialog) called through
 * the app router as a SOC manager (the `wk_app` role, row-level security, as over HTTP), on a built data set. Prints the
 * payload (superjson, as the batch sends it) and the time: the first call, then median and p95 of `--reps` more.
 *
 *   LOG_LEVEL=warn DATABASE_URL=postgres://root@127.0.0.1:5432/postgres npx tsx bench/sla-page.ts --db wk_slapage_scale [--reps 20]
 */
import { parseArgs } from "node:util";
import superjson from "superjson";
import { closeDatabase, installDatabase, openPostgres } from "@/db";
import { appRouter, createCaller } from "@/server/trpc/root";
import { machine, pct, requireDatabaseUrl } from "./lib";

const { values } = parseArgs({
  options: { db: { type: "string", default: "wk_slapage_scale" }, reps: { type: "string", default: "20" } },
});
const REPS = Number(values.reps);

async function main() {
  const url = new URL(requireDatabaseUrl());
  url.pathname = `/${values.db}`;
  const handle = openPostgres(url.toString(), 4);
  installDatabase(handle);
  const sql = handle.sql!;
  try {
    const [m] = await sql<{ id: string; name: string; email: string }[]>`
      select u.id, u.name, u.email from "user" u join memberships m on m.user_id = u.id
      where m.customer_id is null and m.role = 'soc_manager' order by u.email limit 1`;
    const [big] = await sql<{ id: string; month: string }[]>`
      select customer_id as id, max(month) as month from sla_monthly group by customer_id
      order by sum(met + breached) desc limit 1`;
    const [{ n }] = (await sql`select count(*)::int as n from customers`) as unknown as [{ n: number }];
    if (!m || !big) throw new Error("no SOC manager or no SLA rollup in this database");
    const now = new Date();
    const session = {
      user: { ...m, emailVerified: true, image: null, createdAt: now, updatedAt: now, twoFactorEnabled: true },
      session: {
        id: "bench",
        token: "bench",
        userId: m.id,
        expiresAt: new Date(now.getTime() + 3600_000),
        createdAt: now,
        updatedAt: now,
        ipAddress: null,
        userAgent: null,
      },
    };
    const caller = createCaller({ db: handle.db, session, headers: new Headers() }) as unknown as Record<
      string,
      Record<string, (input?: unknown) => Promise<unknown>>
    >;
    const has = (path: string) => path in (appRouter._def.procedures as Record<string, unknown>);
    const to = new Date(Math.ceil(now.getTime() / 3_600_000) * 3_600_000);
    const from = new Date(to.getTime() - 30 * 86_400_000);
    const page = { months: 6, sort: "worst", page: 1, pageSize: 25 };
    // The page's batch as page.tsx prefetches it (the picker's lookup only when a customer is picked).
    const views: { name: string; calls: [string, unknown][] }[] = [
      {
        name: "all customers, worst first",
        calls: [
          ["sla.risk", {}],
          ["sla.attainment", page],
          ["sla.breaches", { from, to }],
          ...(has("customers.list") && !has("customers.options")
            ? [["customers.list", undefined] as [string, unknown]]
            : []),
        ],
      },
      {
        name: "one customer",
        calls: [
          ["sla.risk", { customerId: big.id }],
          ["sla.attainment", { ...page, customerId: big.id }],
          ["sla.breaches", { from, to, customerId: big.id }],
          has("customers.options") ? ["customers.options", { id: big.id }] : ["customers.list", undefined],
        ],
      },
      {
        name: "cell dialog (largest customer, newest month)",
        calls: [["sla.month", { customerId: big.id, month: big.month }]],
      },
      ...(has("customers.options")
        ? [{ name: "picker: typing “a”", calls: [["customers.options", { q: "a" }]] as [string, unknown][] }]
        : []),
    ];
    console.log(`SLA page, in process, ${values.db} (${n} customers), ${REPS} reps; ${machine()}`);
    console.log(
      `${"procedure".padEnd(22)} ${"bytes".padStart(9)} ${"first".padStart(8)} ${"median".padStart(8)} ${"p95".padStart(8)}`,
    );
    for (const v of views) {
      console.log(`— ${v.name}`);
      let bytes = 0;
      for (const [path, input] of v.calls) {
        const [ns, proc] = path.split(".") as [string, string];
        const call = () => caller[ns]![proc]!(input);
        let t = performance.now();
        const out = await call();
        const first = performance.now() - t;
        const times: number[] = [];
        for (let i = 0; i < REPS; i++) {
          t = performance.now();
          await call();
          times.push(performance.now() - t);
        }
        const size = Buffer.byteLength(JSON.stringify(superjson.serialize(out)));
        bytes += size;
        console.log(
          `${path.padEnd(22)} ${size.toLocaleString("en-GB").padStart(9)} ${first.toFixed(1).padStart(8)} ${pct(times, 0.5).toFixed(1).padStart(8)} ${pct(times, 0.95).toFixed(1).padStart(8)}`,
        );
      }
      // As the server answers a batch: its procedures at once.
      const batch = () =>
        Promise.all(v.calls.map(([path, input]) => caller[path.split(".")[0]!]![path.split(".")[1]!]!(input)));
      const times: number[] = [];
      for (let i = 0; i < REPS; i++) {
        const t = performance.now();
        await batch();
        times.push(performance.now() - t);
      }
      console.log(
        `${"batch (at once)".padEnd(22)} ${bytes.toLocaleString("en-GB").padStart(9)} ${"".padStart(8)} ${pct(times, 0.5).toFixed(1).padStart(8)} ${pct(times, 0.95).toFixed(1).padStart(8)}`,
      );
    }
  } finally {
    await closeDatabase();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
