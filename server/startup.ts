import { closeDatabase, getDatabase } from "@/db";
import { env, usesDevelopmentSecret } from "@/server/env";

/** Runs once when the Next server starts: opens and migrates the database, and closes it cleanly on a signal. */
export async function startServer() {
  const g = globalThis as { __watchkeeperStarted?: boolean };
  if (g.__watchkeeperStarted) return;
  g.__watchkeeperStarted = true;
  if (usesDevelopmentSecret && env.NODE_ENV === "production") {
    console.warn(
      "watchkeeper: BETTER_AUTH_SECRET is the built-in development secret; set your own for a real deployment.",
    );
  }
  const handle = await getDatabase();
  console.log(
    `watchkeeper: database ready (${handle.kind === "pglite" ? `embedded PGlite at ${env.PGLITE_DIR}` : "PostgreSQL"})`,
  );
  if (env.JOBS !== "off") {
    const { startScheduler } = await import("@/server/jobs/scheduler");
    startScheduler(handle.db);
    console.log("watchkeeper: scheduler started (SLA sweep every minute)");
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
    console.log(`watchkeeper: ${signal} received, closing the database`);
    closeDatabase()
      .catch((e) => console.error("watchkeeper: close failed", e))
      .finally(() => process.exit(0));
  };
  process.once("SIGTERM", () => shutdown("SIGTERM"));
  process.once("SIGINT", () => shutdown("SIGINT"));
}
