/** Where the seed's time goes: wall time summed per label, printed at the end (`seed: profile …`). */
const spent = new Map<string, { ms: number; n: number }>();

export async function timed<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  try {
    return await fn();
  } finally {
    const s = spent.get(label) ?? { ms: 0, n: 0 };
    s.ms += performance.now() - t0;
    s.n++;
    spent.set(label, s);
  }
}

export function profileLines(): string[] {
  return [...spent]
    .sort(([, a], [, b]) => b.ms - a.ms)
    .map(([label, s]) => `${label.padEnd(28)} ${(s.ms / 1000).toFixed(1).padStart(7)} s  ${String(s.n).padStart(6)}×`);
}
