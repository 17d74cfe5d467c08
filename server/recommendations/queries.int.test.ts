import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { closeTestDatabase, createTestDatabase } from "@/server/testing/db";
import { createWorld, insertTestAlert } from "@/server/testing/factories";
import { listAsksSince, listIncidentsSince } from "./queries";

/** The facts the rules read, against real rows: each subquery must name the outer row, not its own. */
let h: DatabaseHandle;
let w: Awaited<ReturnType<typeof createWorld>>;
beforeAll(async () => {
  h = await createTestDatabase();
  w = await createWorld(h.db);
});
afterAll(closeTestDatabase);

const T = new Date("2026-11-10T09:00:00Z");
async function incident(customerId: string, n: number) {
  const r = await h.db.execute(sql`
    insert into incidents (customer_id, number, title, severity, status, visible_to_customer, first_alert_received_at,
      first_event_time, latest_event_time, created_at, updated_at)
    values (${customerId}, ${n}, ${`Incident ${n}`}, 3, 'closed', true, ${T.toISOString()}::timestamptz,
      ${T.toISOString()}::timestamptz, ${T.toISOString()}::timestamptz, ${T.toISOString()}::timestamptz, now())
    returning id`);
  return ((Array.isArray(r) ? r : (r as { rows: unknown[] }).rows) as { id: string }[])[0]!.id;
}
async function event(customerId: string, incidentId: string, kind: "question" | "answer", at: Date) {
  await h.db.execute(sql`
    insert into incident_events (customer_id, incident_id, at, kind, visibility, actor_type, actor_label, actor_side)
    values (${customerId}, ${incidentId}, ${at.toISOString()}::timestamptz, ${kind}, 'customer', 'system', 'Test',
      'system')`);
}

describe("recommendation facts", () => {
  it("an incident is a false alarm only when it has alerts and every one was judged false positive or benign", async () => {
    const a = w.a.customer.id;
    const [fp, mixed, none] = [await incident(a, 101), await incident(a, 102), await incident(a, 103)];
    await insertTestAlert(h.db, a, { incidentId: fp, verdict: "false_positive" });
    await insertTestAlert(h.db, a, { incidentId: fp, verdict: "benign" });
    await insertTestAlert(h.db, a, { incidentId: mixed, verdict: "false_positive" });
    await insertTestAlert(h.db, a, { incidentId: mixed, verdict: null });
    const rows = await listIncidentsSince(h.db, w.a.customer.tenant, new Date("2026-11-01T00:00:00Z"));
    const by = Object.fromEntries(rows.map((r) => [r.number, r.falseAlarm]));
    expect(by).toMatchObject({ 101: true, 102: false, 103: false });
    expect(none).toBeTruthy();
  });

  it("a question is answered by the next answer on its own incident only", async () => {
    const a = w.a.customer.id;
    const [asked, other] = [await incident(a, 201), await incident(a, 202)];
    await event(a, asked, "question", new Date("2026-11-12T10:00:00Z"));
    await event(a, other, "question", new Date("2026-11-12T11:00:00Z"));
    await event(a, asked, "answer", new Date("2026-11-13T10:00:00Z"));
    const asks = await listAsksSince(h.db, w.a.customer.tenant, new Date("2026-11-01T00:00:00Z"));
    const questions = asks.filter((q) => q.kind === "question");
    const byAsked = Object.fromEntries(
      questions.map((q) => [q.askedAt.toISOString(), q.answeredAt?.toISOString() ?? null]),
    );
    expect(byAsked).toEqual({
      "2026-11-12T10:00:00.000Z": "2026-11-13T10:00:00.000Z",
      "2026-11-12T11:00:00.000Z": null,
    });
  });
});
