// An intake preparing thread: parses a large batch and normalises its items (server/ingest/prepare.ts, loaded from
// source through tsx, the same files the server bundles), so that CPU work never holds a web process's event loop.
import { parentPort } from "node:worker_threads";
import { tsImport } from "tsx/esm/api";

const { prepareBody } = await tsImport("./prepare.ts", import.meta.url);

parentPort.on("message", ({ id, bytes, contentType, ctx, receivedAt }) => {
  try {
    const out = prepareBody(new Uint8Array(bytes), contentType, ctx, new Date(receivedAt));
    parentPort.postMessage({ id, ok: true, out });
  } catch (e) {
    const intake = e && e.name === "IntakeError";
    parentPort.postMessage({
      id,
      ok: false,
      intake,
      error: intake
        ? { status: e.status, code: e.code, message: e.message, path: e.path }
        : { message: e instanceof Error ? (e.stack ?? e.message) : String(e) },
    });
  }
});
parentPort.postMessage({ ready: true });
