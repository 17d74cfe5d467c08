/**
 * Deterministic randomness for the scale data set: every stream is seeded from the build's `--seed` and a label, so
 * one customer's rows do not depend on how many rows came before them. The generator is sfc32 (128-bit state): the
 * seed's mulberry32 (32-bit state) puts every stream on one cycle of 2^32, so streams of a million draws each overlap,
 * and an id made of its draws takes at most 2^32 values — 20 million of them collide.
 */
import type { Rng } from "@/db/seed/generate";

export type { Rng };

/** cyrb128: a string to four 32-bit words. */
function seedWords(label: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < label.length; i++) {
    const k = label.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044559);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044559);
  h1 ^= h2 ^ h3 ^ h4;
  return [h1 >>> 0, (h2 ^ h1) >>> 0, (h3 ^ h1) >>> 0, (h4 ^ h1) >>> 0];
}

/** sfc32 from a label. */
export function sfc32(label: string): Rng {
  let [a, b, c, d] = seedWords(label);
  const next = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  return next;
}

/** A stream for one purpose (`stream(seed, "alerts", 17)`): the same arguments give the same numbers. */
export const stream = (seed: number, ...label: (string | number)[]) => sfc32(`${seed}:${label.join(":")}`);

const word = (r: Rng) =>
  Math.floor(r() * 0x1_0000_0000)
    .toString(16)
    .padStart(8, "0");

/** A version-4-shaped uuid from the stream (random-looking ids, as `gen_random_uuid()` gives, but repeatable). */
export function uuid(r: Rng): string {
  const a = word(r);
  const b = word(r);
  const c = word(r);
  const d = word(r);
  const v = ((Number.parseInt(c[0]!, 16) & 0x3) | 0x8).toString(16);
  return `${a}-${b.slice(0, 4)}-4${b.slice(5)}-${v}${c.slice(1, 4)}-${c.slice(4)}${d}`;
}

const DIGITS = "0123456789abcdef";
export const hex = (r: Rng, n: number) => {
  let s = "";
  for (let i = 0; i < n; i++) s += DIGITS[Math.floor(r() * 16)];
  return s;
};

/** Index drawn with the given weights. */
export function weighted(r: Rng, weights: readonly number[]): number {
  let total = 0;
  for (const w of weights) total += w;
  let x = r() * total;
  for (let i = 0; i < weights.length; i++) {
    x -= weights[i]!;
    if (x < 0) return i;
  }
  return weights.length - 1;
}

/** Log-normal with the given median: most values near it, a long tail above (times to act, customer sizes). */
export function logNormal(r: Rng, median: number, sigma: number): number {
  const u = Math.max(r(), 1e-12);
  const v = r();
  return median * Math.exp(sigma * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
}

/**
 * Splits `total` over `weights` exactly (largest remainder), each part at least `min` while the total allows: the
 * plan's counts add up to what was asked for, whatever the weights.
 */
export function allocate(total: number, weights: readonly number[], min = 0): number[] {
  const n = weights.length;
  if (!n) return [];
  const floor = Math.min(min, Math.floor(total / n));
  const rest = total - floor * n;
  const sum = weights.reduce((a, b) => a + b, 0) || 1;
  const exact = weights.map((w) => (rest * w) / sum);
  const out = exact.map((x) => floor + Math.floor(x));
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k = (k + 1) % n, left--) out[order[k]![1]]!++;
  return out;
}
