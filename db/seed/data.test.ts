import { describe, expect, it } from "vitest";
import { defaultTerms } from "@/server/contracts/service";
import { FORMAT_DEFAULTS } from "@/server/sensors/schema";
import { customers } from "./data";

/** What each demo customer's sensors provide against what its contract monitors. */
function coverageOf(c: (typeof customers)[number]) {
  const contracted = new Set<string>(
    c.contract.monitoredClasses ?? defaultTerms(c.contract.tier, c.timezone, "2026-01-01").monitoredClasses,
  );
  const provided = new Set<string>();
  for (const s of c.sensors) {
    const cls = s.sensorClass ?? FORMAT_DEFAULTS[s.format].sensorClass;
    if (cls === "xdr") for (const p of s.provides ?? []) provided.add(p);
    else provided.add(cls);
  }
  return {
    missing: [...contracted].filter((x) => !provided.has(x)).sort(),
    outside: [...provided].filter((x) => !contracted.has(x)).sort(),
  };
}

describe("demo contracts and sensors", () => {
  it("agree, except for the deliberate coverage problem the demo shows", () => {
    const found = Object.fromEntries(customers.map((c) => [c.slug, coverageOf(c)]));
    // No sensor sends a class its customer's contract leaves out ("class not in contract").
    for (const c of customers) expect(found[c.slug]!.outside, c.slug).toEqual([]);
    // One contracted class missing, on purpose: Kestrel pays for cloud monitoring and has no cloud sensor yet.
    const missing = Object.entries(found).filter(([, f]) => f.missing.length);
    expect(missing).toEqual([["kestrel-bank", { missing: ["cloud"], outside: [] }]]);
  });

  it("hold the other deliberate findings: a sensor silent for days, and an endpoint licence exceeded", () => {
    const silent = customers.flatMap((c) => c.sensors.filter((s) => (s.silentForHours ?? 0) >= 24).map(() => c.slug));
    expect(silent.length).toBeGreaterThanOrEqual(1);
    const kestrel = customers.find((c) => c.slug === "kestrel-bank")!;
    const endpoints = kestrel.sensors.reduce((n, s) => n + (s.hosts ?? 0), 0);
    expect(endpoints).toBeGreaterThan(kestrel.contract.licensedEndpoints ?? Number.POSITIVE_INFINITY);
  });
});
