import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { alerts, slaClocks } from "@/db/schema";
import { defaultTerms } from "@/server/contracts/service";
import type { StaffContext } from "@/server/tenancy/tenant";
import { closeTestDatabase, createTestDatabase } from "@/server/testing/db";
import { callerAs, createWorld, insertTestAlert } from "@/server/testing/factories";
import { listQueue, type QueueWhere } from "./queries";
import { escalate } from "./service";

let h: DatabaseHandle;
let w: Awaited<ReturnType<typeof createWorld>>;
const now = Date.now();
const ago = (hours: number) => new Date(now - hours * 3600_000);

/**
 * The queue's page order (`pageKeys`): the open alerts in an incident and the loose ones are read apart and merged;
 * every page must be the slice of one order, the one the queue promises (SLA due first, then severity, then age).
 */
beforeAll(async () => {
  h = await createTestDatabase();
  w = await createWorld(h.db);
  for (const [customer, ref] of [
    [w.a.customer.id, "A-MDR-2026"],
    [w.b.customer.id, "B-MDR-2026"],
  ] as const) {
    await callerAs(h.db, w.staff.manager).contracts.create({
      customerId: customer,
      reference: ref,
      terms: defaultTerms("mdr", "Europe/Berlin", "2025-01-01"),
      effectiveFrom: new Date("2025-01-01T00:00:00Z"),
    });
  }
  const analyst: StaffContext = { db: h.db, actor: { side: "staff", role: "analyst" }, user: w.staff.analyst };
  const first = await insertTestAlert(h.db, w.a.customer.id, { severity: 4, receivedAt: ago(50), eventTime: ago(50) });
  const second = await insertTestAlert(h.db, w.b.customer.id, { severity: 2, receivedAt: ago(49), eventTime: ago(49) });
  const running = (await escalate({ ...analyst, now: () => ago(48) }, [first.id])).incidentId;
  const stopped = (await escalate({ ...analyst, now: () => ago(48) }, [second.id])).incidentId;
  // The second incident's clocks all stopped: its alerts have no due and sort among the loose ones.
  await h.db
    .update(slaClocks)
    .set({ stopAt: ago(47), state: "met" })
    .where(eq(slaClocks.incidentId, stopped));
  // Loose alerts of both customers, severities with ties broken by age; one ties with a joined alert on both
  // (severity 5, 25 hours ago), as a batch from the intake shares its received_at: the id decides.
  const sev = [5, 3, 3, 1, 4, 2, 5, 3, 0, 4, 2, 3];
  for (const [i, severity] of sev.entries()) {
    const at = ago(40 - i * 2.5);
    await insertTestAlert(h.db, i % 2 ? w.b.customer.id : w.a.customer.id, { severity, receivedAt: at, eventTime: at });
  }
  // Open alerts that joined the incidents later (as the intake groups them), still new or acknowledged.
  const joined = [
    { customer: w.a.customer.id, incident: running, severity: 1, hours: 30 },
    { customer: w.a.customer.id, incident: running, severity: 3, hours: 20 },
    { customer: w.b.customer.id, incident: stopped, severity: 5, hours: 25 },
    { customer: w.b.customer.id, incident: stopped, severity: 2, hours: 5 },
  ];
  for (const j of joined) {
    const a = await insertTestAlert(h.db, j.customer, {
      severity: j.severity,
      receivedAt: ago(j.hours),
      eventTime: ago(j.hours),
      status: j.hours < 10 ? "acknowledged" : "new",
    });
    await h.db.update(alerts).set({ incidentId: j.incident }).where(eq(alerts.id, a.id));
  }
  // Closed alerts are not in the open queue.
  const closed = await insertTestAlert(h.db, w.a.customer.id, { severity: 5 });
  await h.db
    .update(alerts)
    .set({ status: "closed" })
    .where(inArray(alerts.id, [closed.id]));
});
afterAll(closeTestDatabase);

type Row = Awaited<ReturnType<typeof listQueue>>["rows"][number];
const time = (d: Date | null) => (d ? d.getTime() : Number.POSITIVE_INFINITY);
const byId = (a: Row, b: Row) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const severityOrder = (a: Row, b: Row) =>
  b.severity - a.severity || a.receivedAt.getTime() - b.receivedAt.getTime() || byId(a, b);
const urgencyOrder = (a: Row, b: Row) => time(a.slaDueAt) - time(b.slaDueAt) || severityOrder(a, b);

async function pages(f: QueueWhere, size: number) {
  const out: Row[] = [];
  for (let offset = 0; ; offset += size) {
    const { rows, total } = await listQueue(h.db, f, new Date(now), size, offset);
    out.push(...rows);
    if (offset + size >= total) return { rows: out, total };
  }
}

describe("the queue's page order", () => {
  it("pages the open alerts by SLA due, severity and age, the incident's alerts with a running clock first", async () => {
    const f: QueueWhere = { status: "open", sort: "urgency" };
    const { rows, total } = await pages(f, 4);
    expect(total).toBe(16);
    expect(rows).toHaveLength(16);
    expect(new Set(rows.map((r) => r.id)).size).toBe(16);
    expect(rows.map((r) => r.id)).toEqual([...rows].sort(urgencyOrder).map((r) => r.id));
    // The running incident's two open alerts lead; the stopped incident's are among the loose ones.
    expect(rows.slice(0, 2).every((r) => r.slaDueAt !== null)).toBe(true);
    expect(rows.slice(2).every((r) => r.slaDueAt === null)).toBe(true);
    expect(rows.filter((r) => r.incidentId).length).toBe(4);
    // One page of everything gives the same order as the pages.
    expect((await listQueue(h.db, f, new Date(now), 50, 0)).rows.map((r) => r.id)).toEqual(rows.map((r) => r.id));
  });

  it("pages them by severity then age, and keeps every other filter", async () => {
    const { rows } = await pages({ status: "open", sort: "severity" }, 3);
    expect(rows).toHaveLength(16);
    expect(rows.map((r) => r.id)).toEqual([...rows].sort(severityOrder).map((r) => r.id));
    const onlyB = await pages({ status: "open", sort: "urgency", customerId: w.b.customer.id, severity: 2 }, 2);
    expect(onlyB.rows.every((r) => r.customerId === w.b.customer.id && r.severity >= 2)).toBe(true);
    expect(onlyB.rows.map((r) => r.id)).toEqual([...onlyB.rows].sort(urgencyOrder).map((r) => r.id));
    expect(onlyB.rows).toHaveLength(onlyB.total);
  });

  it("orders every status the same way without the open queue's indexes", async () => {
    const { rows, total } = await pages({ status: "all", sort: "urgency" }, 5);
    expect(rows).toHaveLength(total);
    expect(rows.map((r) => r.id)).toEqual([...rows].sort(urgencyOrder).map((r) => r.id));
    const newest = await pages({ status: "all", sort: "newest" }, 5);
    expect(newest.rows.map((r) => r.receivedAt.getTime())).toEqual(
      newest.rows.map((r) => r.receivedAt.getTime()).sort((a, b) => b - a),
    );
  });
});
