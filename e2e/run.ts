/**
 * Runs the end-to-end specs against a production build: a fresh embedded database, seeded, served by `next start`
 * on a spare port, driven by Debian's Chromium through playwright-core. `npm run build` first.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { createSensorKey, tmpDir } from "./lib";

const root = path.resolve(import.meta.dirname, "..");
const port = Number(process.env.E2E_PORT ?? 3210);
const jsonAt = process.argv.indexOf("--reporter-json");
const jsonOut = jsonAt > 0 ? process.argv[jsonAt + 1] : undefined;
// `npm run test:e2e -- walk intake`: only the specs whose file names contain one of the words.
const only = process.argv.slice(2).filter((a, i, all) => !a.startsWith("--") && all[i - 1] !== "--reporter-json");
const base = `http://localhost:${port}`;

if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) {
  console.error("e2e: no production build found; run `npm run build` first.");
  process.exit(2);
}

const dataDir = tmpDir("wk-e2e-");
const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: "production",
  PGLITE_DIR: path.join(dataDir, "pglite"),
  BETTER_AUTH_URL: base,
  BETTER_AUTH_SECRET: "watchkeeper-e2e-secret-0123456789abcdefghijklmnop",
  AUDIT_HMAC_KEY: "watchkeeper-e2e-audit-key-0123456789abcdefghijklmn",
  AUDIT_CHECKPOINT_DIR: path.join(dataDir, "audit-checkpoints"),
  STAFF_2FA: "required",
  E2E_BASE_URL: base,
};
delete env.DATABASE_URL;

// A sensor for the intake spec, created with the admin CLI before the server holds the database.
const sensorKey = () => createSensorKey(root, env, "E2E Falcon");

// Another customer's stored report, for the reports spec's tenant check.
function otherTenantReport(): string {
  const r = spawnSync(
    process.execPath,
    ["--import", "tsx", "scripts/admin.ts", "report:list", "--customer", "meridian-health"],
    { cwd: root, env, encoding: "utf8" },
  );
  const id = r.stdout.match(/^[0-9a-f-]{36}/m)?.[0];
  if (r.status !== 0 || !id) throw new Error(`report:list failed: ${r.stderr || r.stdout}`);
  return id;
}

const seeded = spawnSync(
  process.execPath,
  ["--import", "tsx", "db/seed/index.ts", ...(process.env.E2E_SEED_HISTORY ? [] : ["--no-history"])],
  {
    cwd: root,
    env,
    stdio: "inherit",
  },
);
if (seeded.status !== 0) process.exit(seeded.status ?? 1);
env.E2E_SENSOR_KEY = sensorKey();
env.E2E_OTHER_REPORT_ID = otherTenantReport();

let server: ChildProcess | undefined;
async function main() {
  server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port)], {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const log = fs.createWriteStream(path.join(dataDir, "server.log"));
  server.stdout?.pipe(log);
  server.stderr?.pipe(log);
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      // Ready means database reachable, migrations current and the scheduler ticking (GET /readyz).
      const r = await fetch(`${base}/readyz`);
      if (r.ok) break;
    } catch {}
    if (Date.now() > deadline) throw new Error(`server did not start; see ${path.join(dataDir, "server.log")}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  const specs = fs
    .readdirSync(path.join(root, "e2e"))
    .filter((f) => f.endsWith(".e2e.ts") && (!only.length || only.some((w) => f.includes(w))))
    .map((f) => path.join("e2e", f));
  const tap = path.join(dataDir, "e2e.tap");
  const test = spawnSync(
    process.execPath,
    [
      "--import",
      "tsx",
      "--test",
      "--test-concurrency=1",
      "--test-reporter=spec",
      "--test-reporter-destination=stdout",
      "--test-reporter=tap",
      `--test-reporter-destination=${tap}`,
      ...specs,
    ],
    { cwd: root, env, stdio: "inherit" },
  );
  if (jsonOut) {
    const text = fs.existsSync(tap) ? fs.readFileSync(tap, "utf8") : "";
    const count = (k: string) => Number(text.match(new RegExp(`^# ${k} (\\d+)$`, "m"))?.[1] ?? 0);
    const failed = count("fail") || (test.status === 0 ? 0 : 1);
    fs.writeFileSync(jsonOut, JSON.stringify({ numPassedTests: count("pass"), numFailedTests: failed }));
  }
  return test.status ?? 1;
}

main()
  .then((code) => {
    server?.kill("SIGTERM");
    if (code !== 0) console.error(`e2e: server log kept at ${path.join(dataDir, "server.log")}`);
    else setTimeout(() => fs.rmSync(dataDir, { recursive: true, force: true }), 2000);
    setTimeout(() => process.exit(code), 2500);
  })
  .catch((e) => {
    console.error(`e2e: ${e instanceof Error ? e.message : e}`);
    server?.kill("SIGTERM");
    setTimeout(() => process.exit(1), 1000);
  });
