import { describe, expect, it } from "vitest";
import { holdKeys } from "./in-flight";

describe("holdKeys", () => {
  it("puts after its own keys only those an earlier batch of the same customer still holds, until it releases them", () => {
    const a = holdKeys("t1", ["k1", "k2", "k3"]);
    expect(a.claim).toEqual([0, 1, 2]);
    const b = holdKeys("t1", ["k2", "k4"]);
    expect(b.claim).toEqual([1, 0]);
    // Another customer's keys are its own.
    expect(holdKeys("t2", ["k1", "k2"]).claim).toEqual([0, 1]);
    a.release();
    // k2 is still held by b; k1 and k3 are free again.
    expect(holdKeys("t1", ["k1", "k2", "k3"]).claim).toEqual([0, 2, 1]);
  });

  it("forgets a key when the last batch holding it releases it", () => {
    const a = holdKeys("t3", ["x", "y"]);
    const b = holdKeys("t3", ["w", "x"]);
    expect(b.claim).toEqual([0, 1]);
    const c = holdKeys("t3", ["x", "z"]);
    expect(c.claim).toEqual([1, 0]);
    for (const h of [a, b, c]) h.release();
    expect(holdKeys("t3", ["x", "z"]).claim).toEqual([0, 1]);
  });

  it("claims a batch's own new keys first, then the keys earlier batches hold, newest holder first", () => {
    const a = holdKeys("t4", ["a1", "s1", "s2"]);
    expect(a.claim).toEqual([0, 1, 2]);
    const b = holdKeys("t4", ["b1", "s2", "s3"]);
    const c = holdKeys("t4", ["c0", "s1", "s2", "s3", "z9"]);
    // b: its own b1 and s3, then s2 (a's).
    expect(b.claim).toEqual([0, 2, 1]);
    // c: c0 and z9 (its own), s3 (b's), then s1 and s2 (a's), each group by key.
    expect(c.claim).toEqual([0, 3, 4, 2, 1]);
    a.release();
    // s2 is still held (by b and c): its epoch is still a's, so a new batch orders it as b and c do.
    const d = holdKeys("t4", ["s2", "s3"]);
    expect(d.claim).toEqual([1, 0]);
    for (const x of [b, c, d]) x.release();
    expect(holdKeys("t4", ["s2", "s1"]).claim).toEqual([0, 1]);
  });

  it("gives any two batches holding the same keys at once the same order for them", () => {
    const keys = Array.from({ length: 12 }, (_, i) => `k${String(i).padStart(2, "0")}`);
    let seed = 7;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const live: { keys: string[]; claim: number[]; release: () => void }[] = [];
    let pairs = 0;
    let disagreements = 0;
    for (let step = 0; step < 400; step++) {
      if (live.length > 6 || (live.length > 0 && rand() < 0.45))
        live.splice(Math.floor(rand() * live.length), 1)[0]!.release();
      const mine = keys.filter(() => rand() < 0.4);
      live.push({ keys: mine, ...holdKeys("t5", mine) });
      const place = (b: (typeof live)[number], k: string) => b.claim[b.keys.indexOf(k)]!;
      for (const x of live)
        for (const y of live) {
          const shared = x.keys.filter((k) => y.keys.includes(k));
          for (const p of shared)
            for (const q of shared) {
              pairs++;
              if (place(x, p) < place(x, q) !== place(y, p) < place(y, q)) disagreements++;
            }
        }
    }
    for (const b of live) b.release();
    expect(pairs).toBeGreaterThan(1000);
    expect(disagreements).toBe(0);
  });
});
