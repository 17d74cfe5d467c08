import { describe, expect, it } from "vitest";
import { planHosts } from "./assets";
import { planPeople } from "./people";
import { makePlan } from "./plan";
import { allocate } from "./random";
import { placeholderPdf } from "./reports";
import { planSensors } from "./sensors";

const now = new Date("2026-12-07T12:00:00Z");

describe("scale plan", () => {
  it("splits every total exactly, with each part's minimum", () => {
    expect(allocate(100, [1, 2, 3, 4])).toEqual([10, 20, 30, 40]);
    const parts = allocate(1_000, [5, 0.1, 0.1, 0.1], 10);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(1_000);
    expect(Math.min(...parts)).toBeGreaterThanOrEqual(10);
  });

  it("is the same for the same seed and differs for another", () => {
    const a = makePlan({ seed: 42, scale: 0.05, now });
    const b = makePlan({ seed: 42, scale: 0.05, now });
    const c = makePlan({ seed: 43, scale: 0.05, now });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(a.customers)).not.toBe(JSON.stringify(c.customers));
    const s = (p: typeof a) => JSON.stringify(p.customers.map((x) => [planSensors(p, x), planHosts(p, x).slice(0, 5)]));
    expect(s(a)).toBe(s(b));
    expect(JSON.stringify(planPeople(a))).toBe(JSON.stringify(planPeople(b)));
  });

  it("has 1,000 customers, 20,000 sensors, 250,000 assets, 10 M alerts and 500,000 incidents at scale 1", () => {
    const p = makePlan({ seed: 1, scale: 1, now });
    expect(p.totals).toMatchObject({ customers: 1_000, sensors: 20_000, assets: 250_000, alerts: 10_000_000 });
    expect(p.totals.incidents).toBeGreaterThan(495_000);
    const sum = (f: (c: (typeof p.customers)[number]) => number) => p.customers.reduce((n, c) => n + f(c), 0);
    expect([sum((c) => c.sensors), sum((c) => c.assets), sum((c) => c.alerts), sum((c) => c.incidents)]).toEqual([
      p.totals.sensors,
      p.totals.assets,
      p.totals.alerts,
      p.totals.incidents,
    ]);
    expect(new Set(p.customers.map((c) => c.timezone)).size).toBe(12);
    expect(new Set(p.customers.map((c) => c.slug)).size).toBe(1_000);
    expect(p.staff.analysts).toBe(150);
  });

  it("gives every customer a live sensor of each class its tier monitors", () => {
    const p = makePlan({ seed: 7, scale: 0.2, now });
    for (const c of p.customers) {
      const sensors = planSensors(p, c);
      expect(sensors).toHaveLength(c.sensors);
      const tier = c.versions.at(-1)!.tier;
      const need = { mdr: ["edr"], mndr: ["ndr"], mxdr: ["edr", "ndr", "xdr"], mss: ["siem"] }[tier];
      for (const cls of need) expect(sensors.some((s) => s.cls === cls && s.to > s.from)).toBe(true);
    }
  });

  it("stores a valid one-page PDF placeholder", () => {
    const pdf = placeholderPdf("Atlas Foods 2 - monthly security report 2026-11").toString("latin1");
    expect(pdf.startsWith("%PDF-1.4")).toBe(true);
    expect(pdf.trimEnd().endsWith("%%EOF")).toBe(true);
    const xref = Number(/startxref\n(\d+)/.exec(pdf)![1]);
    expect(pdf.slice(xref, xref + 4)).toBe("xref");
  });
});
