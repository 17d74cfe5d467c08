import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { emailOutbox } from "@/db/schema";
import { closeTestDatabase, createTestDatabase } from "@/server/testing/db";
import { callerAs, createWorld, insertTestAlert } from "@/server/testing/factories";

let h: DatabaseHandle;
let w: Awaited<ReturnType<typeof createWorld>>;
let incidentId = "";
beforeAll(async () => {
  h = await createTestDatabase();
  w = await createWorld(h.db);
  // Customer A tells its CISO about high and critical incidents by e-mail, its desk only about low ones.
  await callerAs(h.db, w.staff.admin).customers.addContact({
    customerId: w.a.customer.id,
    contact: {
      name: "CISO",
      email: "ciso@alpha.test",
      phone: null,
      role: "CISO",
      severities: ["critical", "high"],
      channels: ["email"],
      receivesReports: true,
    },
  });
  await callerAs(h.db, w.staff.admin).customers.addContact({
    customerId: w.a.customer.id,
    contact: {
      name: "Desk",
      email: "desk@alpha.test",
      phone: null,
      role: null,
      severities: ["low"],
      channels: ["email"],
      receivesReports: false,
    },
  });
  const a1 = await insertTestAlert(h.db, w.a.customer.id, {
    severity: 4,
    title: "Mimikatz on FIN-1",
    entities: {
      hosts: [{ name: "fin-1" }],
      ips: [],
      externalIps: [],
      users: ["ALPHA\\svc-backup"],
      processes: [],
      hashes: [],
      domains: [],
      urls: [],
    },
  });
  const a2 = await insertTestAlert(h.db, w.a.customer.id, { severity: 3, host: "fin-1" });
  const r = await callerAs(h.db, w.staff.analyst).alerts.escalate({ alertIds: [a1.id, a2.id] });
  incidentId = r.incidentId;
});
afterAll(closeTestDatabase);

describe("incident lifecycle (staff)", () => {
  it("opens from alerts with their severity, techniques and observables", async () => {
    const inc = await callerAs(h.db, w.staff.analyst).incidents.byId({ incidentId });
    expect(inc.reference).toMatch(/^ALP-1$/);
    expect(inc.incident).toMatchObject({ status: "triage", severity: 4, title: "Mimikatz on FIN-1" });
    expect(inc.alerts).toHaveLength(2);
    expect(inc.tactics.map((t) => t.tactic.id)).toEqual(["TA0002"]);
    expect(inc.observables.map((o) => o.value)).toContain("fin-1");
    expect(inc.nextStatuses).toEqual(["investigating", "waiting_on_customer", "contained", "closed"]);
  });

  it("moves through legal transitions only, recording milestones", async () => {
    const api = callerAs(h.db, w.staff.analyst);
    await expect(api.incidents.setStatus({ incidentId, to: "recovered" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await api.incidents.setStatus({ incidentId, to: "investigating" });
    await api.incidents.setStatus({ incidentId, to: "contained", note: "Host isolated" });
    const inc = await api.incidents.byId({ incidentId });
    expect(inc.incident.status).toBe("contained");
    expect(inc.incident.containedAt).toBeInstanceOf(Date);
    expect(inc.incident.acknowledgedAt).toBeInstanceOf(Date);
    expect(inc.timeline.filter((e) => e.kind === "status").every((e) => e.visibility === "internal")).toBe(true);
  });

  it("adjusts severity with a reason, adds tasks, IoCs and techniques, refusing unknown ids", async () => {
    const api = callerAs(h.db, w.staff.analyst);
    await api.incidents.setSeverity({ incidentId, severity: 5, reason: "Domain admin credentials exposed" });
    const task = await api.incidents.addTask({ incidentId, title: "Reset krbtgt twice", ownerId: w.staff.manager.id });
    await api.incidents.updateTask({ incidentId, taskId: task.id, status: "done" });
    await api.incidents.addObservable({ incidentId, kind: "ip", value: "198.51.100.7", isIoc: true });
    await api.incidents.addTechnique({ incidentId, techniqueId: "t1003.001" });
    await expect(api.incidents.addTechnique({ incidentId, techniqueId: "T9999" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    const inc = await api.incidents.byId({ incidentId });
    expect(inc.effectiveSeverity).toBe(5);
    const listed = await api.incidents.list({ page: 1, severity: 5 });
    expect(listed.rows.map((r) => [r.id, r.severity])).toEqual([[incidentId, 5]]);
    expect(inc.tasks[0]!.task.status).toBe("done");
    expect(inc.tactics.map((t) => t.tactic.id)).toEqual(["TA0002", "TA0006"]);
  });

  it("keeps everything from the customer until it is opened to them, then e-mails the contacts for its severity", async () => {
    expect((await callerAs(h.db, w.a.admin).myIncidents.list({ page: 1 })).total).toBe(0);
    await expect(callerAs(h.db, w.a.admin).myIncidents.byId({ incidentId })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const api = callerAs(h.db, w.staff.analyst);
    await expect(api.incidents.addNote({ incidentId, body: "hi", visibility: "customer" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await api.incidents.addNote({
      incidentId,
      body: "Internal: attacker reused the helpdesk password",
      visibility: "internal",
    });
    await api.incidents.openToCustomer({
      incidentId,
      message: "We detected credential theft on FIN-1 and isolated it.",
    });
    const mails = await h.db.select().from(emailOutbox).where(eq(emailOutbox.template, "incident-opened"));
    expect(mails.map((m) => m.to)).toEqual(["ciso@alpha.test"]);
    expect(mails[0]!.html).toContain(`/portal/incidents/${incidentId}`);
    const inc = await api.incidents.byId({ incidentId });
    expect(inc.incident.customerNotifiedAt).toBeInstanceOf(Date);
  });

  it("shows the customer only customer-visible entries and no internals", async () => {
    const mine = await callerAs(h.db, w.a.viewer).myIncidents.byId({ incidentId });
    const text = JSON.stringify(mine);
    expect(text).not.toContain("helpdesk password");
    expect(text).not.toContain("Reset krbtgt");
    expect(text).not.toContain('"raw"');
    expect(mine.timeline.map((e) => e.kind)).toEqual(["visibility"]);
    expect(mine.iocs.map((o) => o.value)).toEqual(["198.51.100.7"]);
    expect(mine.severity).toBe(5);
  });

  it("waits on the customer, who answers, and the incident resumes where it was", async () => {
    await callerAs(h.db, w.staff.analyst).incidents.askCustomer({
      incidentId,
      message: "Was the 02:00 login by your admin?",
    });
    expect((await callerAs(h.db, w.a.viewer).myIncidents.byId({ incidentId })).waitingOnYou).toBe(true);
    await expect(callerAs(h.db, w.a.viewer).myIncidents.answer({ incidentId, message: "No" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(callerAs(h.db, w.b.admin).myIncidents.answer({ incidentId, message: "No" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const r = await callerAs(h.db, w.a.admin).myIncidents.answer({
      incidentId,
      message: "No, nobody was working then.",
    });
    expect(r.status).toBe("contained");
    await expect(callerAs(h.db, w.a.admin).myIncidents.answer({ incidentId, message: "again" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });

  it("asks approval for a response action; only the customer's admin decides; then staff carry it out", async () => {
    const api = callerAs(h.db, w.staff.analyst);
    const action = await api.incidents.requestAction({
      incidentId,
      kind: "disable_account",
      target: "ALPHA\\svc-backup",
      reason: "Used by the attacker",
    });
    await expect(
      callerAs(h.db, w.a.viewer).myIncidents.decideAction({ incidentId, actionId: action.id, decision: "approved" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      callerAs(h.db, w.b.admin).myIncidents.decideAction({ incidentId, actionId: action.id, decision: "approved" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(api.incidents.markActionExecuted({ incidentId, actionId: action.id })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await callerAs(h.db, w.a.admin).myIncidents.decideAction({
      incidentId,
      actionId: action.id,
      decision: "approved",
      note: "Go",
    });
    await api.incidents.markActionExecuted({ incidentId, actionId: action.id });
    const mine = await callerAs(h.db, w.a.viewer).myIncidents.byId({ incidentId });
    expect(mine.actions[0]).toMatchObject({ status: "executed", decisionNote: "Go" });
  });

  it("lets customers comment, and staff see it", async () => {
    await callerAs(h.db, w.a.admin).myIncidents.comment({ incidentId, message: "<img src=x onerror=alert(1)> thanks" });
    await expect(callerAs(h.db, w.a.viewer).myIncidents.comment({ incidentId, message: "x" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const inc = await callerAs(h.db, w.staff.manager).incidents.byId({ incidentId });
    const c = inc.timeline.find((e) => e.kind === "comment");
    expect(c).toMatchObject({
      actorSide: "customer",
      visibility: "customer",
      body: "<img src=x onerror=alert(1)> thanks",
    });
  });
});

describe("incidents: tenancy and roles", () => {
  it("gives customers nothing of the staff incident API", async () => {
    for (const u of [w.a.admin, w.b.viewer]) {
      const api = callerAs(h.db, u);
      await expect(api.incidents.list({ page: 1 })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(api.incidents.byId({ incidentId })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(api.incidents.setStatus({ incidentId, to: "closed" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });

  it("never lists or shows one customer's incidents to another", async () => {
    expect((await callerAs(h.db, w.b.admin).myIncidents.list({ page: 1 })).total).toBe(0);
    await expect(callerAs(h.db, w.b.admin).myIncidents.byId({ incidentId })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(callerAs(h.db, w.b.admin).myIncidents.comment({ incidentId, message: "x" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect((await callerAs(h.db, w.a.viewer).myIncidents.list({ page: 1 })).total).toBe(1);
  });

  it("answers NOT_FOUND for an incident id that does not exist, and nothing when signed out", async () => {
    const ghost = "00000000-0000-4000-8000-000000000000";
    await expect(callerAs(h.db, w.staff.admin).incidents.byId({ incidentId: ghost })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(callerAs(h.db, null).myIncidents.list({ page: 1 })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(callerAs(h.db, null).incidents.byId({ incidentId })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("refuses to assign an incident to a customer user", async () => {
    await expect(
      callerAs(h.db, w.staff.manager).incidents.assign({ incidentId, assigneeId: w.a.admin.id }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});

describe("who and what an incident's work may point at", () => {
  it("gives tasks to provider staff only: not a customer's user, not an unknown id", async () => {
    const api = callerAs(h.db, w.staff.analyst);
    for (const ownerId of [w.b.admin.id, w.a.viewer.id, "u_does_not_exist"]) {
      await expect(
        api.incidents.addTask({ incidentId, title: "Collect triage package", ownerId }),
      ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "Tasks can only be assigned to provider staff." });
    }
    const task = await api.incidents.addTask({
      incidentId,
      title: "Collect triage package",
      ownerId: w.staff.admin.id,
    });
    await expect(
      api.incidents.updateTask({ incidentId, taskId: task.id, ownerId: w.b.viewer.id }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      api.incidents.addTask({ incidentId, title: "Far future", dueAt: new Date("9999-01-01T00:00:00Z") }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("between the years 2000 and 2100"),
    });
  });

  it("aims response actions only at the incident's own hosts and accounts: at request, approval and execution", async () => {
    const api = callerAs(h.db, w.staff.analyst);
    await expect(
      api.incidents.requestAction({ incidentId, kind: "isolate_host", target: "ceo-laptop", reason: "Contain" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Only a host seen in this incident's alerts can be isolated.",
    });
    await expect(
      api.incidents.requestAction({ incidentId, kind: "disable_account", target: "ALPHA\\ceo", reason: "Contain" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const ok = await api.incidents.requestAction({
      incidentId,
      kind: "isolate_host",
      target: "FIN-1",
      reason: "Contain",
    });
    expect(ok.status).toBe("requested");

    // A request that predates the check (or was written around it) is refused at approval and at execution alike.
    const { responseActions } = await import("@/db/schema");
    const [stale] = await h.db
      .insert(responseActions)
      .values({
        customerId: w.a.customer.id,
        incidentId,
        kind: "isolate_host",
        target: "dc-01",
        reason: "Contain",
        requestedAt: new Date(),
      })
      .returning();
    await expect(
      callerAs(h.db, w.a.admin).myIncidents.decideAction({ incidentId, actionId: stale!.id, decision: "approved" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("Only a host") });
    await h.db.update(responseActions).set({ status: "approved" }).where(eq(responseActions.id, stale!.id));
    await expect(api.incidents.markActionExecuted({ incidentId, actionId: stale!.id })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});
