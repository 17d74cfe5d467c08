import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { sensors } from "@/db/schema";
import { escalate } from "@/server/alerts/service";
import { env } from "@/server/env";
import * as portal from "@/server/incidents/portal/service";
import * as inc from "@/server/incidents/service";
import { forgetSharedReads } from "@/server/tenancy/shared-read";
import { mintTenantId, type StaffContext } from "@/server/tenancy/tenant";
import { closeTestDatabase, createTestDatabase } from "@/server/testing/db";
import { callerAs, createWorld, insertTestAlert, type TestUser } from "@/server/testing/factories";

let h: DatabaseHandle;
let w: Awaited<ReturnType<typeof createWorld>>;
const now = Date.now();
const ago = (h: number) => new Date(now - h * 3600_000);

beforeAll(async () => {
  h = await createTestDatabase();
  w = await createWorld(h.db);
  const analyst: StaffContext = { db: h.db, actor: { side: "staff", role: "analyst" }, user: w.staff.analyst };
  // Untriaged: a fresh critical, a two-day-old high, a ten-day-old low; another customer's fresh medium.
  await insertTestAlert(h.db, w.a.customer.id, { severity: 5, receivedAt: ago(0.2), eventTime: ago(0.2) });
  await insertTestAlert(h.db, w.a.customer.id, { severity: 4, receivedAt: ago(48), eventTime: ago(48) });
  await insertTestAlert(h.db, w.a.customer.id, { severity: 2, receivedAt: ago(240), eventTime: ago(240) });
  await insertTestAlert(h.db, w.b.customer.id, { severity: 3, receivedAt: ago(0.5), eventTime: ago(0.5) });
  // An incident of A, assigned to the analyst, shared, with an approval the customer gave and a question answered.
  const a = await insertTestAlert(h.db, w.a.customer.id, {
    severity: 5,
    receivedAt: ago(3),
    eventTime: ago(3),
    host: "ws-1",
  });
  const { incidentId } = await escalate({ ...analyst, now: () => ago(2.9) }, [a.id]);
  const tenant = mintTenantId(w.a.customer.id);
  const t = (hh: number) => ({ ...analyst, tenant, now: () => ago(hh) });
  await inc.acknowledge(t(2.8), incidentId);
  await inc.openToCustomer(t(2.7), incidentId, "We are on it.");
  const action = await inc.requestAction(t(2.6), incidentId, { kind: "isolate_host", target: "ws-1", reason: "C2" });
  const customer = { db: h.db, actor: { side: "customer" as const, role: "admin" as const }, user: w.a.admin, tenant };
  await portal.decideAction(
    { ...customer, now: () => ago(2.5) },
    incidentId,
    (action as { id: string }).id,
    "approved",
  );
  await inc.askCustomer(t(2), incidentId, "Was this you?");
  await portal.answer({ ...customer, now: () => ago(1) }, incidentId, "No, it was not.");
  // B's sensors in every state (5-minute heartbeats, silent after 15 minutes): silent, silent just past the edge,
  // healthy just inside it, retired long silent, never seen, degraded.
  const sensor = (name: string, f: Partial<typeof sensors.$inferInsert>) => ({
    customerId: w.b.customer.id,
    name,
    sensorClass: "edr" as const,
    vendor: "CrowdStrike",
    product: "Falcon",
    sourceFormat: "crowdstrike" as const,
    heartbeatIntervalSeconds: 300,
    ...f,
  });
  const min = (m: number) => new Date(now - m * 60_000);
  await h.db
    .insert(sensors)
    .values([
      sensor("silent", { lastHeartbeatAt: ago(5) }),
      sensor("just silent", { lastHeartbeatAt: min(16), lastEventAt: min(15.5) }),
      sensor("inside", { lastHeartbeatAt: min(20), lastEventAt: min(14) }),
      sensor("retired", { status: "retired", lastHeartbeatAt: ago(48) }),
      sensor("pending", {}),
      sensor("degraded", { lastHeartbeatAt: min(1), healthNote: "queue full", healthNoteAt: min(2) }),
    ]);
});
afterAll(closeTestDatabase);

describe("operations.home", () => {
  it("shows the manager what needs a decision, the intake, ageing, incidents, workload and customer health", async () => {
    const home = await callerAs(h.db, w.staff.manager).operations.home({ timeZone: "Asia/Kathmandu" });
    expect(home.ageing.total).toBe(4);
    const byLabel = Object.fromEntries(home.ageing.rows.map((r) => [r.label, r.buckets]));
    expect(byLabel.Critical).toMatchObject({ lt1h: 1 });
    expect(byLabel.High).toMatchObject({ "1d-7d": 1 });
    expect(byLabel.Low).toMatchObject({ gt7d: 1 });
    expect(home.intake.days).toHaveLength(14);
    expect(home.intake.days.reduce((a, d) => a + d.count, 0)).toBe(5); // every alert of the last 14 days
    expect(home.decisions.approvals.map((x) => x.what)).toEqual(["Isolate host — ws-1"]);
    expect(home.decisions.waiting).toHaveLength(1);
    expect(home.incidents.total).toBe(1);
    expect(home.incidents.byAssignee).toEqual([{ id: w.staff.analyst.id, name: w.staff.analyst.name, count: 1 }]);
    expect(home.workload.find((x) => x.userId === w.staff.analyst.id)?.incidents).toBe(1);
    const alpha = home.customers.find((c) => c.customerId === w.a.customer.id)!;
    expect(alpha).toMatchObject({ openCritical: 1, open: 1, silentSensors: 0 });
    expect(home.customers.find((c) => c.customerId === w.b.customer.id)).toMatchObject({ openCritical: 0 });
  });

  it("counts each customer's sensors and silent sensors as the sensors list decides their health", async () => {
    const home = await callerAs(h.db, w.staff.manager).operations.home({ timeZone: "UTC" });
    const list = await callerAs(h.db, w.staff.manager).sensors.all();
    expect(home.customerCount).toBe(home.customers.length); // fewer than ten customers: every one is listed
    for (const c of home.customers) {
      const mine = list.filter((s) => s.customerId === c.customerId);
      expect({ id: c.customerId, sensors: c.sensors, silent: c.silentSensors }).toEqual({
        id: c.customerId,
        sensors: mine.length,
        silent: mine.filter((s) => s.health === "silent").length,
      });
    }
    expect(home.customers.find((c) => c.customerId === w.b.customer.id)).toMatchObject({
      sensors: 6,
      silentSensors: 2,
    });
  });

  it("is for provider staff only: customer users of either customer and signed-out callers are refused", async () => {
    for (const u of [w.a.admin, w.a.viewer, w.b.admin]) {
      await expect(callerAs(h.db, u).operations.home({ timeZone: "UTC" })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    }
    await expect(callerAs(h.db, null).operations.home({ timeZone: "UTC" })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
  });

  it("is shared among staff for SHARED_READ_SECONDS, by time zone, and forgotten after a change through the API", async () => {
    const lifetime = env.SHARED_READ_SECONDS;
    env.SHARED_READ_SECONDS = 60;
    forgetSharedReads();
    try {
      const home = (u: TestUser, timeZone = "UTC") => callerAs(h.db, u).operations.home({ timeZone });
      const before = (await home(w.staff.analyst)).ageing.total;
      // A new alert written behind this process's back (as another instance's intake would): not seen until the
      // shared answer expires, except under another input.
      const late = await insertTestAlert(h.db, w.a.customer.id, { severity: 4 });
      expect((await home(w.staff.manager)).ageing.total).toBe(before);
      expect((await home(w.staff.manager, "Asia/Kathmandu")).ageing.total).toBe(before + 1);
      // A refused change forgets nothing; a change through the API forgets every shared read once it has committed.
      await expect(
        callerAs(h.db, w.a.admin).alerts.assign({ alertIds: [late.id], assigneeId: w.staff.analyst.id }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
      expect((await home(w.staff.manager)).ageing.total).toBe(before);
      await callerAs(h.db, w.staff.manager).alerts.assign({ alertIds: [late.id], assigneeId: w.staff.analyst.id });
      expect((await home(w.staff.manager)).ageing.total).toBe(before + 1);
    } finally {
      env.SHARED_READ_SECONDS = lifetime;
      forgetSharedReads();
    }
  });

  it("rejects a time zone that does not exist", async () => {
    await expect(callerAs(h.db, w.staff.analyst).operations.home({ timeZone: "Mars/Olympus" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});
