import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { auditLog, emailOutbox, recommendationEvents, sensors } from "@/db/schema";
import { closeTestDatabase, createTestDatabase } from "@/server/testing/db";
import { callerAs, createWorld } from "@/server/testing/factories";
import { giveContract, giveReportContact, giveSensor } from "@/server/testing/posture";
import { markFactsChanged } from "./dirty";
import { evaluateCustomer, evaluateDirty } from "./evaluation";

let h: DatabaseHandle;
let w: Awaited<ReturnType<typeof createWorld>>;
beforeAll(async () => {
  h = await createTestDatabase();
  w = await createWorld(h.db);
  await giveContract(h.db, w.a.customer.id, ["edr", "ndr"]);
  await giveReportContact(h.db, w.a.customer.id, "ciso@alpha.test");
});
afterAll(closeTestDatabase);

const mails = async () =>
  (await h.db.select().from(emailOutbox).where(eq(emailOutbox.template, "recommendation-new"))).length;

describe("the rule engine against the database", () => {
  let recId = "";
  it("raises a missing class once, with history, audit and one e-mail to report contacts", async () => {
    const now = new Date();
    await giveSensor(h.db, w.a.customer.id, "edr", now);
    expect(await evaluateCustomer(h.db, w.a.customer.tenant, now)).toMatchObject({ raised: 1 });
    expect(await evaluateCustomer(h.db, w.a.customer.tenant, now)).toMatchObject({ raised: 0 });
    const list = await callerAs(h.db, w.a.viewer).myRecommendations.list({});
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ dedupKey: "class-missing:ndr", severity: "high", origin: "rule", status: "open" });
    recId = list[0]!.id;
    expect(await mails()).toBe(1);
    const audit = await h.db.select().from(auditLog).where(eq(auditLog.targetId, recId));
    expect(audit.map((a) => a.action)).toEqual(["recommendation.raise"]);
  });

  it("clears by itself when the condition clears, and reopens the same row when it returns", async () => {
    const t1 = new Date();
    const ndr = await giveSensor(h.db, w.a.customer.id, "ndr", t1);
    expect(await evaluateCustomer(h.db, w.a.customer.tenant, t1)).toMatchObject({ resolved: 1 });
    const done = await callerAs(h.db, w.a.viewer).myRecommendations.byId({ recommendationId: recId });
    expect(done.status).toBe("done");
    expect(done.history.at(-1)!.body).toBe(`resolved: condition cleared at ${t1.toISOString()}`);
    await h.db.update(sensors).set({ status: "retired" }).where(eq(sensors.id, ndr.id));
    expect(await evaluateCustomer(h.db, w.a.customer.tenant, new Date())).toMatchObject({ reopened: 1, raised: 0 });
    const again = await callerAs(h.db, w.a.viewer).myRecommendations.list({});
    expect(again.map((r) => [r.id, r.status])).toEqual([[recId, "open"]]);
    expect(await mails()).toBe(1); // once in its life
  });

  it("re-evaluates customers marked dirty, each once", async () => {
    await markFactsChanged(h.db, w.b.customer.tenant);
    await markFactsChanged(h.db, w.b.customer.tenant);
    expect(await evaluateDirty(h.db, new Date())).toMatchObject({ customers: 1 });
    expect(await evaluateDirty(h.db, new Date())).toMatchObject({ customers: 0 });
  });
});

describe("the customer's decisions", () => {
  let id = "";
  beforeAll(async () => {
    const r = await callerAs(h.db, w.staff.analyst).recommendations.create({
      customerId: w.a.customer.id,
      title: "Enforce MFA for VPN",
      body: "Three incidents started with a VPN login without MFA.",
      severity: "medium",
      category: "identity",
    });
    id = r.id;
  });

  it("viewers read only; admins accept, mark done and accept the risk with a reason and review date", async () => {
    await expect(
      callerAs(h.db, w.a.viewer).myRecommendations.respond({ recommendationId: id, action: "accept" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      callerAs(h.db, w.a.viewer).myRecommendations.comment({ recommendationId: id, body: "hi" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const admin = callerAs(h.db, w.a.admin).myRecommendations;
    await expect(
      admin.respond({ recommendationId: id, action: "accept_risk", reason: "Legacy" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await admin.respond({ recommendationId: id, action: "accept" });
    await admin.comment({ recommendationId: id, body: "Planned for Q1." });
    const reviewOn = new Date(Date.now() + 86_400_000);
    const r = await admin.respond({ recommendationId: id, action: "accept_risk", reason: "Legacy VPN", reviewOn });
    expect(r).toMatchObject({ status: "risk_accepted", reason: "Legacy VPN" });
    // The review date comes: the engine reopens it.
    const res = await evaluateCustomer(h.db, w.a.customer.tenant, new Date(reviewOn.getTime() + 1));
    expect(res.reviewed).toBe(1);
    const after = await admin.byId({ recommendationId: id });
    expect(after.status).toBe("open");
    expect(after.history.map((e) => e.kind)).toEqual(["raised", "status", "comment", "status", "status"]);
  });

  it("staff dismiss with a reason; customers cannot dismiss or create", async () => {
    await expect(
      callerAs(h.db, w.a.admin).recommendations.dismiss({
        customerId: w.a.customer.id,
        recommendationId: id,
        reason: "x y z",
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      callerAs(h.db, w.a.admin).recommendations.create({
        customerId: w.a.customer.id,
        title: "Nope",
        body: "Nope nope",
        severity: "low",
        category: "identity",
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const r = await callerAs(h.db, w.staff.manager).recommendations.dismiss({
      customerId: w.a.customer.id,
      recommendationId: id,
      reason: "Superseded by the SSO project",
    });
    expect(r.status).toBe("dismissed");
  });

  it("another tenant cannot read, list or change the recommendation", async () => {
    expect(await callerAs(h.db, w.b.admin).myRecommendations.list({})).toEqual([]);
    await expect(callerAs(h.db, w.b.admin).myRecommendations.byId({ recommendationId: id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      callerAs(h.db, w.b.admin).myRecommendations.respond({ recommendationId: id, action: "accept" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      callerAs(h.db, w.b.admin).myRecommendations.comment({ recommendationId: id, body: "mine?" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      callerAs(h.db, w.staff.admin).recommendations.byId({ customerId: w.b.customer.id, recommendationId: id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const events = await h.db
      .select()
      .from(recommendationEvents)
      .where(and(eq(recommendationEvents.recommendationId, id), eq(recommendationEvents.body, "mine?")));
    expect(events).toEqual([]);
  });

  it("staff list across customers with filters and change severity in bulk; customers cannot", async () => {
    const api = callerAs(h.db, w.staff.analyst).recommendations;
    const all = await api.list({ customerId: w.a.customer.id, page: 1 });
    expect(all.total).toBe(2);
    const open = await api.list({ status: ["open"], page: 1 });
    expect(open.rows.every((r) => r.rec.status === "open")).toBe(true);
    const ids = all.rows.map((r) => r.rec.id);
    expect(await api.bulk({ action: "severity", ids, severity: "low" })).toEqual({ changed: 2 });
    await expect(
      callerAs(h.db, w.a.admin).recommendations.bulk({ action: "severity", ids, severity: "high" }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(callerAs(h.db, w.a.admin).recommendations.list({ page: 1 })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await api.bulk({ action: "dismiss", ids, reason: "Clean-up" })).toEqual({ changed: 1 });
  });
});
