import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { defaultTerms } from "@/server/contracts/service";
import { evaluateDirty } from "@/server/recommendations/evaluation";
import { closeTestDatabase, createTestDatabase } from "@/server/testing/db";
import { callerAs, createWorld, insertTestAlert } from "@/server/testing/factories";

let h: DatabaseHandle;
let w: Awaited<ReturnType<typeof createWorld>>;
const ids: Record<string, string> = {};
const hoursAgo = (n: number) => new Date(Date.now() - n * 3600_000);

beforeAll(async () => {
  h = await createTestDatabase();
  w = await createWorld(h.db);
  ids.aCrit = (
    await insertTestAlert(h.db, w.a.customer.id, { severity: 5, title: "Ransomware note", receivedAt: hoursAgo(0.2) })
  ).id;
  ids.aLow = (
    await insertTestAlert(h.db, w.a.customer.id, {
      severity: 2,
      title: "Port scan",
      source: "zeek",
      techniques: ["T1046"],
      receivedAt: hoursAgo(30),
    })
  ).id;
  ids.aOld = (
    await insertTestAlert(h.db, w.a.customer.id, { severity: 3, title: "Old thing", receivedAt: hoursAgo(24 * 9) })
  ).id;
  ids.bHigh = (
    await insertTestAlert(h.db, w.b.customer.id, { severity: 4, title: "Bravo beacon", receivedAt: hoursAgo(2) })
  ).id;
});
afterAll(closeTestDatabase);

describe("triage queue", () => {
  it("shows all customers' open alerts in one list, most severe first", async () => {
    const q = await callerAs(h.db, w.staff.analyst).alerts.queue({});
    expect(q.rows.map((r) => r.title)).toEqual(["Ransomware note", "Bravo beacon", "Old thing", "Port scan"]);
    expect(new Set(q.rows.map((r) => r.customerId)).size).toBe(2);
  });

  it("filters by customer, severity, source, technique and age", async () => {
    const api = callerAs(h.db, w.staff.analyst);
    expect((await api.alerts.queue({ customerId: w.b.customer.id })).rows.map((r) => r.title)).toEqual([
      "Bravo beacon",
    ]);
    expect((await api.alerts.queue({ severity: 4 })).total).toBe(2);
    expect((await api.alerts.queue({ source: "zeek" })).rows.map((r) => r.title)).toEqual(["Port scan"]);
    expect((await api.alerts.queue({ technique: "t1046" })).rows.map((r) => r.title)).toEqual(["Port scan"]);
    expect((await api.alerts.queue({ age: "lt1h" })).rows.map((r) => r.title)).toEqual(["Ransomware note"]);
    expect((await api.alerts.queue({ age: "gt7d" })).rows.map((r) => r.title)).toEqual(["Old thing"]);
    expect((await api.alerts.queue({ q: "beacon" })).total).toBe(1);
    expect((await api.alerts.queue({ assigneeId: "none" })).total).toBe(4);
  });

  it("acknowledges in bulk, taking unassigned alerts", async () => {
    const api = callerAs(h.db, w.staff.analyst);
    expect(await api.alerts.acknowledge({ alertIds: [ids.aLow!, ids.bHigh!] })).toEqual({ acknowledged: 2 });
    const rows = (await api.alerts.queue({ status: "acknowledged" })).rows;
    expect(rows.map((r) => r.assigneeId)).toEqual([w.staff.analyst.id, w.staff.analyst.id]);
  });

  it("closes alerts with a verdict and a reason; a true positive needs an incident", async () => {
    const api = callerAs(h.db, w.staff.analyst);
    await expect(api.alerts.verdict({ alertIds: [ids.aOld!], verdict: "benign", reason: "" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(
      api.alerts.verdict({ alertIds: [ids.aOld!], verdict: "true_positive", reason: "real" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await api.alerts.verdict({ alertIds: [ids.aOld!], verdict: "false_positive", reason: "Admin's backup job" });
    expect((await api.alerts.queue({})).rows.map((r) => r.title)).not.toContain("Old thing");
    expect((await api.alerts.queue({ status: "closed" })).rows[0]).toMatchObject({
      title: "Old thing",
      verdict: "false_positive",
    });
  });

  it("escalates only alerts of one customer, and attaches only within that customer", async () => {
    const api = callerAs(h.db, w.staff.analyst);
    await expect(api.alerts.escalate({ alertIds: [ids.aCrit!, ids.bHigh!] })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("one customer"),
    });
    const { incidentId } = await api.alerts.escalate({ alertIds: [ids.aCrit!], title: "Ransomware on FS-2" });
    await expect(api.alerts.escalate({ alertIds: [ids.aCrit!] })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(api.alerts.attach({ alertIds: [ids.bHigh!], incidentId })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await api.alerts.attach({ alertIds: [ids.aLow!], incidentId });
    expect((await api.alerts.byId({ alertId: ids.aLow! })).incidentReference).toMatch(/^ALP-\d+$/);
    const open = await api.alerts.openIncidents({ customerId: w.a.customer.id });
    expect(open.map((i) => i.id)).toEqual([incidentId]);
    expect(await api.alerts.openIncidents({ customerId: w.b.customer.id })).toEqual([]);
  });

  it("counts the funnel for a customer and period", async () => {
    const from = hoursAgo(24 * 30);
    const to = new Date(Date.now() + 60_000);
    const f = await callerAs(h.db, w.staff.manager).alerts.funnel({ customerId: w.a.customer.id, from, to });
    expect(f).toEqual({
      received: 3,
      triaged: 3,
      escalated: 2,
      incidents: 1,
      // Escalated alerts without another verdict count as true positives.
      byVerdict: { true_positive: 2, false_positive: 1, benign: 0, duplicate: 0, none: 0 },
    });
    // The customer's own view counts only incidents opened to them: A's incident is still internal.
    expect(await callerAs(h.db, w.a.viewer).myAlerts.funnel({ from, to })).toMatchObject({
      received: 3,
      escalated: 0,
      incidents: 0,
    });
    const mine = await callerAs(h.db, w.b.viewer).myAlerts.funnel({ from, to });
    expect(mine).toMatchObject({ received: 1, triaged: 1, escalated: 0, incidents: 0 });
    await expect(
      callerAs(h.db, w.staff.manager).alerts.funnel({ customerId: w.a.customer.id, from: to, to: from }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("a verdict on an incident's alerts marks that customer's facts changed (the minute run re-evaluates it)", async () => {
    const api = callerAs(h.db, w.staff.analyst);
    await evaluateDirty(h.db, new Date());
    await api.alerts.verdict({ alertIds: [ids.bHigh!], verdict: "benign", reason: "Loose alert: no incident" });
    expect(await evaluateDirty(h.db, new Date())).toMatchObject({ customers: 0 });
    await api.alerts.verdict({ alertIds: [ids.aLow!], verdict: "benign", reason: "Authorised scan" });
    expect(await evaluateDirty(h.db, new Date())).toMatchObject({ customers: 1 });
  });
});

describe("alerts: tenancy and roles", () => {
  it("gives customers no access to alerts, only their own funnel", async () => {
    for (const u of [w.a.admin, w.a.viewer]) {
      const api = callerAs(h.db, u);
      await expect(api.alerts.queue({})).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(api.alerts.byId({ alertId: ids.bHigh! })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(api.alerts.acknowledge({ alertIds: [ids.bHigh!] })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(
        api.alerts.funnel({ customerId: w.b.customer.id, from: hoursAgo(5), to: new Date() }),
      ).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    }
  });

  it("refuses a partly unknown selection instead of acting on part of it", async () => {
    await expect(
      callerAs(h.db, w.staff.analyst).alerts.acknowledge({
        alertIds: [ids.bHigh!, "00000000-0000-4000-8000-000000000000"],
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("gives a signed-out caller nothing", async () => {
    await expect(callerAs(h.db, null).alerts.queue({})).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(callerAs(h.db, null).myAlerts.funnel({ from: hoursAgo(1), to: new Date() })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
  });
});

describe("queue: customers in coverage now", () => {
  it("keeps only customers whose contract's calendar counts now; none in coverage shows nothing", async () => {
    const api = callerAs(h.db, w.staff.analyst);
    expect((await api.alerts.queue({ coverage: "now", status: "all" })).total).toBe(0);
    await callerAs(h.db, w.staff.manager).contracts.create({
      customerId: w.a.customer.id,
      reference: "A-247",
      terms: { ...defaultTerms("mdr", "Europe/Berlin", "2026-01-01"), coverage: { kind: "24x7" }, autoRenew: true },
      effectiveFrom: new Date("2026-01-01T00:00:00Z"),
    });
    const inCoverage = await api.alerts.queue({ coverage: "now", status: "all" });
    expect(inCoverage.total).toBeGreaterThan(0);
    expect(new Set(inCoverage.rows.map((r) => r.customerId))).toEqual(new Set([w.a.customer.id]));
    // Combined with a customer filter for the second tenant (no contract): nothing.
    expect((await api.alerts.queue({ coverage: "now", customerId: w.b.customer.id })).total).toBe(0);
  });

  it("refuses the filter to customer users and rejects an unknown value", async () => {
    await expect(callerAs(h.db, w.b.admin).alerts.queue({ coverage: "now" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(callerAs(h.db, w.staff.analyst).alerts.queue({ coverage: "later" as "now" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});
