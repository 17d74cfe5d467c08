// A report-rendering thread: loads the react-pdf template from source through tsx (the same files the server
// bundles) and renders models posted by server/reports/pdf/pool.ts, so a render never blocks a web process's event loop.
import { parentPort } from "node:worker_threads";
import { tsImport } from "tsx/esm/api";

const { renderReportPdf } = await tsImport("./render.tsx", import.meta.url);

parentPort.on("message", async ({ id, model, generatedAt }) => {
  try {
    const { pdf, pages } = await renderReportPdf(model, { generatedAt });
    const bytes = new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength).slice();
    parentPort.postMessage({ id, ok: true, pdf: bytes, pages }, [bytes.buffer]);
  } catch (e) {
    parentPort.postMessage({ id, ok: false, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
});
parentPort.postMessage({ ready: true });
