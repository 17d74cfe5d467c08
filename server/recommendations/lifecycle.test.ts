import { describe, expect, it } from "vitest";
import { customerActions, reviewDue, statusAt, transition } from "./lifecycle";

const now = new Date("2026-10-25T00:30:00Z"); // Europe leaves summer time this night
const later = new Date(now.getTime() + 86_400_000);

describe("recommendation lifecycle", () => {
  it("open → accepted → done by the customer", () => {
    expect(transition("open", "accept", "customer", { now })).toEqual({ ok: true, to: "accepted" });
    expect(transition("accepted", "done", "customer", { now })).toEqual({ ok: true, to: "done" });
    expect(transition("open", "done", "customer", { now }).ok).toBe(false);
  });

  it("open|accepted → risk_accepted with a reason and a future review date", () => {
    for (const from of ["open", "accepted"] as const)
      expect(transition(from, "accept_risk", "customer", { now, reason: "Legacy", reviewOn: later })).toEqual({
        ok: true,
        to: "risk_accepted",
      });
    expect(transition("open", "accept_risk", "customer", { now, reviewOn: later })).toMatchObject({ field: "reason" });
    expect(transition("open", "accept_risk", "customer", { now, reason: "x", reviewOn: now })).toMatchObject({
      field: "reviewOn",
    });
    expect(transition("done", "accept_risk", "customer", { now, reason: "x", reviewOn: later }).ok).toBe(false);
  });

  it("open → dismissed only by staff, with a reason", () => {
    expect(transition("open", "dismiss", "staff", { now, reason: "Duplicate" })).toEqual({ ok: true, to: "dismissed" });
    expect(transition("open", "dismiss", "staff", { now, reason: "  " })).toMatchObject({ field: "reason" });
    expect(transition("open", "dismiss", "customer", { now, reason: "x" }).ok).toBe(false);
    expect(transition("accepted", "dismiss", "staff", { now, reason: "x" }).ok).toBe(false);
    expect(transition("open", "accept", "staff", { now }).ok).toBe(false);
  });

  it("the system resolves and reopens", () => {
    expect(transition("risk_accepted", "reopen", "system", { now })).toEqual({ ok: true, to: "open" });
    expect(transition("done", "reopen", "system", { now })).toEqual({ ok: true, to: "open" });
    expect(transition("dismissed", "resolve", "system", { now }).ok).toBe(false);
    expect(transition("open", "reopen", "customer", { now }).ok).toBe(false);
  });

  it("offers the customer what the status allows", () => {
    expect(customerActions("open")).toEqual(["accept", "accept_risk"]);
    expect(customerActions("accepted")).toEqual(["done", "accept_risk"]);
    expect(customerActions("done")).toEqual([]);
  });

  it("a risk acceptance is due for review on its date, not before", () => {
    expect(reviewDue({ status: "risk_accepted", reviewAt: now }, now)).toBe(true);
    expect(reviewDue({ status: "risk_accepted", reviewAt: later }, now)).toBe(false);
    expect(reviewDue({ status: "open", reviewAt: now }, now)).toBe(false);
  });

  it("the status at a period end excludes a change exactly at the end", () => {
    const h = [
      { at: new Date("2026-01-05T00:00:00Z"), to: "open" as const },
      { at: new Date("2026-02-01T00:00:00Z"), to: "done" as const },
    ];
    expect(statusAt(h, new Date("2026-01-01T00:00:00Z"))).toBeNull();
    expect(statusAt(h, new Date("2026-02-01T00:00:00Z"))).toBe("open");
    expect(statusAt(h, new Date("2026-02-01T00:00:00.001Z"))).toBe("done");
  });
});
