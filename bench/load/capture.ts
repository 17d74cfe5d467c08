/**
 * What the browser really sends: loads each page of the load run in Chromium (playwright-core, Debian's Chromium),
 * signed in as a SOC manager and as a customer user, and prints every /api/trpc request it makes with its procedures
 * and inputs — the check on `pages.ts`. The queue's filter is changed the way the filter bar does it (history.replaceState).
 * Run: DATABASE_URL=postgres://root@127.0.0.1:5432/<db> npx tsx bench/load/capture.ts [--port 3641] [--wait 3000]
 */
import { parseArgs } from "node:util";
import { chromium, type Page } from "playwright-core";
import postgres from "postgres";
import { requireDatabaseUrl } from "../lib";
import { startServer } from "./server";
import { signInUsers, type VirtualUser } from "./sessions";
import { batchPath, readBatch } from "./trpc-url";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "3641" },
    wait: { type: "string", default: "3000" },
    password: { type: "string", default: "watchkeeper-demo" },
    "users-file": { type: "string" },
  },
});
const dbUrl = requireDatabaseUrl();
const settle = Number(values.wait);

function pagesOf(u: VirtualUser): { name: string; path: string; filter?: string }[] {
  if (u.role === "customer")
    return [
      { name: "portal home", path: "/portal" },
      { name: "portal incidents", path: "/portal/incidents" },
      { name: "portal SLA", path: "/portal/service" },
      { name: "portal coverage", path: "/portal/coverage" },
      { name: "portal reports", path: "/portal/reports" },
    ];
  return [
    { name: "manager's home", path: "/console" },
    { name: "queue", path: "/console/queue", filter: `?customer=${u.customerId}&severity=4` },
    { name: "incident workspace", path: `/console/incidents/${u.incidentId}` },
    { name: "SLA", path: "/console/sla" },
    { name: "coverage matrix", path: "/console/coverage" },
    { name: "roster", path: "/console/roster" },
    { name: "reports matrix", path: "/console/reports" },
    { name: "posture overview", path: "/console/posture" },
  ];
}

async function record(page: Page, what: () => Promise<unknown>) {
  const seen: string[] = [];
  const on = (r: { url: () => string; method: () => string }) => {
    if (r.url().includes("/api/trpc/")) seen.push(`${r.method()} ${r.url()}`);
  };
  page.on("request", on);
  await what();
  await page.waitForLoadState("networkidle").catch(() => {});
  await page.waitForTimeout(settle);
  page.off("request", on);
  return seen;
}

function print(name: string, requests: string[]) {
  console.log(`\n## ${name}: ${requests.length} request(s) to /api/trpc`);
  for (const r of requests) {
    const [method, url] = r.split(" ") as [string, string];
    const calls = readBatch(url);
    const same = batchPath(calls) === new URL(url).pathname + new URL(url).search;
    console.log(
      `- ${method} ${calls.map((c) => c.path).join(",")}${same ? " (= batchPath)" : ` (≠ batchPath: ${url})`}`,
    );
    for (const c of calls) console.log(`    ${c.path} ${JSON.stringify(c.input) ?? "(no input)"}`);
  }
}

async function main() {
  const sql = postgres(dbUrl, { max: 2, onnotice: () => {} });
  const server = await startServer(dbUrl, Number(values.port), ".data/load/capture-server.log");
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu"],
  });
  try {
    const users = await signInUsers(sql, server.url, 10, {
      password: values.password,
      usersFile: values["users-file"],
    });
    const who = [users.find((u) => u.role === "manager")!, users.find((u) => u.role === "customer")!];
    for (const u of who) {
      console.log(`\n# ${u.role} ${u.email} (${u.timeZone})`);
      const context = await browser.newContext({ timezoneId: u.timeZone, viewport: { width: 1280, height: 900 } });
      await context.addCookies(
        u.cookie.split("; ").map((c) => {
          const [name, ...rest] = c.split("=");
          return { name: name!, value: rest.join("="), url: server.url };
        }),
      );
      const page = await context.newPage();
      for (const p of pagesOf(u)) {
        print(p.name, await record(page, () => page.goto(`${server.url}${p.path}`)));
        if (p.filter) {
          const qs = p.filter;
          print(
            `${p.name}, filter changed to ${qs}`,
            await record(page, () => page.evaluate((q) => window.history.replaceState(null, "", q), qs)),
          );
        }
      }
      await context.close();
    }
  } finally {
    await browser.close();
    await server.stop();
    await sql.end();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
