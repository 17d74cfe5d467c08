import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { incidentEvents, incidents } from "@/db/schema";
import { escalate } from "@/server/alerts/service";
import * as portal from "@/server/incidents/portal/service";
import * as inc from "@/server/incidents/service";
import { mintTenantId, type StaffContext } from "@/server/tenancy/tenant";
import { closeTestDatabase, createTestDatabase } from "@/server/testing/db";
import { callerAs, createWorld, insertTestAlert } from "@/server/testing/factories";
import { customersWaiting } from "./queries";

// "Customers waiting on us" on the manager's home: the open incidents whose newest word by a person is the customer's,
// read from the side and time a trigger keeps on the incident (migration 0035), whichever way the timeline is written.

let h: DatabaseHandle;
let w: Awaited<ReturnType<typeof createWorld>>;
const now = Date.now();
const ago = (m: number) => new Date(now - m * 60_000);

beforeAll(async () => {
  h = await createTestDatabase();
  w = await createWorld(h.db);
});
afterAll(closeTestDatabase);

async function openIncident(customer: "a" | "b", minutesAgo: number) {
  const analyst: StaffContext = { db: h.db, actor: { side: "staff", role: "analyst" }, user: w.staff.analyst };
  const c = w[customer].customer;
  const alert = await insertTestAlert(h.db, c.id, {
    severity: 4,
    receivedAt: ago(minutesAgo),
    eventTime: ago(minutesAgo),
  });
  const { incidentId } = await escalate({ ...analyst, now: () => ago(minutesAgo - 1) }, [alert.id]);
  const tenant = mintTenantId(c.id);
  const staff = (m: number) => ({ ...analyst, tenant, now: () => ago(m) });
  const admin = customer === "a" ? w.a.admin : w.b.admin;
  const cust = (m: number) => ({
    db: h.db,
    actor: { side: "customer" as const, role: "admin" as const },
    user: admin,
    tenant,
    now: () => ago(m),
  });
  await inc.openToCustomer(staff(minutesAgo - 2), incidentId, "We are looking into it.");
  return { incidentId, staff, cust };
}

const word = async (id: string) =>
  (
    await h.db
      .select({ side: incidents.lastWordSide, at: incidents.lastWordAt })
      .from(incidents)
      .where(eq(incidents.id, id))
  )[0]!;

/** A comment on an incident's timeline written straight to the table, as an import or a bulk load would. */
const comment = (incidentId: string, customerId: string, minutesAgo: number, side: "staff" | "customer") => ({
  customerId,
  incidentId,
  at: ago(minutesAgo),
  kind: "comment" as const,
  visibility: "customer" as const,
  actorType: "user" as const,
  actorId: null,
  actorLabel: side,
  actorSide: side,
});

describe("customers waiting on us", () => {
  it("follows the newest word by a person through the services: the customer's comment, our reply, the system's entries", async () => {
    const x = await openIncident("a", 300);
    expect(await word(x.incidentId)).toEqual({ side: "staff", at: ago(298) });
    await portal.comment(x.cust(200), x.incidentId, "Any news?");
    expect(await word(x.incidentId)).toEqual({ side: "customer", at: ago(200) });
    // An entry of the system's (an alert joining the incident) is nobody's word: still waiting on us.
    await h.db.insert(incidentEvents).values({
      customerId: w.a.customer.id,
      incidentId: x.incidentId,
      at: ago(150),
      kind: "alert_added",
      visibility: "internal",
      actorType: "system",
      actorId: null,
      actorLabel: "Correlation",
      actorSide: "system",
    });
    let waiting = await customersWaiting(h.db);
    expect(waiting.rows.map((r) => r.incidentId)).toContain(x.incidentId);
    expect(waiting.rows.find((r) => r.incidentId === x.incidentId)?.since).toEqual(ago(200));
    // An internal note is a word of ours too (the customer does not see it, but someone on our side has acted).
    await inc.addNote(x.staff(100), x.incidentId, "Checked the proxy logs.", "customer");
    waiting = await customersWaiting(h.db);
    expect(waiting.rows.map((r) => r.incidentId)).not.toContain(x.incidentId);
    // An older word written late (an import) does not replace the newer one.
    await h.db.insert(incidentEvents).values(comment(x.incidentId, w.a.customer.id, 120, "customer"));
    expect(await word(x.incidentId)).toEqual({ side: "staff", at: ago(100) });
  });

  it("lists open incidents only, the longest waiting first, counting them all beyond the page", async () => {
    const first = await openIncident("a", 1000);
    const second = await openIncident("b", 900);
    const third = await openIncident("a", 800);
    await portal.comment(second.cust(700), second.incidentId, "Hello?");
    await portal.comment(first.cust(600), first.incidentId, "Anyone?");
    await portal.comment(third.cust(500), third.incidentId, "Please call us.");
    await inc.setStatus(third.staff(400), third.incidentId, "closed", "Resolved on the phone.");
    const all = await customersWaiting(h.db);
    const mine = all.rows.filter((r) => [first, second, third].some((x) => x.incidentId === r.incidentId));
    expect(mine.map((r) => r.incidentId)).toEqual([second.incidentId, first.incidentId]);
    const page = await customersWaiting(h.db, 1);
    expect(page.rows).toHaveLength(1);
    expect(page.total).toBe(all.total);
    expect(all.total).toBe(all.rows.length);
    // The same figure on the manager's home.
    const home = await callerAs(h.db, w.staff.manager).operations.home({ timeZone: "UTC" });
    expect(home.decisions.waitingTotal).toBe(all.total);
    expect(home.decisions.waiting.map((r) => r.incidentId)).toEqual(all.rows.map((r) => r.incidentId));
  });

  it("keeps the word of every incident a bulk insert touches, as the seed and the scale build write them", async () => {
    const x = await openIncident("a", 2000);
    const y = await openIncident("b", 2000);
    await h.db
      .insert(incidentEvents)
      .values([
        comment(x.incidentId, w.a.customer.id, 1500, "customer"),
        comment(x.incidentId, w.a.customer.id, 1400, "staff"),
        comment(y.incidentId, w.b.customer.id, 1400, "staff"),
        comment(y.incidentId, w.b.customer.id, 1300, "customer"),
      ]);
    expect(await word(x.incidentId)).toEqual({ side: "staff", at: ago(1400) });
    expect(await word(y.incidentId)).toEqual({ side: "customer", at: ago(1300) });
  });

  it("keeps the word when the customer and the analyst write through the API, as wk_app under the tenant policy", async () => {
    const x = await openIncident("a", 4000);
    await callerAs(h.db, w.a.admin).myIncidents.comment({ incidentId: x.incidentId, message: "Is it contained?" });
    expect((await word(x.incidentId)).side).toBe("customer");
    expect((await customersWaiting(h.db)).rows.map((r) => r.incidentId)).toContain(x.incidentId);
    await callerAs(h.db, w.staff.analyst).incidents.addNote({
      incidentId: x.incidentId,
      body: "Yes: the host is isolated.",
      visibility: "customer",
    });
    expect((await word(x.incidentId)).side).toBe("staff");
  });

  it("does not let an entry under one customer's name touch another customer's incident", async () => {
    const x = await openIncident("b", 3000);
    const before = await word(x.incidentId);
    await expect(
      h.db.insert(incidentEvents).values(comment(x.incidentId, w.a.customer.id, 0, "customer")),
    ).rejects.toThrow();
    expect(await word(x.incidentId)).toEqual(before);
    const rows = await h.db
      .select()
      .from(incidentEvents)
      .where(and(eq(incidentEvents.incidentId, x.incidentId), eq(incidentEvents.customerId, w.a.customer.id)));
    expect(rows).toHaveLength(0);
  });
});
