import path from "node:path";
import { Worker } from "node:worker_threads";
import { env } from "@/server/env";
import { log } from "@/server/log";
import type { MonthlyReportModel } from "@/server/reports/model/assemble";
import { renderReportPdf } from "./render";

/**
 * Report rendering off the event loop. react-pdf's layout is synchronous (up to about a second a report), so a web
 * instance that rendered in-process would stall every request meanwhile. With RENDER_THREADS > 0, renders go to a
 * pool of worker threads (render-thread.mjs); with 0 (tests, scripts) they run in-process. A thread that dies is
 * replaced and its render fails with an error (the report queue retries it).
 */
type Job = {
  id: number;
  model: MonthlyReportModel;
  generatedAt: Date;
  resolve: (r: { pdf: Buffer; pages: number }) => void;
  reject: (e: Error) => void;
};
type Slot = { worker: Worker; ready: Promise<void>; busy: Job | null };

const THREAD_FILE = path.join(/*turbopackIgnore: true*/ process.cwd(), "server", "reports", "pdf", "render-thread.mjs");

class RenderPool {
  private slots: Slot[] = [];
  private waiting: Job[] = [];
  private nextId = 1;

  constructor(private size: number) {}

  render(model: MonthlyReportModel, generatedAt: Date): Promise<{ pdf: Buffer; pages: number }> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ id: this.nextId++, model, generatedAt, resolve, reject });
      this.pump();
    });
  }

  private spawn(): Slot {
    // A thread sees the process environment (the default), so it renders with the same configuration.
    const worker = new Worker(THREAD_FILE);
    let markReady: () => void = () => {};
    const slot: Slot = { worker, ready: new Promise((r) => (markReady = r)), busy: null };
    worker.on(
      "message",
      (m: { ready?: true; id?: number; ok?: boolean; pdf?: Uint8Array; pages?: number; error?: string }) => {
        if (m.ready) return markReady();
        const job = slot.busy;
        slot.busy = null;
        worker.unref();
        if (job && m.id === job.id) {
          if (m.ok)
            job.resolve({ pdf: Buffer.from(m.pdf!.buffer, m.pdf!.byteOffset, m.pdf!.byteLength), pages: m.pages! });
          else job.reject(new Error(`render failed in thread: ${m.error}`));
        }
        this.pump();
      },
    );
    const fail = (e: Error) => {
      log.error({ err: e }, "render thread died; replacing it");
      this.slots = this.slots.filter((s) => s !== slot);
      slot.busy?.reject(e);
      slot.busy = null;
      markReady();
      this.pump();
    };
    worker.on("error", fail);
    worker.on("exit", (code) => {
      if (this.slots.includes(slot)) fail(new Error(`render thread exited with code ${code}`));
    });
    // An idle thread must not keep a script alive; one with a render in flight must (pump refs it). A listener added
    // to a Worker refs it again, so this comes after them.
    worker.unref();
    this.slots.push(slot);
    return slot;
  }

  private pump() {
    while (this.waiting.length > 0) {
      let slot = this.slots.find((s) => !s.busy);
      if (!slot && this.slots.length < this.size) slot = this.spawn();
      if (!slot) return;
      const job = this.waiting.shift()!;
      slot.busy = job;
      slot.worker.ref();
      const s = slot;
      void s.ready.then(() => {
        if (s.busy === job && this.slots.includes(s))
          s.worker.postMessage({ id: job.id, model: job.model, generatedAt: job.generatedAt });
      });
    }
  }

  async close() {
    const slots = this.slots;
    this.slots = [];
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }
}

const g = globalThis as { __watchkeeperRenderPool?: RenderPool };

/** Renders through the thread pool when RENDER_THREADS > 0, in-process otherwise. */
export function renderInPool(model: MonthlyReportModel, generatedAt: Date, threads = env.RENDER_THREADS) {
  if (threads <= 0) return renderReportPdf(model, { generatedAt });
  g.__watchkeeperRenderPool ??= new RenderPool(threads);
  return g.__watchkeeperRenderPool.render(model, generatedAt);
}

export async function closeRenderPool() {
  await g.__watchkeeperRenderPool?.close();
  g.__watchkeeperRenderPool = undefined;
}
