import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { closeTestDatabase, createTestDatabase } from "@/server/testing/db";
import { postgresStore, WindowLimiter } from "./limiter";

/** The intake's rate limit across two app instances: two limiters sharing one database's counters. */
let h: DatabaseHandle;
beforeAll(async () => {
  h = await createTestDatabase();
});
afterAll(closeTestDatabase);

const buckets = (limit: number) => [
  { bucket: "key:k1", limit },
  { bucket: "customer:c1", limit: limit * 10 },
];

describe("intake rate limiter", () => {
  it("holds one limit across two instances", async () => {
    const now = Date.UTC(2026, 10, 1, 12, 0, 30);
    const a = new WindowLimiter(60_000, postgresStore(h.db));
    const b = new WindowLimiter(60_000, postgresStore(h.db));
    const first = [];
    for (let i = 0; i < 6; i++) first.push(await a.consume(buckets(10), now));
    expect(first.every((v) => v.ok)).toBe(true);
    await a.flush();
    const second = [];
    for (let i = 0; i < 6; i++) second.push(await b.consume(buckets(10), now + 1000));
    expect(second.map((v) => v.ok)).toEqual([true, true, true, true, false, false]);
    const refused = second[5]!;
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.retryAfterMs).toBe(29_000);
    await b.flush();
    // Instance a learns b's counts at its next sync, and refuses too.
    await a.flush();
    expect((await a.consume(buckets(10), now + 2000)).ok).toBe(false);
    // A new window starts from zero.
    expect((await a.consume(buckets(10), now + 60_000)).ok).toBe(true);
    a.stop();
    b.stop();
  });

  it("limits per customer across the customer's keys", async () => {
    const now = Date.UTC(2026, 10, 1, 13, 0, 0);
    const a = new WindowLimiter(1000, postgresStore(h.db));
    const one = await a.consume(
      [
        { bucket: "key:x1", limit: 5 },
        { bucket: "customer:c2", limit: 2 },
      ],
      now,
    );
    const two = await a.consume(
      [
        { bucket: "key:x2", limit: 5 },
        { bucket: "customer:c2", limit: 2 },
      ],
      now,
    );
    const three = await a.consume(
      [
        { bucket: "key:x3", limit: 5 },
        { bucket: "customer:c2", limit: 2 },
      ],
      now,
    );
    expect([one.ok, two.ok, three.ok]).toEqual([true, true, false]);
    a.stop();
  });

  it("admits a quiet bucket's new window without waiting for the store, and reads a busy one's first", async () => {
    const store = postgresStore(h.db);
    let reads = 0;
    const l = new WindowLimiter(1000, async (counts) => {
      reads++;
      return store(counts);
    });
    const now = Date.UTC(2026, 10, 1, 15, 0, 0);
    const quiet = [{ bucket: "key:quiet", limit: 100 }];
    const busy = [{ bucket: "key:busy", limit: 8 }];
    expect((await l.consume(quiet, now)).ok).toBe(true); // never seen: read first
    for (let i = 0; i < 4; i++) expect((await l.consume(busy, now)).ok).toBe(true);
    expect(reads).toBe(2);
    await l.flush();
    reads = 0;
    expect((await l.consume(quiet, now + 1000)).ok).toBe(true); // 1 of 100 last window: no read
    expect(reads).toBe(0);
    expect((await l.consume(busy, now + 1000)).ok).toBe(true); // 4 of 8 last window: read first
    expect(reads).toBe(1);
    // A sparse bucket (a heartbeat every few minutes) last seen windows ago: still quiet, no read.
    const sparse = [{ bucket: "key:sparse", limit: 100 }];
    expect((await l.consume(sparse, now + 1000)).ok).toBe(true); // never seen: read
    expect(reads).toBe(2);
    expect((await l.consume(sparse, now + 300_000)).ok).toBe(true);
    expect(reads).toBe(2);
    // Another instance's counts still reach it at the next sync: the quiet bucket is refused once they are known.
    const other = new WindowLimiter(1000, postgresStore(h.db));
    for (let i = 0; i < 99; i++) await other.consume(quiet, now + 1000);
    await other.flush();
    await l.flush();
    expect((await l.consume(quiet, now + 1000)).ok).toBe(false);
    l.stop();
    other.stop();
  });

  it("counts in memory without a store", async () => {
    const m = new WindowLimiter(1000, null);
    const now = Date.UTC(2026, 10, 1, 14, 0, 0, 250);
    expect((await m.consume(buckets(1), now)).ok).toBe(true);
    expect(await m.consume(buckets(1), now + 10)).toEqual({ ok: false, retryAfterMs: 740 });
    expect((await m.consume(buckets(1), now + 800)).ok).toBe(true);
  });

  it("reads the shared totals of buckets first seen together in one store call, and still holds the limit", async () => {
    const calls: number[] = [];
    const inner = postgresStore(h.db);
    const limiter = new WindowLimiter(60_000, async (counts) => {
      calls.push(counts.length);
      return inner(counts);
    });
    const now = Date.UTC(2026, 10, 1, 13, 0, 30);
    // Another instance already admitted 9 of key:busy's 10 this window.
    const other = new WindowLimiter(60_000, postgresStore(h.db));
    for (let i = 0; i < 9; i++) await other.consume([{ bucket: "key:busy", limit: 10 }], now);
    await other.flush();
    const verdicts = await Promise.all(
      Array.from({ length: 20 }, (_, i) => limiter.consume([{ bucket: `key:fresh-${i}`, limit: 10 }], now)),
    );
    expect(verdicts.every((v) => v.ok)).toBe(true);
    const busy = await Promise.all([
      limiter.consume([{ bucket: "key:busy", limit: 10 }], now),
      limiter.consume([{ bucket: "key:busy", limit: 10 }], now),
    ]);
    expect(busy.filter((v) => v.ok)).toHaveLength(1); // 9 admitted elsewhere + 1 here = the limit
    expect(calls).toEqual([20, 1]);
    limiter.stop();
    other.stop();
  });
});
