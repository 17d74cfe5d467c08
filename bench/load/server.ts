/**
 * `npm start` for the load run: the production build on `port` with the production secrets, staff two-factor optional
 * (the bench signs staff in with a password only), scheduled jobs off, and 127.0.0.1 as a trusted proxy so each
 * virtual user can sign in from an address of its own (the sign-in limits stay on).
 */
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";

export type Server = { url: string; child: ChildProcess; stop: () => Promise<void> };

/** `nodeArgs`: extra arguments for node itself (e.g. `--cpu-prof` to profile the server under load). */
export async function startServer(
  databaseUrl: string,
  port: number,
  logFile: string,
  nodeArgs: string[] = [],
): Promise<Server> {
  if (!fs.existsSync(".next/BUILD_ID")) throw new Error("No production build: run `npm run build` first.");
  const url = `http://127.0.0.1:${port}`;
  const log = fs.openSync(logFile, "w");
  const child = spawn(
    process.execPath,
    [...nodeArgs, "node_modules/next/dist/bin/next", "start", "--keepAliveTimeout", "65000", "-p", String(port)],
    {
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: databaseUrl,
        BETTER_AUTH_SECRET: process.env.BETTER_AUTH_SECRET ?? "load-bench-secret-0123456789abcdefghij",
        BETTER_AUTH_URL: url,
        AUDIT_HMAC_KEY: process.env.AUDIT_HMAC_KEY ?? "load-bench-audit-key-0123456789abcdef",
        STAFF_2FA: "optional",
        JOBS: "off",
        DEMO_LIVE: "off",
        TRUSTED_PROXIES: "127.0.0.1",
        LOG_LEVEL: "warn",
        NEXT_TELEMETRY_DISABLED: "1",
      },
      stdio: ["ignore", log, log],
    },
  );
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The server stopped during start-up (see ${logFile}).`);
    if (Date.now() > deadline) {
      child.kill("SIGTERM");
      throw new Error(`The server was not ready in 120 s (see ${logFile}).`);
    }
    try {
      if ((await fetch(`${url}/readyz`)).ok) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    url,
    child,
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      fs.closeSync(log);
    },
  };
}
