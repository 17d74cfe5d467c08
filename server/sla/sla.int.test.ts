import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, openPostgres } from "@/db";
import { emailOutbox, slaAlerts, slaClocks } from "@/db/schema";
import { escalate } from "@/server/alerts/service";
import { defaultTerms } from "@/server/contracts/service";
import * as inc from "@/server/incidents/service";
import { runJobOnce } from "@/server/jobs/scheduler";
import { mintTenantId, type StaffContext, type TenantContext } from "@/server/tenancy/tenant";
import { closeTestDatabase, createTestDatabase } from "@/server/testing/db";
import { callerAs, createStaffUser, createWorld, insertTestAlert } from "@/server/testing/factories";
import { runSlaSweep } from "./service";

let h: DatabaseHandle;
let w: Awaited<ReturnType<typeof createWorld>>;
const T0 = new Date("2026-11-02T09:00:00Z"); // a Monday
const at = (min: number) => new Date(T0.getTime() + min * 60_000);
let analyst: StaffContext;

beforeAll(async () => {
  h = await createTestDatabase();
  w = await createWorld(h.db);
  await createStaffUser(h.db, "soc_manager"); // a second manager: both get SLA mail
  const api = callerAs(h.db, w.staff.manager);
  await api.contracts.create({
    customerId: w.a.customer.id,
    reference: "A-MDR-2026",
    terms: defaultTerms("mdr", "Europe/Berlin", "2026-01-01"),
    effectiveFrom: new Date("2026-01-01T00:00:00Z"),
  });
  await api.contracts.create({
    customerId: w.b.customer.id,
    reference: "B-MSS-2026",
    terms: defaultTerms("mss", "Europe/Berlin", "2026-01-01"),
    effectiveFrom: new Date("2026-01-01T00:00:00Z"),
  });
  analyst = { db: h.db, actor: { side: "staff", role: "analyst" }, user: w.staff.analyst, now: () => at(0) };
});
afterAll(closeTestDatabase);

async function openIncident(customerId: string, severity: number, minute: number) {
  const a = await insertTestAlert(h.db, customerId, { severity, receivedAt: at(minute), eventTime: at(minute) });
  const r = await escalate({ ...analyst, now: () => at(minute + 1) }, [a.id]);
  return r.incidentId;
}
const ctxAt = (customerId: string, minute: number): TenantContext => ({
  ...analyst,
  tenant: mintTenantId(customerId),
  now: () => at(minute),
});

describe("SLA clocks", () => {
  it("starts four clocks for a critical incident, measured against the contract in force", async () => {
    const id = await openIncident(w.a.customer.id, 5, 0);
    const clocks = await callerAs(h.db, w.staff.analyst).sla.incident({ incidentId: id });
    expect(clocks.map((c) => [c.metric, c.targetMinutes])).toEqual([
      ["acknowledge", 15],
      ["notify", 30],
      ["contain", 240],
      ["resolve", 1440],
    ]);
    expect(clocks[0]!.startAt.toISOString()).toBe(at(0).toISOString());
    expect(clocks[0]!.contractVersion).toBe(1);
  });

  it("stops the acknowledge clock when acknowledged, and names who did it", async () => {
    const id = await openIncident(w.a.customer.id, 5, 0);
    await inc.acknowledge(ctxAt(w.a.customer.id, 10), id);
    const [ack] = await callerAs(h.db, w.staff.analyst).sla.incident({ incidentId: id });
    expect(ack).toMatchObject({ state: "met", stoppedBy: "acknowledged", stoppedByWho: w.staff.analyst.name });
    expect(ack!.stopAt?.toISOString()).toBe(at(10).toISOString());
  });

  it("moves clocks to at risk and breached in the sweep, e-mailing managers and the assignee exactly once per transition", async () => {
    const id = await openIncident(w.a.customer.id, 5, 0);
    const before = (await h.db.select().from(emailOutbox)).length;
    expect(await runSlaSweep(h.db, at(12))).toMatchObject({ atRisk: expect.any(Number) });
    const row = async (metric: "acknowledge" | "notify") =>
      (await h.db.select().from(slaClocks).where(eq(slaClocks.incidentId, id))).find((c) => c.metric === metric)!;
    expect((await row("acknowledge")).state).toBe("at_risk");
    await runSlaSweep(h.db, at(40));
    expect((await row("acknowledge")).state).toBe("breached");
    expect((await row("notify")).state).toBe("breached");
    await runSlaSweep(h.db, at(41));
    const alerts = await h.db.select().from(slaAlerts).where(eq(slaAlerts.incidentId, id));
    // Notify went from running straight to breached between sweeps: the breach is announced, not a stale "at risk".
    expect(alerts.map((a) => `${a.metric}:${a.kind}`).sort()).toEqual([
      "acknowledge:at_risk",
      "acknowledge:breached",
      "notify:breached",
    ]);
    const { reference } = await callerAs(h.db, w.staff.analyst).incidents.byId({ incidentId: id });
    const mails = (await h.db.select().from(emailOutbox))
      .slice(before)
      .filter((m) => m.template.startsWith("sla-") && m.subject.includes(`${reference} `));
    // 3 transitions × (2 managers + the assignee); the sweep also moved other tests' clocks, which are not counted.
    expect(mails).toHaveLength(9);
    expect(new Set(mails.map((m) => m.to))).toContain(w.staff.analyst.email);
  });

  it("pauses while waiting on the customer and resumes on the answer", async () => {
    const id = await openIncident(w.a.customer.id, 4, 0);
    await inc.acknowledge(ctxAt(w.a.customer.id, 2), id);
    await inc.openToCustomer(ctxAt(w.a.customer.id, 5), id, "We see an attack.");
    await inc.askCustomer(ctxAt(w.a.customer.id, 60), id, "Was this planned?");
    const clocks = await callerAs(h.db, w.staff.analyst).sla.incident({ incidentId: id });
    const contain = clocks.find((c) => c.metric === "contain")!;
    expect(contain.pauses).toHaveLength(1);
    expect(contain.pauses[0]!.to).toBeNull();
    expect(contain.dueAt).toBeNull();
  });

  it("uses business hours for the MSS customer: a Saturday incident's clock waits for Monday", async () => {
    const sat = 5 * 24 * 60; // Saturday 2026-11-07 09:00Z
    const id = await openIncident(w.b.customer.id, 5, sat);
    const [ack] = await callerAs(h.db, w.staff.manager).sla.incident({ incidentId: id });
    // MSS critical acknowledge: 60 min from Monday 08:00 Berlin (07:00Z).
    expect(ack!.dueAt?.toISOString()).toBe("2026-11-09T08:00:00.000Z");
    expect(ack!.coverage).toBe("Business hours (Europe/Berlin)");
  });

  it("keeps an incident on the version in force when it opened, when the contract changes mid-incident", async () => {
    const id = await openIncident(w.a.customer.id, 5, 100);
    const contracts = await callerAs(h.db, w.staff.manager).contracts.ofCustomer({ customerId: w.a.customer.id });
    const terms = defaultTerms("mdr", "Europe/Berlin", "2026-01-01");
    terms.slaTargets.critical.acknowledge = 5;
    await callerAs(h.db, w.staff.manager).contracts.addVersion({
      customerId: w.a.customer.id,
      contractId: contracts.contracts[0]!.id,
      terms,
      effectiveFrom: at(101),
      note: "Tighter acknowledge target",
    });
    await inc.acknowledge(ctxAt(w.a.customer.id, 110), id);
    const [ack] = await callerAs(h.db, w.staff.analyst).sla.incident({ incidentId: id });
    expect(ack).toMatchObject({ targetMinutes: 15, state: "met", contractVersion: 1 });
    const later = await openIncident(w.a.customer.id, 5, 200);
    const [ack2] = await callerAs(h.db, w.staff.analyst).sla.incident({ incidentId: later });
    expect(ack2).toMatchObject({ targetMinutes: 5, contractVersion: 2 });
  });

  it("reports the month: attainment, times-to and breaches; the customer's month counts every clock, lists only incidents opened to them", async () => {
    const staff = await callerAs(h.db, w.staff.manager).sla.month({ customerId: w.a.customer.id, month: "2026-11" });
    const mine = await callerAs(h.db, w.a.viewer).mySla.month({ month: "2026-11" });
    const decided = (m: typeof staff) => m.attainment.overall.met + m.attainment.overall.breached;
    expect(decided(mine)).toBeGreaterThan(0);
    expect(decided(mine)).toBe(decided(staff));
    expect(mine.internal).toEqual(staff.internal);
    expect(mine.internal.incidents).toBeGreaterThan(0);
    for (const b of mine.breaches)
      await expect(callerAs(h.db, w.a.viewer).myIncidents.byId({ incidentId: b.incidentId })).resolves.toBeTruthy();
    expect(staff.attainment.overall.met + staff.attainment.overall.breached).toBeGreaterThan(0);
    expect(staff.breaches.every((b) => b.customerId === w.a.customer.id)).toBe(true);
    // The cross-customer overview reads a rollup; it must agree with the direct month.
    await runSlaSweep(h.db, at(50));
    // The grid carries each cell's overall only; its dialog reads the month's detail: the same tally, the same figure.
    const overview = await callerAs(h.db, w.staff.manager).sla.attainment({ months: 6 });
    const cellsOfA = overview.cells.filter((c) => c.customerId === w.a.customer.id);
    expect(cellsOfA.map((c) => c.month)).toContain("2026-11");
    for (const { customerId, month, ...cell } of cellsOfA) {
      const direct = await callerAs(h.db, w.staff.manager).sla.month({ customerId, month });
      expect(cell, month).toEqual(direct.attainment.overall);
      expect(Object.keys(cell).sort()).toEqual(["attainment", "breached", "met", "open"]);
    }
    const ack = staff.timeTo.find((t) => t.metric === "acknowledge");
    expect(ack?.count).toBeGreaterThan(0);
  });
});

describe("SLA urgency", () => {
  it("sorts incidents and queue alerts by the nearest SLA due first", async () => {
    const list = await callerAs(h.db, w.staff.analyst).incidents.list({ page: 1, status: "open", sort: "urgency" });
    const dues = list.rows.map((r) => r.slaDueAt?.getTime() ?? Number.POSITIVE_INFINITY);
    expect(dues.length).toBeGreaterThan(2);
    expect([...dues].sort((a, b) => a - b)).toEqual(dues);
    const queue = await callerAs(h.db, w.staff.analyst).alerts.queue({ status: "all", sort: "urgency" });
    const qd = queue.rows.map((r) => r.slaDueAt?.getTime() ?? Number.POSITIVE_INFINITY);
    expect([...qd].sort((a, b) => a - b)).toEqual(qd);
  });
});

describe("SLA: tenancy and roles", () => {
  it("shows customers only their own incidents' clocks", async () => {
    const id = await openIncident(w.a.customer.id, 5, 300);
    await inc.openToCustomer(ctxAt(w.a.customer.id, 305), id, "Opened");
    expect((await callerAs(h.db, w.a.viewer).mySla.incident({ incidentId: id })).length).toBe(4);
    await expect(callerAs(h.db, w.b.admin).mySla.incident({ incidentId: id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const hidden = await openIncident(w.a.customer.id, 5, 310);
    await expect(callerAs(h.db, w.a.admin).mySla.incident({ incidentId: hidden })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const bMonth = await callerAs(h.db, w.b.admin).mySla.month({ month: "2026-11" });
    expect(bMonth.breaches.every((b) => b.customerId === w.b.customer.id)).toBe(true);
  });

  it("keeps customers out of the staff SLA views and analysts out of contract changes", async () => {
    await expect(callerAs(h.db, w.a.admin).sla.risk({})).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      callerAs(h.db, w.a.admin).sla.month({ customerId: w.b.customer.id, month: "2026-11" }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(callerAs(h.db, w.a.admin).contracts.ofCustomer({ customerId: w.b.customer.id })).rejects.toMatchObject(
      {
        code: "FORBIDDEN",
      },
    );
    await expect(
      callerAs(h.db, w.staff.analyst).contracts.create({
        customerId: w.b.customer.id,
        reference: "B-EXTRA",
        terms: defaultTerms("mdr", "UTC", "2026-01-01"),
        effectiveFrom: new Date(),
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const mine = await callerAs(h.db, w.a.viewer).myContract.get();
    expect(mine.current?.tier).toBe("mdr");
    // The provider's notes and authors stay internal.
    expect(JSON.stringify(mine)).not.toContain("Tighter acknowledge target");
    expect(JSON.stringify(mine)).not.toContain(w.staff.manager.id);
    expect((await callerAs(h.db, w.b.viewer).myContract.get()).current?.tier).toBe("mss");
    await expect(callerAs(h.db, null).mySla.month({ month: "2026-11" })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
  });

  it("rejects bad contract terms with a clear error", async () => {
    const terms = { ...defaultTerms("mdr", "UTC", "2026-01-01"), endDate: "2025-01-01" };
    await expect(
      callerAs(h.db, w.staff.manager).contracts.create({
        customerId: w.b.customer.id,
        reference: "Bad",
        terms,
        effectiveFrom: new Date(),
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("end after it starts") });
  });
});

describe("scheduler", () => {
  it("runs each scheduled slot once, however many times it is asked", async () => {
    const job = { name: "test-job", slot: () => "2026-11-02T09:00", run: async () => ({ ok: true }) };
    const results = await Promise.all([runJobOnce(h.db, job), runJobOnce(h.db, job), runJobOnce(h.db, job)]);
    expect(results.filter((r) => r.ran)).toHaveLength(1);
  });
});

describe.runIf(process.env.DATABASE_URL)("two instances sweeping at once (PostgreSQL)", () => {
  it("announces every transition exactly once", async () => {
    const ids = await Promise.all([openIncident(w.a.customer.id, 5, 500), openIncident(w.a.customer.id, 4, 501)]);
    const url = (h.sql as unknown as { options: { host: string[]; port: number[]; database: string; user: string } })
      .options;
    const second = openPostgres(`postgres://${url.user}@${url.host[0]}:${url.port[0]}/${url.database}`, 4);
    try {
      const before = (await h.db.select().from(emailOutbox)).length;
      await Promise.all([runSlaSweep(h.db, at(600)), runSlaSweep(second.db, at(600))]);
      const alerts = await h.db
        .select()
        .from(slaAlerts)
        .where(
          sql`${slaAlerts.incidentId} in (${sql.join(
            ids.map((i) => sql`${i}`),
            sql`, `,
          )})`,
        );
      // After 100 minutes: acknowledge and notify of both incidents (contain and resolve still have time).
      expect(alerts.filter((a) => a.kind === "breached")).toHaveLength(4);
      const refs = await Promise.all(
        ids.map(async (incidentId) => (await callerAs(h.db, w.staff.analyst).incidents.byId({ incidentId })).reference),
      );
      const mails = (await h.db.select().from(emailOutbox))
        .slice(before)
        .filter((m) => m.template === "sla-breached" && refs.some((r) => m.subject.includes(`${r} `)));
      expect(mails).toHaveLength(4 * 3);
    } finally {
      await second.close();
    }
  });
});
