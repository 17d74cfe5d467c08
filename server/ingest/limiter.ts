import { sql } from "drizzle-orm";
import type { Db } from "@/db";

/**
 * Fixed-window request counters, per bucket ("key:<id>", "customer:<id>"). Each instance decides locally from the
 * window's shared total as last read plus what it has counted since, and adds its own counts to the shared total in
 * the background every `syncMs` (one statement for all buckets). The first request of a bucket in a window reads the
 * shared total before deciding, so a limit holds across instances to within what they admit in one sync interval —
 * unless the bucket's previous window, as this instance last knew it, stayed under a quarter of the limit: a quiet
 * bucket (a sensor sending its heartbeat, a key well inside its limit) is admitted at once and its window's total read
 * at the next background sync, so the common request costs no round trip. A busy bucket, or one this instance has
 * not seen before, still waits for the read. Without a store (the embedded database) the counts stay in memory.
 */
export type Store = (counts: { bucket: string; window: number; points: number }[]) => Promise<Map<string, number>>;

/** `previous`: the bucket's total in the window before, as this instance knew it (null: never seen here). */
type Entry = { window: number; shared: number; pending: number; synced: boolean; previous: number | null };
export type Verdict = { ok: true } | { ok: false; retryAfterMs: number };

export class WindowLimiter {
  private readonly entries = new Map<string, Entry>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private flushing: Promise<void> | null = null;
  private warnedAt = 0;

  constructor(
    readonly windowMs: number,
    private readonly store: Store | null,
    private readonly syncMs = 200,
  ) {}

  /** Counts one request against every bucket, or none when any is over its limit. */
  async consume(buckets: { bucket: string; limit: number }[], now = Date.now()): Promise<Verdict> {
    const window = Math.floor(now / this.windowMs);
    if (this.entries.size > 10_000) {
      // Forget buckets of past windows with nothing left to send.
      for (const [bucket, e] of this.entries) if (e.window < window && e.pending === 0) this.entries.delete(bucket);
    }
    const list = buckets.map((b) => ({ ...b, entry: this.entry(b.bucket, window) }));
    for (const b of list) {
      // A quiet bucket's new window: decided locally now, its shared total read at the next background sync.
      if (!b.entry.synced && b.entry.previous !== null && b.entry.previous < b.limit / 4) b.entry.synced = true;
    }
    const unsynced = list.filter((b) => !b.entry.synced);
    if (this.store && unsynced.length) {
      for (const b of unsynced) b.entry.synced = true;
      await this.syncTogether(unsynced.map((b) => b.bucket));
    }
    for (const b of list) {
      if (b.entry.window !== window) b.entry = this.entry(b.bucket, window);
      if (b.entry.shared + b.entry.pending + 1 > b.limit) {
        return { ok: false, retryAfterMs: (window + 1) * this.windowMs - now };
      }
    }
    for (const b of list) b.entry.pending++;
    this.schedule();
    return { ok: true };
  }

  /** Adds the pending counts to the store now (tests; shutdown). */
  async flush() {
    if (this.flushing) await this.flushing;
    await this.sync([...this.entries.keys()]);
  }

  /** Stops the background sync (pending counts are dropped). */
  stop() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private entry(bucket: string, window: number): Entry {
    let e = this.entries.get(bucket);
    if (!e || e.window !== window) {
      // Known from this instance's last window of the bucket: that total if it was the window before, 0 if it was
      // older (a sensor beating every few minutes has no request in most windows), nothing if never seen here.
      const previous = !e ? null : e.window === window - 1 ? e.shared + e.pending : 0;
      e = { window, shared: 0, pending: 0, synced: this.store === null, previous };
      this.entries.set(bucket, e);
    }
    return e;
  }

  private schedule() {
    if (!this.store || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      // Counts not yet sent, and this window's totals (what other instances admitted); past windows are done.
      const window = Math.floor(Date.now() / this.windowMs);
      const due = [...this.entries].filter(([, e]) => e.pending > 0 || e.window >= window).map(([b]) => b);
      this.flushing = this.sync(due)
        .catch((e) => {
          // Counting goes on locally; the counts are sent again at the next sync. Said at most once a minute.
          if (Date.now() - this.warnedAt > 60_000) {
            this.warnedAt = Date.now();
            console.warn(`intake rate limiter: sync failed (${e instanceof Error ? e.message.split("\n")[0] : e})`);
          }
        })
        .finally(() => {
          this.flushing = null;
        });
    }, this.syncMs);
    this.timer.unref?.();
  }

  /**
   * Reads asked for in the same turn of the event loop go to the store together (one statement): after a start,
   * thousands of sensors' first requests each bring buckets this instance has never seen.
   */
  private soon: { buckets: Set<string>; done: Promise<void> } | null = null;

  private syncTogether(buckets: string[]): Promise<void> {
    if (!this.soon) {
      const batch = { buckets: new Set<string>(), done: Promise.resolve() };
      batch.done = new Promise<void>((resolve, reject) =>
        setImmediate(() => {
          if (this.soon === batch) this.soon = null;
          this.sync([...batch.buckets]).then(resolve, reject);
        }),
      );
      this.soon = batch;
    }
    for (const b of buckets) this.soon.buckets.add(b);
    return this.soon.done;
  }

  private async sync(buckets: string[]) {
    if (!this.store) return;
    const sent = buckets.map((bucket) => {
      const e = this.entries.get(bucket)!;
      const points = e.pending;
      e.pending = 0;
      return { bucket, window: e.window, points, e };
    });
    let totals: Map<string, number>;
    try {
      totals = await this.store(sent.map(({ bucket, window, points }) => ({ bucket, window, points })));
    } catch (err) {
      for (const s of sent) s.e.pending += s.points; // counted again at the next sync
      throw err;
    }
    for (const s of sent) {
      const total = totals.get(`${s.bucket}@${s.window}`);
      if (total !== undefined && s.e.window === s.window) s.e.shared = Math.max(s.e.shared, total);
    }
  }
}

/** The PostgreSQL store: adds each bucket's points to its window's row and returns the new totals. */
export function postgresStore(db: Db): Store {
  let lastSweep = 0;
  return async (counts) => {
    if (counts.length === 0) return new Map();
    const rows = JSON.stringify(counts.map((c) => ({ b: c.bucket, w: c.window, p: c.points })));
    const result = await db.execute(sql`
      insert into intake_rate_counters (bucket, "window", points)
      select b, w, p from jsonb_to_recordset(${rows}::jsonb) as x(b text, w bigint, p integer) order by b, w
      on conflict (bucket, "window") do update set points = intake_rate_counters.points + excluded.points
      returning bucket, "window", points`);
    const out = new Map<string, number>();
    const list = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as {
      bucket: string;
      window: string | number;
      points: number;
    }[];
    for (const r of list) out.set(`${r.bucket}@${Number(r.window)}`, Number(r.points));
    if (Date.now() - lastSweep > 60_000) {
      lastSweep = Date.now();
      const before = Math.min(...counts.map((c) => c.window)) - 60;
      await db.execute(sql`delete from intake_rate_counters where "window" < ${before}`);
    }
    return out;
  };
}
