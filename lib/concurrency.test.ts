import { describe, expect, it } from "vitest";
import { forEachLimit } from "./concurrency";

const tick = () => new Promise((r) => setTimeout(r, 1));

describe("forEachLimit", () => {
  it("runs every item once, never more than the limit at a time", async () => {
    let running = 0;
    let peak = 0;
    const seen: number[] = [];
    await forEachLimit([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      running++;
      peak = Math.max(peak, running);
      await tick();
      seen.push(n);
      running--;
    });
    expect(seen.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(peak).toBe(3);
  });

  it("rejects with the first error and starts nothing new after it", async () => {
    const started: number[] = [];
    await expect(
      forEachLimit([1, 2, 3, 4, 5], 2, async (n) => {
        started.push(n);
        await tick();
        if (n === 2) throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(started).toEqual([1, 2, 3]);
  });

  it("does nothing for no items", async () => {
    await forEachLimit([], 4, async () => {
      throw new Error("never");
    });
  });
});
