import { describe, expect, it } from "vitest";
import { can, permissionsOf, statements } from "./permissions";

describe("permissions", () => {
  it("lets a provider admin do everything named but the customer's own answers, approvals and decisions", () => {
    const customerOnly = ["incident:answer", "incident:approve", "recommendation:respond"];
    const all = Object.entries(statements)
      .flatMap(([r, acts]) => acts.map((a) => `${r}:${a}`))
      .filter((p) => !customerOnly.includes(p));
    expect([...permissionsOf({ side: "staff", role: "admin" })].sort()).toEqual(all.sort());
  });

  it("keeps analysts away from user management", () => {
    const analyst = { side: "staff", role: "analyst" } as const;
    expect(can(analyst, "customerUser:invite")).toBe(false);
    expect(can(analyst, "staff:invite")).toBe(false);
    expect(can(analyst, "staff:manage")).toBe(false);
    expect(can(analyst, "customer:read")).toBe(true);
  });

  it("lets a customer viewer read but not invite", () => {
    const viewer = { side: "customer", role: "viewer" } as const;
    expect(can(viewer, "customerUser:read")).toBe(true);
    expect(can(viewer, "customerUser:invite")).toBe(false);
    expect(can(viewer, "contact:manage")).toBe(false);
  });

  it("lets customers read incidents and sensors but never triage or manage them", () => {
    for (const role of ["admin", "viewer"] as const) {
      const actor = { side: "customer", role } as const;
      expect(can(actor, "incident:read")).toBe(true);
      expect(can(actor, "sensor:read")).toBe(true);
      expect(can(actor, "incident:manage")).toBe(false);
      expect(can(actor, "alert:read")).toBe(false);
      expect(can(actor, "sensor:manage")).toBe(false);
    }
    expect(can({ side: "customer", role: "viewer" }, "incident:approve")).toBe(false);
    expect(can({ side: "customer", role: "admin" }, "incident:approve")).toBe(true);
  });

  it("never gives a customer staff or provider-wide powers", () => {
    for (const role of ["admin", "viewer"] as const) {
      const perms = permissionsOf({ side: "customer", role });
      expect(perms.some((p) => p.startsWith("staff:") || p === "outbox:read" || p === "customer:create")).toBe(false);
    }
  });

  it("lets SOC managers (who invite) read the outbox; audit verification and resolving SLA items stay with managers", () => {
    expect(can({ side: "staff", role: "soc_manager" }, "outbox:read")).toBe(true);
    expect(can({ side: "staff", role: "analyst" }, "outbox:read")).toBe(false);
    expect(can({ side: "staff", role: "soc_manager" }, "sla:resolve")).toBe(true);
    expect(can({ side: "staff", role: "analyst" }, "sla:resolve")).toBe(false);
    expect(can({ side: "staff", role: "soc_manager" }, "audit:verify")).toBe(false);
    expect(can({ side: "staff", role: "admin" }, "audit:verify")).toBe(true);
  });
});
