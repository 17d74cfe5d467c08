import { closeDatabase, getDatabase } from "@/db";
import { env, usesDevelopmentAuditKey, usesDevelopmentSecret } from "@/server/env";
import { log } from "@/server/log";
import { installClientAddressHeader } from "@/server/security/install-client-address";

/** Runs once when the Next server starts: opens and migrates the database, and closes it cleanly on a signal. */
export async function startServer() {
  const g = globalThis as { __watchkeeperStarted?: boolean };
  if (g.__watchkeeperStarted) return;
  g.__watchkeeperStarted = true;
  const { answerTrpcDirect, isDirectTrpc } = await import("@/server/trpc/http");
  installClientAddressHeader((req, res) => {
    if (!isDirectTrpc(req)) return false;
    void answerTrpcDirect(req, res);
    return true;
  });
  if (usesDevelopmentSecret && env.NODE_ENV === "production") {
    log.warn("BETTER_AUTH_SECRET is the built-in development secret; set your own for a real deployment");
  }
  if (usesDevelopmentAuditKey && env.NODE_ENV === "production") {
    throw new Error("watchkeeper: set AUDIT_HMAC_KEY (32+ characters) to sign the audit chain in production.");
  }
  const handle = await getDatabase();
  log.info({ database: handle.kind, dir: handle.kind === "pglite" ? env.PGLITE_DIR : undefined }, "database ready");
  if (env.INTAKE_PORT) {
    const { serveIntake } = await import("@/server/ingest/listener");
    await serveIntake(env.INTAKE_PORT);
  }
  if (env.JOBS !== "off") {
    const { startScheduler } = await import("@/server/jobs/scheduler");
    startScheduler(handle.db);
    log.info("scheduler started");
  }
  if (env.DEMO_LIVE === "on") {
    const { startDemoSimulator } = await import("@/server/demo/simulator");
    // After the server answers: the simulator speaks to it over HTTP, like any sensor.
    setTimeout(() => void startDemoSimulator(handle.db, env.BETTER_AUTH_URL).catch((e) => console.error(e)), 10_000);
  }
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    log.info({ signal }, "closing the database");
    closeDatabase()
      .catch((e) => log.error({ err: e }, "database close failed"))
      .finally(() => process.exit(0));
  };
  process.once("SIGTERM", () => shutdown("SIGTERM"));
  process.once("SIGINT", () => shutdown("SIGINT"));
}
