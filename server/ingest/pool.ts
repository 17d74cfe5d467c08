import path from "node:path";
import { Worker } from "node:worker_threads";
import { env } from "@/server/env";
import { log } from "@/server/log";
import { IntakeError } from "./parse";
import { type PreparedItems, prepareBody, type RowContext } from "./prepare";

/**
 * Large batches are parsed and normalised off the event loop. Parsing and normalising 500 alerts is tens of
 * milliseconds of synchronous work; in-process it would stall every other request meanwhile and cap a busy instance
 * at one core. With INTAKE_THREADS > 0, bodies of at least `POOL_MIN_BYTES` go to a pool of worker threads
 * (prepare-thread.mjs), which hand back the prepared items; the database work stays here. Smaller requests are
 * prepared in-process (and grouped, coalesce.ts); so are all with 0 threads (tests, scripts) and any whose thread
 * died, with the same code.
 */
export const POOL_MIN_BYTES = 64 * 1024;

type Prepared = { batch: boolean; prepared: PreparedItems };
type Job = {
  id: number;
  bytes: Uint8Array;
  contentType: string | null;
  ctx: RowContext;
  receivedAt: Date;
  resolve: (r: Prepared) => void;
  reject: (e: Error) => void;
};
type Slot = { worker: Worker; ready: Promise<void>; busy: Job | null };
type Reply = {
  ready?: true;
  id?: number;
  ok?: boolean;
  out?: Prepared;
  intake?: boolean;
  error?: { status?: 400 | 413 | 422; code?: string; message: string; path?: string };
};

const THREAD_FILE = path.join(/*turbopackIgnore: true*/ process.cwd(), "server", "ingest", "prepare-thread.mjs");

class PreparePool {
  private slots: Slot[] = [];
  private waiting: Job[] = [];
  private nextId = 1;

  constructor(private size: number) {}

  prepare(bytes: Uint8Array, contentType: string | null, ctx: RowContext, receivedAt: Date): Promise<Prepared> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ id: this.nextId++, bytes, contentType, ctx, receivedAt, resolve, reject });
      this.pump();
    });
  }

  private spawn(): Slot {
    // A young generation larger than V8's default (16 MB semi-spaces): a batch allocates several MB of short-lived
    // objects, and with the default most of a thread's garbage collection was scavenges between batches.
    const worker = new Worker(THREAD_FILE, { resourceLimits: { maxYoungGenerationSizeMb: 96 } });
    let markReady: () => void = () => {};
    const slot: Slot = { worker, ready: new Promise((r) => (markReady = r)), busy: null };
    worker.on("message", (m: Reply) => {
      if (m.ready) return markReady();
      const job = slot.busy;
      slot.busy = null;
      worker.unref();
      if (job && m.id === job.id) {
        if (m.ok) job.resolve(m.out!);
        else if (m.intake) {
          const e = m.error!;
          job.reject(new IntakeError(e.status!, e.code!, e.message, e.path));
        } else job.reject(new Error(`intake thread failed: ${m.error?.message}`));
      }
      this.pump();
    });
    const fail = (e: Error) => {
      log.error({ err: e }, "intake thread died; replacing it");
      this.slots = this.slots.filter((s) => s !== slot);
      const job = slot.busy;
      slot.busy = null;
      markReady();
      // The request is not lost: it is prepared in-process.
      if (job) this.inProcess(job);
      this.pump();
    };
    worker.on("error", fail);
    worker.on("exit", (code) => {
      if (this.slots.includes(slot)) fail(new Error(`intake thread exited with code ${code}`));
    });
    worker.unref();
    this.slots.push(slot);
    return slot;
  }

  private inProcess(job: Job) {
    try {
      job.resolve(prepareBody(job.bytes, job.contentType, job.ctx, job.receivedAt));
    } catch (e) {
      job.reject(e as Error);
    }
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
        if (s.busy !== job || !this.slots.includes(s)) return;
        // The bytes are copied into a buffer the thread takes over (the request's own may be shared).
        const copy = job.bytes.slice();
        s.worker.postMessage(
          {
            id: job.id,
            bytes: copy.buffer,
            contentType: job.contentType,
            ctx: job.ctx,
            receivedAt: job.receivedAt.getTime(),
          },
          [copy.buffer],
        );
      });
    }
  }

  async close() {
    const slots = this.slots;
    this.slots = [];
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }
}

const g = globalThis as { __watchkeeperIntakePool?: PreparePool };

/** True when a body is large enough to be prepared on a thread (and threads are configured). */
export const preparesOnThread = (bytes: Uint8Array, threads = env.INTAKE_THREADS) =>
  threads > 0 && bytes.byteLength >= POOL_MIN_BYTES;

/** Parses and prepares a body on the pool's threads (in-process when INTAKE_THREADS is 0). */
export function prepareOnThread(
  bytes: Uint8Array,
  contentType: string | null,
  ctx: RowContext,
  receivedAt: Date,
  threads = env.INTAKE_THREADS,
): Promise<Prepared> {
  if (threads <= 0) {
    try {
      return Promise.resolve(prepareBody(bytes, contentType, ctx, receivedAt));
    } catch (e) {
      return Promise.reject(e);
    }
  }
  g.__watchkeeperIntakePool ??= new PreparePool(threads);
  return g.__watchkeeperIntakePool.prepare(bytes, contentType, { ...ctx }, receivedAt);
}

export async function closeIntakePool() {
  await g.__watchkeeperIntakePool?.close();
  g.__watchkeeperIntakePool = undefined;
}
