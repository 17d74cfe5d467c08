export async function register() {
  // Next's own runtime flag, read before any server module (and server/env.ts) may be loaded.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startServer } = await import("./server/startup");
  await startServer();
}
