import { describe, expect, it } from "vitest";
import { agentsNeeded, erlangC, headcount, serviceLevel } from "./erlang";
import { arrivalRates, DEFAULT_POLICY, forecastHeadcount, hourOfWeek } from "./forecast";

/** The closed form of the rules file, for small N, to check the recursion against. */
function closedForm(n: number, a: number): number {
  if (n <= a) return 1;
  let fact = 1;
  let sum = 0;
  for (let k = 0; k < n; k++) {
    if (k > 0) fact *= k;
    sum += a ** k / fact;
  }
  const top = (a ** n / (fact * n)) * (n / (n - a));
  return top / (sum + top);
}

describe("Erlang C", () => {
  it("matches the closed form of the rules", () => {
    for (const [n, a] of [
      [3, 2],
      [14, 10],
      [20, 17.5],
      [1, 0.5],
    ] as const)
      expect(erlangC(n, a)).toBeCloseTo(closedForm(n, a), 12);
    expect(erlangC(10, 10)).toBe(1);
    expect(erlangC(9, 10)).toBe(1);
  });

  it("gives the check value of the rules file: λ = 200/h, h = 3 min, 20 s, 80 % → N = 14", () => {
    const x = { lambda: 200, handlingHours: 3 / 60, targetHours: 20 / 3600, goal: 0.8, maxOccupancy: 0.85 };
    expect(agentsNeeded(x)).toBe(14);
    expect(serviceLevel(14, 10, 20 / 3600, 3 / 60)).toBeCloseTo(0.888, 3);
    expect(serviceLevel(13, 10, 20 / 3600, 3 / 60)).toBeCloseTo(0.796, 3);
  });

  it("needs more agents as load or goal grows, and the service level rises with N", () => {
    const base = { lambda: 20, handlingHours: 1 / 6, targetHours: 0.25, goal: 0.9, maxOccupancy: 0.85 };
    let prev = 0;
    for (let lambda = 1; lambda <= 200; lambda += 7) {
      const n = agentsNeeded({ ...base, lambda });
      expect(n).toBeGreaterThanOrEqual(prev);
      prev = n;
    }
    let last = 0;
    for (let goal = 0.5; goal < 1; goal += 0.05) {
      const n = agentsNeeded({ ...base, goal });
      expect(n).toBeGreaterThanOrEqual(last);
      last = n;
    }
    for (let n = 4; n < 20; n++)
      expect(serviceLevel(n + 1, 3.3, 0.25, 1 / 6)).toBeGreaterThanOrEqual(serviceLevel(n, 3.3, 0.25, 1 / 6));
    for (let n = 4; n < 20; n++) expect(erlangC(n + 1, 3.3)).toBeLessThanOrEqual(erlangC(n, 3.3));
  });

  it("is 0 when nothing arrives, and respects maximum occupancy inclusively", () => {
    expect(agentsNeeded({ lambda: 0, handlingHours: 1, targetHours: 1, goal: 0.9, maxOccupancy: 0.85 })).toBe(0);
    // A = 8.5: occupancy alone demands N ≥ 10 (8.5/10 = 0.85 exactly, allowed).
    expect(agentsNeeded({ lambda: 8.5, handlingHours: 1, targetHours: 100, goal: 0.01, maxOccupancy: 0.85 })).toBe(10);
  });

  it("computes headcount exactly: 21 agents at 30 % shrinkage is 30", () => {
    expect(21 / (1 - 0.3)).toBeGreaterThan(30); // the floating-point trap
    expect(headcount(21, 3000)).toBe(30);
    expect(headcount(1, 3000)).toBe(2);
    expect(headcount(0, 3000)).toBe(0);
    expect(headcount(7, 0)).toBe(7);
  });
});

describe("forecast", () => {
  it("buckets arrivals per UTC hour of the week over the last 8 weeks (zone-independent)", () => {
    const now = new Date("2026-12-07T00:00:00Z").getTime(); // a Monday
    expect(hourOfWeek(new Date("2026-12-07T00:30:00Z").getTime())).toBe(0);
    expect(hourOfWeek(new Date("2026-12-06T23:30:00Z").getTime())).toBe(167);
    // The arithmetic agrees with the calendar's weekday and hour, before 1970 too.
    for (let t = Date.UTC(1969, 0, 1); t < Date.UTC(2040, 0, 1); t += 7_919_993_107) {
      const d = new Date(t);
      expect(hourOfWeek(t)).toBe(((d.getUTCDay() + 6) % 7) * 24 + d.getUTCHours());
    }
    const monday9 = [1, 2, 3, 4, 5, 6, 7, 8].map((w) => now - w * 7 * 86_400_000 + 9 * 3_600_000 + 60_000);
    const tooOld = now - 9 * 7 * 86_400_000 + 9 * 3_600_000;
    const rates = arrivalRates([...monday9, ...monday9, tooOld, now], now);
    expect(rates[9]).toBe(2);
    expect(rates.reduce((s, x) => s + x, 0)).toBe(2);
  });

  it("turns rates into headcount with the policy (0 where nothing arrives)", () => {
    const rates = new Array(168).fill(0);
    rates[9] = 6;
    const f = forecastHeadcount(rates, DEFAULT_POLICY, 15);
    expect(f[0]!.headcount).toBe(0);
    expect(f[9]!.agents).toBeGreaterThan(1);
    expect(f[9]!.headcount).toBe(headcount(f[9]!.agents, 3000));
  });
});
