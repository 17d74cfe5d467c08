import { describe, expect, it } from "vitest";
import { schedulerCheck, TICK_STALE_MS } from "./health";

describe("scheduler liveness", () => {
  const now = 1_800_000_000_000;
  it("is fine when this instance does not schedule", () => {
    expect(schedulerCheck("off", undefined, now).ok).toBe(true);
  });
  it("is not ready before the first tick", () => {
    expect(schedulerCheck("on", undefined, now)).toMatchObject({ ok: false, detail: "scheduler has not ticked yet" });
  });
  it("is alive up to and including the stale limit, stuck just after", () => {
    expect(schedulerCheck("on", now - TICK_STALE_MS, now).ok).toBe(true);
    expect(schedulerCheck("on", now - TICK_STALE_MS - 1, now).ok).toBe(false);
  });
});
