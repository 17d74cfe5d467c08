/**
 * Several instances on one PostgreSQL, proven: two web instances (JOBS=off) and one worker (`npm run worker`) behind
 * a small round-robin proxy, on a database of their own. Runs `instances.spec.ts` against them and reports like the
 * main e2e runner (`--reporter-json <file>`). Needs DATABASE_URL (a server where it may create a database) and a
 * production build (`npm run build`).
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import postgres from "postgres";
import { createSensorKey, tmpDir } from "../lib";

const root = path.resolve(import.meta.dirname, "..", "..");
const baseUrl = process.env.DATABASE_URL;
if (!baseUrl) {
  console.error("multi-instance e2e: set DATABASE_URL to a PostgreSQL server (it creates its own database).");
  process.exit(2);
}
const ports = { proxy: Number(process.env.E2E_MULTI_PORT ?? 3260), a: 0, b: 0, workerMetrics: 0 };
ports.a = ports.proxy + 1;
ports.b = ports.proxy + 2;
ports.workerMetrics = ports.proxy + 3;
const jsonAt = process.argv.indexOf("--reporter-json");
const jsonOut = jsonAt > 0 ? path.resolve(process.argv[jsonAt + 1]!) : null;
const dataDir = tmpDir("wk-multi-");
const dbName = `wk_multi_${process.pid}`;
const dbUrl = (() => {
  const u = new URL(baseUrl);
  u.pathname = `/${dbName}`;
  return u.toString();
})();

const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: "production",
  DATABASE_URL: dbUrl,
  BETTER_AUTH_SECRET: "multi-instance-e2e-secret-0123456789abcdef",
  BETTER_AUTH_URL: `http://127.0.0.1:${ports.proxy}`,
  STAFF_2FA: "optional",
  AUDIT_HMAC_KEY: "multi-instance-e2e-audit-key-0123456789abcdef",
  NEXT_TELEMETRY_DISABLED: "1",
  // A dead worker's running report job is taken again after 5 s instead of 10 minutes.
  REPORT_JOB_STALE_SECONDS: "5",
  E2E_PROXY_URL: `http://127.0.0.1:${ports.proxy}`,
  E2E_A_URL: `http://127.0.0.1:${ports.a}`,
  E2E_B_URL: `http://127.0.0.1:${ports.b}`,
  E2E_DB_URL: dbUrl,
  // Every instance exposes /metrics; the worker on a port of its own (it has no web server).
  METRICS_TOKEN: "multi-instance-metrics-token-0123456789",
  E2E_WORKER_METRICS_URL: `http://127.0.0.1:${ports.workerMetrics}`,
  E2E_WORKER_CONTROL: path.join(dataDir, "worker-control"),
};

const children = new Set<ChildProcess>();
function start(name: string, args: string[], extra: Record<string, string> = {}): ChildProcess {
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...env, ...extra },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const log = fs.createWriteStream(path.join(dataDir, `${name}.log`), { flags: "a" });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  children.add(child);
  child.on("exit", () => children.delete(child));
  return child;
}

const web = (port: number, name: string) =>
  start(name, ["node_modules/next/dist/bin/next", "start", "-p", String(port)], { JOBS: "off" });
const startWorker = () =>
  start("worker", ["--import", "tsx", "scripts/worker.ts"], { METRICS_PORT: String(ports.workerMetrics) });

async function waitReady(url: string, what: string) {
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/readyz`)).ok) return;
    } catch {}
    if (Date.now() > deadline) throw new Error(`${what} did not become ready; logs in ${dataDir}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** Round robin over the two web instances; each answer says which one served it (x-served-by). */
function proxy() {
  let turn = 0;
  const server = http.createServer((req, res) => {
    const port = turn++ % 2 === 0 ? ports.a : ports.b;
    const upstream = http.request(
      { host: "127.0.0.1", port, path: req.url, method: req.method, headers: req.headers },
      (up) => {
        res.writeHead(up.statusCode ?? 502, { ...up.headers, "x-served-by": port === ports.a ? "a" : "b" });
        up.pipe(res);
      },
    );
    upstream.on("error", () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  server.listen(ports.proxy, "127.0.0.1");
  return server;
}

// The spec asks the runner to kill and restart the worker through a control file (it cannot signal our children).
function watchWorkerControl(getWorker: () => ChildProcess, setWorker: (c: ChildProcess) => void) {
  const file = env.E2E_WORKER_CONTROL as string;
  return setInterval(() => {
    if (!fs.existsSync(file)) return;
    const command = fs.readFileSync(file, "utf8").trim();
    if (command !== "kill" && command !== "start") return; // not whole yet: read it again on the next turn
    fs.rmSync(file);
    if (command === "kill") getWorker().kill("SIGKILL");
    else setWorker(startWorker());
    fs.writeFileSync(`${file}.done`, command);
  }, 100);
}

async function main(): Promise<number> {
  const admin = postgres(baseUrl as string, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${dbName} with (force)`);
  await admin.unsafe(`create database ${dbName}`);
  await admin.end();

  const seed = spawnSync(process.execPath, ["--import", "tsx", "db/seed/index.ts", "--no-history"], {
    cwd: root,
    env,
    stdio: "inherit",
  });
  if (seed.status !== 0) throw new Error("seed failed");
  // A sensor whose key the spec sends alerts with (so the intake series appear in /metrics).
  env.E2E_SENSOR_KEY = createSensorKey(root, env, "Multi Falcon");

  const a = web(ports.a, "web-a");
  const b = web(ports.b, "web-b");
  let worker = startWorker();
  const control = watchWorkerControl(
    () => worker,
    (c) => {
      worker = c;
    },
  );
  const server = proxy();
  try {
    await Promise.all([waitReady(env.E2E_A_URL as string, "web A"), waitReady(env.E2E_B_URL as string, "web B")]);
    void a;
    void b;
    const tap = path.join(dataDir, "multi.tap");
    // Not spawnSync: this process serves the proxy and the worker control while the spec runs.
    const test = spawn(
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
        "e2e/multi/instances.spec.ts",
      ],
      { cwd: root, env, stdio: "inherit" },
    );
    const status = await new Promise<number>((resolve) => test.on("exit", (code) => resolve(code ?? 1)));
    if (jsonOut) {
      const text = fs.existsSync(tap) ? fs.readFileSync(tap, "utf8") : "";
      const count = (k: string) => Number(text.match(new RegExp(`^# ${k} (\\d+)$`, "m"))?.[1] ?? 0);
      const failed = count("fail") || (status === 0 ? 0 : 1);
      fs.writeFileSync(jsonOut, JSON.stringify({ numPassedTests: count("pass"), numFailedTests: failed }));
    }
    return status;
  } finally {
    clearInterval(control);
    server.close();
  }
}

async function cleanup(code: number) {
  for (const c of children) c.kill("SIGTERM");
  await new Promise((r) => setTimeout(r, 2000));
  for (const c of children) c.kill("SIGKILL");
  const admin = postgres(baseUrl as string, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${dbName} with (force)`).catch(() => {});
  await admin.end();
  if (code === 0) fs.rmSync(dataDir, { recursive: true, force: true });
  else console.error(`multi-instance e2e: logs kept in ${dataDir}`);
  process.exit(code);
}

main().then(cleanup, (e) => {
  console.error(`multi-instance e2e: ${e instanceof Error ? e.message : e}`);
  if (jsonOut) fs.writeFileSync(jsonOut, JSON.stringify({ numPassedTests: 0, numFailedTests: 1 }));
  return cleanup(1);
});
