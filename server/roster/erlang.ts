/**
 * Erlang C staffing (roster-rules.md, "Forecast"). Pure. C(N, A) through the Erlang B recursion, which equals the
 * closed form of the rules for N > A and does not overflow for large N.
 */
export function erlangC(n: number, a: number): number {
  if (n <= a) return 1;
  let b = 1;
  for (let k = 1; k <= n; k++) b = (a * b) / (k + a * b);
  return (n * b) / (n - a * (1 - b));
}

/** SL = 1 − C(N, A)·e^{−(N−A)·t/h}; t and h in the same unit. */
export function serviceLevel(n: number, a: number, targetWait: number, handling: number): number {
  if (n <= a) return 0;
  return 1 - erlangC(n, a) * Math.exp((-(n - a) * targetWait) / handling);
}

export type ErlangInput = {
  /** Arrivals per hour. */
  lambda: number;
  /** Mean handling time, hours. */
  handlingHours: number;
  /** Target wait, hours. */
  targetHours: number;
  /** Service-level goal, 0..1 (inclusive). */
  goal: number;
  /** Maximum occupancy A/N, 0..1 (inclusive). */
  maxOccupancy: number;
};

/** The smallest N > A with SL ≥ goal and A/N ≤ maximum occupancy; 0 when λ = 0. */
export function agentsNeeded(x: ErlangInput): number {
  if (x.lambda <= 0) return 0;
  const a = x.lambda * x.handlingHours;
  let n = Math.max(1, Math.floor(a) + 1);
  while (n < a / x.maxOccupancy - 1e-12) n++;
  for (; n < 100_000; n++) {
    if (a / n <= x.maxOccupancy && serviceLevel(n, a, x.targetHours, x.handlingHours) >= x.goal) return n;
  }
  return n;
}

/**
 * Headcount to roster: ⌈N / (1 − shrinkage)⌉ exactly, the shrinkage given in basis points (3000 = 30 %), so 21 agents at
 * 30 % is 30 and not the 31 floating point gives.
 */
export function headcount(agents: number, shrinkageBp: number): number {
  const d = 10_000 - shrinkageBp;
  if (d <= 0) throw new Error("shrinkage must be below 100 %");
  return Math.floor((agents * 10_000 + d - 1) / d);
}
