import { describe, expect, it } from "vitest";
import { isAllowedTarget, targetsFor } from "./targets";

const obs = [
  { kind: "host" as const, value: "FIN-1", source: "alert" as const },
  { kind: "host" as const, value: "fin-1", source: "alert" as const },
  { kind: "host" as const, value: "typed-in", source: "analyst" as const },
  { kind: "user" as const, value: "ALPHA\\svc", source: "alert" as const },
  { kind: "hash" as const, value: "abc123", source: "analyst" as const },
];

describe("response-action targets", () => {
  it("offers the incident's alert hosts once each, not hosts an analyst typed in", () => {
    expect(targetsFor("isolate_host", obs)).toEqual(["FIN-1"]);
  });
  it("accepts only entities of the incident, case-insensitively", () => {
    expect(isAllowedTarget("isolate_host", " fin-1 ", obs)).toBe(true);
    expect(isAllowedTarget("isolate_host", "ceo-laptop", obs)).toBe(false);
    expect(isAllowedTarget("isolate_host", "typed-in", obs)).toBe(false);
    expect(isAllowedTarget("disable_account", "alpha\\svc", obs)).toBe(true);
    expect(isAllowedTarget("disable_account", "FIN-1", obs)).toBe(false);
    expect(isAllowedTarget("block_indicator", "abc123", obs)).toBe(true);
    expect(isAllowedTarget("block_indicator", "1.2.3.4", obs)).toBe(false);
  });
  it("leaves 'other' to the customer's judgement", () => {
    expect(isAllowedTarget("other", "anything", obs)).toBe(true);
    expect(targetsFor("other", obs)).toEqual([]);
  });
});
