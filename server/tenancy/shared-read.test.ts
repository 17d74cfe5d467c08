import { describe, expect, it, vi } from "vitest";
import { env } from "@/server/env";
import { log } from "@/server/log";
import {
  CASEWORK,
  forgetSharedRead,
  forgetSharedReads,
  KEEP_WARM,
  MAX_ENTRIES,
  REFRESH_AFTER,
  type Refresher,
  sharedPageRead,
  sharedRead,
} from "./shared-read";
import type { ActorContext } from "./tenant";

const staff = { actor: { side: "staff", role: "analyst" } } as ActorContext;
const customer = { actor: { side: "customer", role: "admin" } } as ActorContext;

describe("sharedRead", () => {
  it("shares one read among staff requests until it expires", async () => {
    let reads = 0;
    const read = async () => ++reads;
    expect(await sharedRead(staff, "a", read, 10_000, 1_000)).toBe(1);
    expect(await sharedRead(staff, "a", read, 10_000, 5_000)).toBe(1);
    expect(await sharedRead(staff, "b", read, 10_000, 5_000)).toBe(2);
    expect(await sharedRead(staff, "a", read, 10_000, 11_000)).toBe(3);
  });

  it("never serves a customer's request from it, and reads every time with no lifetime", async () => {
    let reads = 0;
    const read = async () => ++reads;
    await sharedRead(staff, "c", read, 10_000, 1_000);
    expect(await sharedRead(customer, "c", read, 10_000, 1_000)).toBe(2);
    expect(await sharedRead(staff, "c", read, 0, 1_000)).toBe(3);
    expect(await sharedRead(staff, "c", read, 10_000, 1_000)).toBe(1);
  });

  it("reads again after a change forgets it, and after a failed read", async () => {
    let reads = 0;
    await sharedRead(staff, "d", async () => ++reads, 10_000, 1_000);
    forgetSharedRead("d");
    expect(await sharedRead(staff, "d", async () => ++reads, 10_000, 1_000)).toBe(2);
    await expect(sharedRead(staff, "e", async () => Promise.reject(new Error("down")), 10_000, 1_000)).rejects.toThrow(
      "down",
    );
    expect(await sharedRead(staff, "e", async () => "up", 10_000, 1_000)).toBe("up");
  });

  it("forgets every shared read at once after a change", async () => {
    let reads = 0;
    const read = async () => ++reads;
    await sharedRead(staff, "f", read, 10_000, 1_000);
    await sharedRead(staff, "g", read, 10_000, 1_000);
    forgetSharedReads();
    expect(await sharedRead(staff, "f", read, 10_000, 1_000)).toBe(3);
    expect(await sharedRead(staff, "g", read, 10_000, 1_000)).toBe(4);
  });

  it("leaves a read kept on a router's changes when that router changes something, forgets it on any other", async () => {
    forgetSharedReads();
    let reads = 0;
    const read = async () => ++reads;
    const kept = new Set(["alerts"]);
    await sharedRead(staff, "shifts", read, 10_000, 1_000, undefined, kept);
    await sharedRead(staff, "queue", read, 10_000, 1_000);
    forgetSharedReads("alerts"); // an alert triaged: the queue's answer goes, the shifts' stays
    expect(await sharedRead(staff, "shifts", read, 10_000, 1_000, undefined, kept)).toBe(1);
    expect(await sharedRead(staff, "queue", read, 10_000, 1_000)).toBe(3);
    forgetSharedReads("roster"); // a shift changed: both go
    expect(await sharedRead(staff, "shifts", read, 10_000, 1_000, undefined, kept)).toBe(4);
    expect(await sharedRead(staff, "queue", read, 10_000, 1_000)).toBe(5);
    forgetSharedReads(); // no router: everything goes
    expect(await sharedRead(staff, "shifts", read, 10_000, 1_000, undefined, kept)).toBe(6);
    forgetSharedReads();
  });

  it("names casework's routers, each one a router of the API", async () => {
    const { appRouter } = await import("@/server/trpc/root");
    const routers = new Set(Object.keys(appRouter._def.procedures).map((p) => p.split(".")[0]));
    for (const r of CASEWORK) expect(routers).toContain(r);
    expect(CASEWORK).not.toContain("roster");
    expect(CASEWORK).not.toContain("sensors");
    expect(CASEWORK).not.toContain("contracts");
    expect(CASEWORK).not.toContain("customers");
  });

  it("keys a page read by procedure and input, dates included", async () => {
    forgetSharedReads();
    const lifetime = env.SHARED_READ_SECONDS;
    env.SHARED_READ_SECONDS = 10;
    try {
      let reads = 0;
      const read = async () => ++reads;
      const at = (iso: string) => ({ from: new Date(iso), page: 1 });
      expect(await sharedPageRead(staff, "sla.breaches", at("2026-11-01T00:00:00Z"), read)).toBe(1);
      expect(await sharedPageRead(staff, "sla.breaches", at("2026-11-01T00:00:00Z"), read)).toBe(1);
      expect(await sharedPageRead(staff, "sla.breaches", at("2026-11-02T00:00:00Z"), read)).toBe(2);
      expect(await sharedPageRead(staff, "sla.risk", at("2026-11-01T00:00:00Z"), read)).toBe(3);
      expect(await sharedPageRead(customer, "sla.breaches", at("2026-11-01T00:00:00Z"), read)).toBe(4);
    } finally {
      env.SHARED_READ_SECONDS = lifetime;
      forgetSharedReads();
    }
  });

  it("keeps at most MAX_ENTRIES keys: the expired go first, then the oldest", async () => {
    forgetSharedReads();
    let reads = 0;
    const read = async () => ++reads;
    await sharedRead(staff, "old", read, 1_000, 1_000);
    for (let i = 0; i < MAX_ENTRIES + 20; i++) await sharedRead(staff, `k${i}`, read, 60_000, 2_500);
    // "old" expired at 2,000 and went in the first prune; then the oldest live keys made room.
    const before = reads;
    expect(await sharedRead(staff, `k${MAX_ENTRIES + 19}`, read, 60_000, 3_000)).toBe(before);
    expect(await sharedRead(staff, "k0", read, 60_000, 3_000)).toBe(before + 1);
    forgetSharedReads();
  });

  describe("reading ahead", () => {
    // The refresh runs the read with the request's context here (the app's opens a transaction of its own).
    const refreshes: Promise<unknown>[] = [];
    const inline: Refresher = (ctx, read) => {
      const p = read(ctx);
      refreshes.push(p.catch(() => {}));
      return p;
    };
    const settled = async () => {
      await Promise.all(refreshes.splice(0));
      await new Promise((r) => setTimeout(r, 0));
    };
    const ttl = 10_000;
    const late = 1_000 + ttl * REFRESH_AFTER;

    it("answers at once with the current answer past three quarters of its life, and starts the next read", async () => {
      forgetSharedReads();
      let reads = 0;
      let release = () => {};
      const read = async () => {
        const n = ++reads;
        if (n === 2) await new Promise<void>((r) => (release = r));
        return n;
      };
      expect(await sharedRead(staff, "r", read, ttl, 1_000, inline)).toBe(1);
      expect(await sharedRead(staff, "r", read, ttl, late - 1, inline)).toBe(1);
      expect(reads).toBe(1); // not yet three quarters old
      // Past it: the answer comes at once though the next read has not finished, and only one read starts.
      expect(await sharedRead(staff, "r", read, ttl, late, inline)).toBe(1);
      expect(await sharedRead(staff, "r", read, ttl, late + 100, inline)).toBe(1);
      expect(reads).toBe(2);
      release();
      await settled();
      // The new answer lives a lifetime from when its read started.
      expect(await sharedRead(staff, "r", read, ttl, late + 200, inline)).toBe(2);
      expect(await sharedRead(staff, "r", read, ttl, late + ttl - 1, inline)).toBe(2);
      expect(reads).toBe(3); // and, three quarters on, read ahead again
      await settled();
    });

    it("keeps what a read is kept on through its refreshes", async () => {
      forgetSharedReads();
      let reads = 0;
      const read = async () => ++reads;
      const kept = new Set(["alerts"]);
      expect(await sharedRead(staff, "k", read, ttl, 1_000, inline, kept)).toBe(1);
      expect(await sharedRead(staff, "k", read, ttl, late, inline, kept)).toBe(1); // reads ahead
      await settled();
      forgetSharedReads("alerts"); // the refreshed answer is still kept on alerts
      expect(await sharedRead(staff, "k", read, ttl, late + 10, inline, kept)).toBe(2);
      forgetSharedReads("roster");
      expect(await sharedRead(staff, "k", read, ttl, late + 20, inline, kept)).toBe(3);
      forgetSharedReads();
    });

    it("never serves an answer older than its lifetime: with no request in the last quarter, the next one waits", async () => {
      forgetSharedReads();
      let reads = 0;
      const read = async () => ++reads;
      expect(await sharedRead(staff, "s", read, ttl, 1_000, inline)).toBe(1);
      expect(await sharedRead(staff, "s", read, ttl, 1_000 + ttl, inline)).toBe(2);
    });

    it("drops a refresh that a change forgot while it ran, and keeps the answer when a refresh fails", async () => {
      forgetSharedReads();
      let reads = 0;
      let release = () => {};
      const slow = async () => {
        const n = ++reads;
        if (n === 2) await new Promise<void>((r) => (release = r));
        return n;
      };
      await sharedRead(staff, "t", slow, ttl, 1_000, inline);
      await sharedRead(staff, "t", slow, ttl, late, inline); // starts read 2
      forgetSharedReads(); // a change commits while read 2 runs
      expect(await sharedRead(staff, "t", slow, ttl, late + 10, inline)).toBe(3);
      release();
      await settled();
      expect(await sharedRead(staff, "t", slow, ttl, late + 20, inline)).toBe(3); // read 2 (from before) was dropped

      let n = 0;
      const flaky = async () => {
        n++;
        if (n === 2) throw new Error("database restarting");
        return n;
      };
      const errors: unknown[] = [];
      const logged = vi.spyOn(log, "error").mockImplementation((...x: unknown[]) => {
        errors.push(x);
      });
      try {
        await sharedRead(staff, "u", flaky, ttl, 1_000, inline);
        expect(await sharedRead(staff, "u", flaky, ttl, late, inline)).toBe(1);
        await settled();
        expect(errors).toHaveLength(1);
        // Still the old answer, and the next request past three quarters tries again.
        expect(await sharedRead(staff, "u", flaky, ttl, late + 10, inline)).toBe(1);
        await settled();
        expect(await sharedRead(staff, "u", flaky, ttl, late + 20, inline)).toBe(3);
      } finally {
        logged.mockRestore();
        forgetSharedReads();
      }
    });

    it("keeps an answer asked for again warm, KEEP_WARM refreshes in a row without requests, then lets it lapse", async () => {
      forgetSharedReads();
      vi.useFakeTimers({ now: 0, toFake: ["setTimeout", "clearTimeout", "Date"] });
      try {
        let reads = 0;
        const read = async () => ++reads;
        const ask = () => sharedRead(staff, "w", read, ttl, undefined, inline);
        expect(await ask()).toBe(1);
        await vi.advanceTimersByTimeAsync(1_000);
        expect(await ask()).toBe(1); // asked for again: from now on it is kept warm
        await vi.advanceTimersByTimeAsync(ttl * REFRESH_AFTER - 1_000);
        expect(reads).toBe(2); // refreshed at three quarters of its life, though nobody asked
        for (let i = 0; i < KEEP_WARM; i++) await vi.advanceTimersByTimeAsync(ttl * REFRESH_AFTER);
        expect(reads).toBe(2 + KEEP_WARM); // then KEEP_WARM times more without anyone asking
        await vi.advanceTimersByTimeAsync(ttl * 3);
        expect(reads).toBe(2 + KEEP_WARM); // and then it lapses
        expect(await ask()).toBe(3 + KEEP_WARM); // the next request reads
      } finally {
        vi.useRealTimers();
        await settled();
        forgetSharedReads();
      }
    });

    it("keeps nothing warm that was asked for once, or that a change forgot", async () => {
      forgetSharedReads();
      vi.useFakeTimers({ now: 0, toFake: ["setTimeout", "clearTimeout", "Date"] });
      try {
        let reads = 0;
        const read = async () => ++reads;
        await sharedRead(staff, "x", read, ttl, undefined, inline);
        await vi.advanceTimersByTimeAsync(ttl * 3);
        expect(reads).toBe(1);
        await sharedRead(staff, "y", read, ttl, undefined, inline);
        await sharedRead(staff, "y", read, ttl, undefined, inline);
        forgetSharedReads(); // a change
        await vi.advanceTimersByTimeAsync(ttl * 3);
        expect(reads).toBe(2);
        // A customer's request never shares, so nothing of theirs is kept warm either.
        await sharedRead(customer, "z", read, ttl, undefined, inline);
        await sharedRead(customer, "z", read, ttl, undefined, inline);
        await vi.advanceTimersByTimeAsync(ttl * 3);
        expect(reads).toBe(4);
      } finally {
        vi.useRealTimers();
        await settled();
        forgetSharedReads();
      }
    });

    it("never reads ahead for a customer's request", async () => {
      forgetSharedReads();
      let reads = 0;
      const read = async () => ++reads;
      await sharedRead(customer, "v", read, ttl, 1_000, inline);
      await sharedRead(customer, "v", read, ttl, late, inline);
      expect(reads).toBe(2);
      expect(refreshes).toHaveLength(0);
    });
  });
});
