import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { incidents } from "@/db/schema";
import * as portalIncidents from "@/server/incidents/portal/service";
import * as inc from "@/server/incidents/service";
import { monthRange } from "@/server/sla/report";
import { mintTenantId } from "@/server/tenancy/tenant";
import { closeTestDatabase, createTestDatabase } from "@/server/testing/db";
import { callerAs, createWorld, insertTestAlert } from "@/server/testing/factories";
import { seedReportMonth } from "@/server/testing/reports";
import { assembleMonthlyReport } from "./assemble";

let h: DatabaseHandle;
let w: Awaited<ReturnType<typeof createWorld>>;

beforeAll(async () => {
  h = await createTestDatabase();
  w = await createWorld(h.db);
  const { at } = await seedReportMonth(h.db, w, [
    { minute: 0, severity: 5, action: { kind: "isolate_host", target: "ws-finance-07", reason: "Mimikatz" } },
    { minute: 600, severity: 5 },
    { minute: 1200, severity: 3, share: false },
  ]);
  // Noise the customer was never told about, and another customer's alert.
  await insertTestAlert(h.db, w.a.customer.id, { severity: 2, receivedAt: at(30), eventTime: at(30) });
  await insertTestAlert(h.db, w.b.customer.id, { severity: 5, receivedAt: at(30), eventTime: at(30) });
  // November: the customer decides the October approval, and a question is asked on another October incident. A
  // report of October regenerated now still tells October as it ended.
  const tenant = mintTenantId(w.a.customer.id);
  const items = await h.db.select().from(incidents).where(eq(incidents.customerId, w.a.customer.id));
  const nov = new Date("2026-11-10T09:00:00Z");
  const analyst = {
    db: h.db,
    actor: { side: "staff" as const, role: "analyst" as const },
    user: w.staff.analyst,
    tenant,
    now: () => nov,
  };
  const customer = {
    db: h.db,
    actor: { side: "customer" as const, role: "admin" as const },
    user: w.a.admin,
    tenant,
    now: () => nov,
  };
  for (const i of items) {
    const full = await inc.getIncident(analyst, i.id);
    const action = full.actions.find((a) => a.status === "requested");
    if (action) await portalIncidents.decideAction(customer, i.id, action.id, "approved");
    else if (i.visibleToCustomer) await inc.askCustomer(analyst, i.id, "Was this you?");
  }
});
afterAll(closeTestDatabase);

describe("assembleMonthlyReport", () => {
  it("uses the same numbers as the portal's funnel and SLA month", async () => {
    const model = await assembleMonthlyReport(h.db, mintTenantId(w.a.customer.id), "2026-10");
    const { from, to } = monthRange("2026-10", "Europe/Berlin");
    const portal = callerAs(h.db, w.a.viewer);
    expect(model.funnel).toEqual(await portal.myAlerts.funnel({ from, to }));
    expect(model.sla).toEqual(await portal.mySla.month({ month: "2026-10" }));
    expect(model.monthLabel).toBe("October 2026");
    expect(model.service).toMatchObject({ tier: "mdr", coverage: "24/7" });
  });

  it("counts only incidents opened with the customer, by severity and tactic, and says so in plain sentences", async () => {
    const model = await assembleMonthlyReport(h.db, mintTenantId(w.a.customer.id), "2026-10");
    expect(model.incidents.total).toBe(2);
    expect(model.incidents.bySeverity.find((s) => s.severity === 5)?.count).toBe(2);
    expect(model.incidents.byTactic).toEqual([{ id: "TA0006", name: "Credential Access", incidents: 2 }]);
    expect(model.executiveSummary).toContain("All 2 critical incidents were contained within the SLA.");
    expect(model.executiveSummary[0]).toBe(
      "In October 2026 we received 4 alerts from your sensors; 2 alerts became part of an incident.",
    );
    expect(model.trend).toHaveLength(7);
    expect(model.trend.at(-1)?.month).toBe("2026-10");
  });

  it("tells what was done on notable incidents and what waits on the customer", async () => {
    const model = await assembleMonthlyReport(h.db, mintTenantId(w.a.customer.id), "2026-10");
    const first = model.incidents.notable.find((i) => i.actions.length);
    expect(first?.actions).toEqual([
      { label: "Isolate host", target: "ws-finance-07", status: "requested", executedAt: null },
    ]);
    expect(model.waiting).toEqual([
      expect.objectContaining({ reference: first!.reference, what: "Approve: Isolate host — ws-finance-07" }),
    ]);
    expect(model.executiveSummary).toContain("1 item is waiting on your team.");
    expect(model.incidents.all).toHaveLength(2);
  });

  it("reads waiting items, states and actions at the month end, however late it is regenerated", async () => {
    const model = await assembleMonthlyReport(h.db, mintTenantId(w.a.customer.id), "2026-10");
    for (const item of model.waiting) expect(item.since.getTime()).toBeLessThan(new Date("2026-11-01").getTime());
    expect(model.incidents.all.map((i) => i.status)).toEqual(["contained", "contained"]);
    expect(model.incidents.all.flatMap((i) => i.actions.map((a) => a.status))).toEqual(["requested"]);
    // The November model sees what happened in November.
    const nov = await assembleMonthlyReport(h.db, mintTenantId(w.a.customer.id), "2026-11");
    expect(nov.waiting.map((x) => x.what)).toEqual([expect.stringMatching(/^Question: /)]);
  });

  it("counts escalated alerts as true positives unless an analyst said otherwise", async () => {
    const model = await assembleMonthlyReport(h.db, mintTenantId(w.a.customer.id), "2026-10");
    expect(model.funnel.escalated).toBe(2);
    expect(model.funnel.byVerdict.true_positive).toBe(2);
    expect(model.funnel.byVerdict.none).toBe(model.funnel.received - 2);
  });

  it("counts internal incidents' clocks in the attainment and shows them only as counts", async () => {
    const model = await assembleMonthlyReport(h.db, mintTenantId(w.a.customer.id), "2026-10");
    const staff = await callerAs(h.db, w.staff.manager).sla.month({ customerId: w.a.customer.id, month: "2026-10" });
    expect(model.sla.attainment.overall).toEqual(staff.attainment.overall);
    expect(model.sla.internal).toEqual({ incidents: 1, breached: 0 });
    expect(model.incidents.all.map((i) => i.title)).not.toContain(undefined);
  });

  it("never mixes in another customer", async () => {
    const model = await assembleMonthlyReport(h.db, mintTenantId(w.b.customer.id), "2026-10");
    expect(model.incidents.total).toBe(0);
    expect(model.funnel.received).toBe(1);
    expect(model.service).toBeNull();
  });
});
