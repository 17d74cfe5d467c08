import { eq } from "drizzle-orm";
import { Temporal } from "temporal-polyfill";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { incidents } from "@/db/schema";
import { defaultTerms } from "@/server/contracts/service";
import { closeTestDatabase, createTestDatabase } from "@/server/testing/db";
import { callerAs, createStaffUser, createWorld, insertTestAlert } from "@/server/testing/factories";
import { loadBreachAttribution } from "./plan";

let h: DatabaseHandle;
let w: Awaited<ReturnType<typeof createWorld>>;
let second: Awaited<ReturnType<typeof createStaffUser>>;
let third: Awaited<ReturnType<typeof createStaffUser>>;
const today = Temporal.Now.plainDateISO("Europe/Berlin").toString();
const manager = () => callerAs(h.db, w.staff.manager);
const policy = (autoAssign: boolean) => ({
  minOnDuty: 1,
  handlingMinutes: 10,
  serviceGoal: 0.9,
  maxOccupancy: 0.85,
  shrinkageBp: 3000,
  autoAssign,
});

async function escalateOne(customerId: string) {
  const alert = await insertTestAlert(h.db, customerId, { severity: 4, title: "Beacon" });
  const { incidentId } = await manager().alerts.escalate({ alertIds: [alert.id] });
  const [row] = await h.db.select().from(incidents).where(eq(incidents.id, incidentId));
  return row!.assigneeId;
}

beforeAll(async () => {
  h = await createTestDatabase();
  w = await createWorld(h.db);
  second = await createStaffUser(h.db, "analyst");
  third = await createStaffUser(h.db, "analyst");
  await manager().contracts.create({
    customerId: w.a.customer.id,
    reference: "A-MDR",
    terms: { ...defaultTerms("mdr", "Europe/Berlin", "2026-01-01"), coverage: { kind: "24x7" }, autoRenew: true },
    effectiveFrom: new Date("2026-01-01T00:00:00Z"),
  });
  await manager().roster.saveProfile({ userId: w.staff.analyst.id, level: 2, skills: ["endpoint"], languages: [] });
  await manager().roster.saveProfile({ userId: second.id, level: 1, skills: ["endpoint", "log"], languages: [] });
  await manager().roster.saveProfile({ userId: third.id, level: 1, skills: ["log"], languages: [] });
  const r = await manager().roster.create({
    name: "Round the clock",
    timeZone: "Europe/Berlin",
    anchor: today,
    cycleLength: 1,
    slots: [{ id: "all", name: "All day", start: "00:00", end: "00:00" }],
  });
  await manager().roster.saveTeam({
    rosterId: r.id,
    name: "Everyone",
    cycle: ["all"],
    members: [w.staff.analyst.id, second.id, third.id],
    allowGap: true,
  });
});
afterAll(closeTestDatabase);

describe("auto-assign of new incidents", () => {
  it("is off by default: the escalating person keeps the incident", async () => {
    expect(await escalateOne(w.a.customer.id)).toBe(w.staff.manager.id);
  });

  it("when on, takes turns among on-duty analysts holding the tier's skill (MDR → endpoint)", async () => {
    await callerAs(h.db, w.staff.admin).roster.updatePolicy(policy(true));
    const got = [await escalateOne(w.a.customer.id), await escalateOne(w.a.customer.id)];
    expect(new Set(got)).toEqual(new Set([w.staff.analyst.id, second.id]));
    expect(got).not.toContain(third.id);
  });

  it("leaves a customer without a contract (second tenant) to the escalating person", async () => {
    expect(await escalateOne(w.b.customer.id)).toBe(w.staff.manager.id);
  });

  it("counts the skills the customer's contract adds to its tier (MDR + log → endpoint and log)", async () => {
    await manager().contracts.create({
      customerId: w.b.customer.id,
      reference: "B-MDR-LOG",
      terms: {
        ...defaultTerms("mdr", "Europe/Berlin", "2026-01-01"),
        coverage: { kind: "24x7" },
        autoRenew: true,
        extraSkills: ["log"],
      },
      effectiveFrom: new Date("2026-01-01T00:00:00Z"),
    });
    const got = [await escalateOne(w.b.customer.id), await escalateOne(w.b.customer.id)];
    expect(got).toEqual([second.id, second.id]);
  });

  it("lets only admins switch it, never customers", async () => {
    await expect(callerAs(h.db, w.staff.analyst).roster.updatePolicy(policy(false))).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(callerAs(h.db, w.a.admin).roster.updatePolicy(policy(false))).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});

describe("breach attribution", () => {
  it("names the shift and the people on duty at an instant, and counts per shift", async () => {
    const now = Date.now();
    const { perBreach, perShift } = await loadBreachAttribution(h.db, [now, now + 1000]);
    expect(perBreach[0]!.map((s) => [s.roster, s.team, s.slot])).toEqual([["Round the clock", "Everyone", "All day"]]);
    expect(perBreach[0]![0]!.people.map((p) => p.id).sort()).toEqual([w.staff.analyst.id, second.id, third.id].sort());
    expect(perShift.reduce((n, s) => n + s.breaches, 0)).toBe(2);
    expect(await loadBreachAttribution(h.db, [])).toEqual({ perBreach: [], perShift: [], perRoster: [] });
  });

  it("returns the breach list with shifts and per-shift counts to staff only", async () => {
    const range = { from: new Date(Date.now() - 30 * 86_400_000), to: new Date() };
    const list = await callerAs(h.db, w.staff.analyst).sla.breaches(range);
    expect(list).toMatchObject({ rows: expect.any(Array), perShift: expect.any(Array), perRoster: expect.any(Array) });
    await expect(callerAs(h.db, w.b.admin).sla.breaches(range)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
