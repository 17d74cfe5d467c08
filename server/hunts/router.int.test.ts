import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { incidents } from "@/db/schema";
import { closeTestDatabase, createTestDatabase } from "@/server/testing/db";
import { callerAs, createTestCustomer, createWorld } from "@/server/testing/factories";

let h: DatabaseHandle;
let w: Awaited<ReturnType<typeof createWorld>>;
beforeAll(async () => {
  h = await createTestDatabase();
  w = await createWorld(h.db);
});
afterAll(closeTestDatabase);

const SECRET = "Internal: beacon to 203.0.113.9 from FIN-LAPTOP-7 looked like red-team traffic";
const hunt = (customerIds: string[], allCustomers = false) => ({
  title: "Kerberoasting across finance",
  hypothesis: "An attacker requests service tickets for weak SPNs (internal hypothesis).",
  techniques: ["t1558.003"],
  dataComponents: ["Active Directory Credential Request"],
  allCustomers,
  customerIds,
  periodFrom: new Date("2026-10-01T00:00:00Z"),
  periodTo: new Date("2026-10-08T00:00:00Z"),
  analystId: null,
  effortHours: 6.5,
});

describe("threat hunts", () => {
  it("staff plan, run and conclude a hunt; the outcome must be backed by records", async () => {
    const api = callerAs(h.db, w.staff.analyst).hunts;
    const created = await api.create(hunt([w.a.customer.id]));
    expect(created.techniques).toEqual(["T1558.003"]);
    await expect(api.update({ huntId: created.id, status: "concluded" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await api.update({ huntId: created.id, status: "in_progress", findings: SECRET });
    await expect(
      api.update({ huntId: created.id, status: "concluded", outcome: "incident", customerSummary: "We found one." }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const [inc] = await h.db
      .insert(incidents)
      .values({
        customerId: w.a.customer.id,
        number: 1,
        title: "Kerberoasting",
        severity: 4,
        firstAlertReceivedAt: new Date(),
        firstEventTime: new Date(),
        latestEventTime: new Date(),
      })
      .returning();
    await api.linkIncident({ huntId: created.id, incidentId: inc!.id });
    const done = await api.update({
      huntId: created.id,
      status: "concluded",
      outcome: "incident",
      customerSummary: "We found service-ticket requests for two weak accounts and opened an incident.",
    });
    expect(done.status).toBe("concluded");
    const detail = await api.byId({ huntId: created.id });
    expect(detail.scope).toMatchObject([{ customerId: w.a.customer.id, incidentId: inc!.id }]);
  });

  it("rejects techniques outside the dataset, an empty scope, a backwards period and unknown customers", async () => {
    const api = callerAs(h.db, w.staff.analyst).hunts;
    await expect(api.create({ ...hunt([w.a.customer.id]), techniques: ["T9999"] })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(api.create(hunt([]))).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      api.create({ ...hunt([w.a.customer.id]), periodTo: new Date("2026-09-01T00:00:00Z") }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(api.create(hunt(["00000000-0000-4000-8000-000000000000"]))).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("customers see concluded hunts that covered them, with the customer-visible fields only", async () => {
    const api = callerAs(h.db, w.staff.manager).hunts;
    const all = await api.create(hunt([], true));
    await api.update({ huntId: all.id, status: "in_progress", findings: SECRET });
    await api.update({
      huntId: all.id,
      status: "concluded",
      outcome: "nothing_found",
      customerSummary: "No sign of Kerberoasting.",
    });
    const planned = await api.create({ ...hunt([w.a.customer.id]), title: "Still planned" });
    const mine = await callerAs(h.db, w.a.viewer).myHunts.list();
    expect(mine.map((x) => x.outcome).sort()).toEqual(["incident", "nothing_found"]);
    expect(mine.some((x) => x.id === planned.id)).toBe(false);
    const text = JSON.stringify(mine);
    for (const secret of [SECRET, "internal hypothesis", "Active Directory Credential Request", "analyst"])
      expect(text).not.toContain(secret);
    expect(Object.keys(mine[0]!).sort()).toEqual(
      [
        "concludedAt",
        "effortHours",
        "id",
        "outcome",
        "periodFrom",
        "periodTo",
        "summary",
        "techniques",
        "title",
      ].sort(),
    );
    // Bravo was only in the all-customer hunt; Alpha's incident is not Bravo's outcome.
    const theirs = await callerAs(h.db, w.b.admin).myHunts.list();
    expect(theirs.map((x) => [x.id, x.outcome])).toEqual([[all.id, "nothing_found"]]);
    const late = await createTestCustomer(h.db);
    expect(
      (await callerAs(h.db, w.staff.admin).hunts.byId({ huntId: all.id })).scope.map((s) => s.customerId),
    ).toContain(late.id);
  });

  it("data components must be ATT&CK's, and each customer in scope is checked for them", async () => {
    const api = callerAs(h.db, w.staff.analyst).hunts;
    await expect(
      api.create({ ...hunt([w.a.customer.id]), dataComponents: ["Process Creation", "Telepathy"] }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("Telepathy") });
    const created = await api.create({
      ...hunt([w.a.customer.id, w.b.customer.id]),
      dataComponents: [" process  creation", "Firmware Modification", "Process Creation"],
    });
    expect(created.dataComponents).toEqual(["Process Creation", "Firmware Modification"]);
    const got = await api.byId({ huntId: created.id });
    expect(got.needs).toEqual([
      { name: "Process Creation", observableBy: expect.arrayContaining(["edr"]) },
      { name: "Firmware Modification", observableBy: [] },
    ]);
    expect(got.scope).toHaveLength(2);
    for (const c of got.scope) {
      expect(c.sources.of).toBe(2);
      // Firmware Modification is seen by no class, whatever the customer runs.
      expect(c.sources.checks[1]!.seenBy).toEqual([]);
      expect(c.sources.visible).toBe(c.sources.checks.filter((x) => x.seenBy.length).length);
    }
  });

  it("customers cannot use the staff procedures; analysts cannot be customers", async () => {
    for (const u of [w.a.admin, w.a.viewer]) {
      await expect(callerAs(h.db, u).hunts.list({})).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(callerAs(h.db, u).hunts.create(hunt([w.a.customer.id]))).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    }
    await expect(callerAs(h.db, w.staff.analyst).myHunts.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
