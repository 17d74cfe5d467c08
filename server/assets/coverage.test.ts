import { describe, expect, it } from "vitest";
import { DAY_MS, deployedEndpoints, edrCoverage, entitlement, inLast, isCovered, isKnown } from "./coverage";

// Across the EU DST change (2026-10-25) and with TZ=Asia/Kathmandu: windows are exact milliseconds, never local days.
const now = new Date("2026-10-28T01:30:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms);

describe("EDR coverage", () => {
  it("'in the last X' includes exactly X and excludes the future", () => {
    expect(inLast(ago(7 * DAY_MS), 7 * DAY_MS, now)).toBe(true);
    expect(inLast(ago(7 * DAY_MS + 1), 7 * DAY_MS, now)).toBe(false);
    expect(inLast(now, 7 * DAY_MS, now)).toBe(true);
    expect(inLast(new Date(now.getTime() + 1), 7 * DAY_MS, now)).toBe(false);
    expect(inLast(null, 7 * DAY_MS, now)).toBe(false);
  });

  it("covered: an EDR report in the last 7 days, exactly 7 days included", () => {
    expect(isCovered({ lastEdrAt: ago(7 * DAY_MS) }, now)).toBe(true);
    expect(isCovered({ lastEdrAt: ago(7 * DAY_MS + 1) }, now)).toBe(false);
    expect(isCovered({ lastEdrAt: null }, now)).toBe(false);
  });

  it("known: seen in the last 30 days, exactly 30 days included", () => {
    expect(isKnown({ lastSeenAt: ago(30 * DAY_MS) }, now)).toBe(true);
    expect(isKnown({ lastSeenAt: ago(30 * DAY_MS + 1) }, now)).toBe(false);
  });

  it("coverage = covered ÷ known; an asset not seen for 30 days counts for nothing", () => {
    const c = edrCoverage(
      [
        { id: "a", lastSeenAt: ago(0), lastEdrAt: ago(DAY_MS) },
        { id: "b", lastSeenAt: ago(DAY_MS), lastEdrAt: ago(8 * DAY_MS) },
        { id: "c", lastSeenAt: ago(2 * DAY_MS), lastEdrAt: null }, // imported, never reported
        { id: "d", lastSeenAt: ago(31 * DAY_MS), lastEdrAt: ago(31 * DAY_MS) },
      ],
      now,
    );
    expect(c).toEqual({ known: 3, covered: 1, ratio: 1 / 3, uncoveredIds: ["b", "c"] });
  });

  it("no known assets is no data, not 0", () => {
    expect(edrCoverage([], now).ratio).toBeNull();
    expect(edrCoverage([{ id: "x", lastSeenAt: ago(40 * DAY_MS), lastEdrAt: null }], now).ratio).toBeNull();
  });
});

describe("entitlement", () => {
  it("deployed endpoints: distinct agents reported by EDR in the last 30 days", () => {
    const n = deployedEndpoints(
      [
        { agentId: "A1", lastEdrAt: ago(30 * DAY_MS) },
        { agentId: "a1", lastEdrAt: ago(DAY_MS) },
        { agentId: "a2", lastEdrAt: ago(30 * DAY_MS + 1) },
        { agentId: null, lastEdrAt: ago(DAY_MS) },
      ],
      now,
    );
    expect(n).toBe(1);
  });

  it("over the licence only when strictly above it; no contract, never over", () => {
    const e = entitlement({ deployedEndpoints: 10, licensedEndpoints: 10, activeSensors: 3, licensedSensors: 2 });
    expect(e.endpoints).toEqual({ used: 10, licensed: 10, over: false });
    expect(e.sensors).toEqual({ used: 3, licensed: 2, over: true });
    expect(
      entitlement({ deployedEndpoints: 11, licensedEndpoints: 10, activeSensors: 0, licensedSensors: null }),
    ).toMatchObject({ endpoints: { over: true }, sensors: { licensed: null, over: false } });
  });
});
