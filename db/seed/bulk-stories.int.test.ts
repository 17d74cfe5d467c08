import { and, eq, lt } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle, Db } from "@/db";
import * as s from "@/db/schema";
import { recomputeIncidentClocks } from "@/server/sla/service";
import { mintTenantId } from "@/server/tenancy/tenant";
import { createTestDatabase } from "@/server/testing/db";
import { RECENT_STORY_DAYS, seedHistory } from "./history";
import { seedDemo } from "./seed";

/**
 * The bulk history of incident stories leaves what the services leave. One customer's three months are seeded twice
 * from the same plan: every story through the services, and the older stories in bulk (the demo's way). The rows they
 * leave (incidents, timelines, clocks, SLA alerts, actions, observables, alerts, e-mails, audit entries) must be the
 * same, ids and the database's own clock aside. And each bulk-loaded incident's clocks are what the clock service
 * computes for it.
 */
// The targeted customer (plan.ts): the most stories, with every kind of step (isolations, questions and answers, the
// false alarms' verdicts) in every seed.
const CUSTOMER = "kestrel-bank";
const DAY = 86_400_000;
// Replayed instants are at most `now`; anything the database or the process stamps with its own clock is later.
const now = new Date(Date.now() - 60_000);
let services: DatabaseHandle;
let bulk: DatabaseHandle;

async function seedOne(recentDays: number) {
  const h = await createTestDatabase();
  await seedDemo(h.db, () => {}, { now, history: false, reports: false });
  await seedHistory(h.db, () => {}, now, [CUSTOMER], recentDays);
  return h;
}

beforeAll(async () => {
  services = await seedOne(Number.POSITIVE_INFINITY);
  bulk = await seedOne(RECENT_STORY_DAYS);
}, 1_200_000);
afterAll(async () => {
  await services?.close();
  await bulk?.close();
});

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/** Every row of the customer's story tables, with ids replaced by stable names and the wall clock by "wall". */
async function snapshot(db: Db) {
  const [customer] = await db.select().from(s.customers).where(eq(s.customers.slug, CUSTOMER));
  const c = customer!.id;
  const names = new Map<string, string>([[c, `customer:${CUSTOMER}`]]);
  for (const u of await db.select().from(s.user)) names.set(u.id, `user:${u.email}`);
  const incidentRows = await db.select().from(s.incidents).where(eq(s.incidents.customerId, c));
  const numberOf = new Map(incidentRows.map((i) => [i.id, i.number]));
  for (const i of incidentRows) names.set(i.id, `incident:${i.number}`);
  for (const a of await db.select().from(s.alerts).where(eq(s.alerts.customerId, c)))
    names.set(a.id, `alert:${a.dedupKey}`);
  for (const v of await db.select().from(s.contractVersions).where(eq(s.contractVersions.customerId, c)))
    names.set(v.id, `version:${v.version}`);
  for (const x of await db.select().from(s.sensors).where(eq(s.sensors.customerId, c)))
    names.set(x.id, `sensor:${x.name}`);
  for (const k of await db.select().from(s.apiKeys).where(eq(s.apiKeys.customerId, c)))
    names.set(k.id, `key:${names.get(k.sensorId ?? "") ?? "?"}`);
  const clocks = await db.select().from(s.slaClocks).where(eq(s.slaClocks.customerId, c));
  for (const k of clocks) names.set(k.id, `clock:${numberOf.get(k.incidentId)}:${k.metric}`);
  const actions = await db.select().from(s.responseActions).where(eq(s.responseActions.customerId, c));
  for (const a of actions) names.set(a.id, `action:${numberOf.get(a.incidentId)}:${a.requestedAt.toISOString()}`);

  const norm = (row: Record<string, unknown>, drop: string[] = []) => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(row)) {
      if (drop.includes(k)) continue;
      out[k] = v instanceof Date && v.getTime() > now.getTime() ? "wall" : v;
    }
    // A sensor's key prefix is random whichever way the history is written.
    const text = JSON.stringify(out)
      .replace(UUID, (m) => names.get(m) ?? "unknown-id")
      .replace(/"keyPrefix":"[^"]*"/g, '"keyPrefix":"…"');
    // A list of alert ids in an audit summary or timeline entry is a set: PostgreSQL returns an unordered read's
    // rows in any order, so compare them sorted.
    return text.replace(
      /"alertIds":\[([^\]]*)\]/g,
      (_m, list: string) => `"alertIds":[${list.split(",").sort().join(",")}]`,
    );
  };
  const sorted = (rows: Record<string, unknown>[], drop: string[] = []) => rows.map((r) => norm(r, drop)).sort();
  return {
    incidents: sorted(incidentRows),
    events: sorted(await db.select().from(s.incidentEvents).where(eq(s.incidentEvents.customerId, c)), ["id"]),
    entities: sorted(await db.select().from(s.incidentEntities).where(eq(s.incidentEntities.customerId, c))),
    techniques: sorted(await db.select().from(s.incidentTechniques).where(eq(s.incidentTechniques.customerId, c))),
    observables: sorted(await db.select().from(s.observables).where(eq(s.observables.customerId, c)), ["id"]),
    actions: sorted(actions),
    clocks: sorted(clocks),
    slaAlerts: sorted(await db.select().from(s.slaAlerts).where(eq(s.slaAlerts.customerId, c)), ["id"]),
    alerts: sorted(await db.select().from(s.alerts).where(eq(s.alerts.customerId, c))),
    outbox: sorted(
      [
        ...(await db.select().from(s.emailOutbox).where(eq(s.emailOutbox.customerId, c))),
        // Staff e-mails (SLA announcements) belong to no customer: those naming this customer's incidents.
        ...(await db.select().from(s.emailOutbox)).filter(
          (m) => !m.customerId && m.html.includes(`/console/incidents/`),
        ),
      ],
      ["id"],
    ),
    audit: sorted(await db.select().from(s.auditLog).where(eq(s.auditLog.customerId, c)), [
      "id",
      "seq",
      "prevHash",
      "hash",
    ]),
    months: sorted(await db.select().from(s.slaMonthlyDirty).where(eq(s.slaMonthlyDirty.customerId, c))),
  };
}

describe("older incident stories in bulk", () => {
  it("leave the same rows as the same stories through the services", async () => {
    const a = await snapshot(services.db);
    const b = await snapshot(bulk.db);
    // The comparison means something: a quarter's incidents, most of them older than the recent slice.
    expect(a.incidents.length).toBeGreaterThan(15);
    expect(a.clocks.length).toBeGreaterThan(40);
    expect(a.slaAlerts.length).toBeGreaterThan(0);
    expect(a.actions.length).toBeGreaterThan(0);
    // False alarms in the bulk slice: every alert of the incident judged benign or a false positive before it closed.
    const judged = a.alerts
      .map((x) => JSON.parse(x) as { verdict: string | null; incidentId: string | null; triagedAt: string | null })
      .filter((x) => x.incidentId && (x.verdict === "benign" || x.verdict === "false_positive"));
    expect(
      judged.filter((x) => Date.parse(x.triagedAt!) < now.getTime() - RECENT_STORY_DAYS * DAY).length,
    ).toBeGreaterThan(0);
    for (const k of Object.keys(a) as (keyof typeof a)[]) expect(b[k], k).toEqual(a[k]);
  });

  it("gives every bulk-loaded incident the clocks the clock service computes for it", async () => {
    const db = bulk.db;
    const older = await db
      .select()
      .from(s.incidents)
      .where(lt(s.incidents.createdAt, new Date(now.getTime() - RECENT_STORY_DAYS * DAY)));
    expect(older.length).toBeGreaterThan(10);
    let compared = 0;
    for (const i of older) {
      const stored = await db.select().from(s.slaClocks).where(eq(s.slaClocks.incidentId, i.id));
      if (!stored.length) continue;
      const at = stored[0]!.computedAt;
      const again = await db
        .transaction(async (tx) => {
          await recomputeIncidentClocks(tx, mintTenantId(i.customerId), i.id, at);
          const rows = await tx
            .select()
            .from(s.slaClocks)
            .where(and(eq(s.slaClocks.incidentId, i.id)));
          throw new Rollback(rows);
        })
        .catch((e) => {
          if (e instanceof Rollback) return e.rows;
          throw e;
        });
      const key = (r: typeof s.slaClocks.$inferSelect) => r.metric;
      expect(
        again.sort((x, y) => key(x).localeCompare(key(y))),
        `incident ${i.number}`,
      ).toEqual(stored.sort((x, y) => key(x).localeCompare(key(y))));
      compared += stored.length;
    }
    expect(compared).toBeGreaterThan(30);
  });
});

class Rollback extends Error {
  constructor(readonly rows: (typeof s.slaClocks.$inferSelect)[]) {
    super("rollback");
  }
}
