import { closeDatabase, getDatabase } from "@/db";
import { env, usesDevelopmentSecret } from "@/server/env";
import { installClientAddressHeader } from "@/server/security/install-client-address";

/** Runs once when the Next server starts: opens and migrates the database, and closes it cleanly on a signal. */
export async function startServer() {
  const g = globalThis as { __watchkeeperStarted?: boolean };
  if (g.__watchkeeperStarted) return;
  g.__watchkeeperStarted = true;
  installClientAddressHeader();
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
