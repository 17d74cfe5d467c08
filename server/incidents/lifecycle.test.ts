import { describe, expect, it } from "vitest";
import type { IncidentStatus } from "@/db/schema/incidents";
import { canTransition, milestonesOf, nextStatuses } from "./lifecycle";

describe("incident lifecycle", () => {
  it("follows NIST order forward", () => {
    const path: IncidentStatus[] = ["triage", "investigating", "contained", "eradicated", "recovered", "closed"];
    for (let i = 0; i < path.length - 1; i++) expect(canTransition(path[i]!, path[i + 1]!, null).ok).toBe(true);
  });

  it("refuses skipping back or jumping to recovered from triage", () => {
    expect(canTransition("triage", "recovered", null)).toMatchObject({ ok: false });
    expect(canTransition("contained", "triage", null)).toMatchObject({ ok: false });
    expect(canTransition("closed", "contained", null)).toMatchObject({ ok: false });
    expect(canTransition("investigating", "investigating", null)).toMatchObject({
      ok: false,
      reason: expect.stringContaining("already"),
    });
  });

  it("allows closing early (false positives) and reopening into investigation", () => {
    expect(canTransition("triage", "closed", null).ok).toBe(true);
    expect(canTransition("closed", "investigating", null).ok).toBe(true);
  });

  it("waits on the customer from any open state and returns to where it was", () => {
    expect(canTransition("contained", "waiting_on_customer", null).ok).toBe(true);
    expect(canTransition("closed", "waiting_on_customer", null).ok).toBe(false);
    expect(canTransition("waiting_on_customer", "contained", "contained").ok).toBe(true);
    expect(canTransition("waiting_on_customer", "eradicated", "contained").ok).toBe(true);
    expect(canTransition("waiting_on_customer", "triage", "contained").ok).toBe(false);
    expect(nextStatuses("waiting_on_customer", "triage")).toEqual(["triage", "investigating", "contained", "closed"]);
  });

  it("names the milestones a status reaches", () => {
    expect(milestonesOf("contained")).toEqual({ contained: true, resolved: false, closed: false });
    expect(milestonesOf("recovered")).toEqual({ contained: true, resolved: true, closed: false });
    expect(milestonesOf("investigating")).toEqual({ contained: false, resolved: false, closed: false });
  });
});
