import { eq, sql } from "drizzle-orm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, type Db, schema } from "@/db";
import {
  auditLog,
  recommendationEvents,
  recommendations,
  sensorHeartbeatHours,
  sensors,
  unsupportedAgentVersions,
} from "@/db/schema";
import { livePeriod } from "@/server/posture/score";
import { closeTestDatabase, createTestDatabase } from "@/server/testing/db";
import { createWorld } from "@/server/testing/factories";
import { giveSensor } from "@/server/testing/posture";
import { seedReportMonth } from "@/server/testing/reports";
import { readUnsupported } from "./coverage-facts";
import { evaluateAll, evaluateCustomer } from "./evaluation";
import { gatherFacts } from "./gather";
import { listActiveCustomers } from "./queries";
import { evaluateRules } from "./rules";

/**
 * The hourly job over many customers is bounded by its round trips, not by the rules: what every customer shares is
 * read once per run, and each customer's facts come in a few reads. The facts must be the same either way.
 */
let h: DatabaseHandle;
let w: Awaited<ReturnType<typeof createWorld>>;
let unsupportedSensor = "";
const NOW = new Date("2026-10-06T12:00:00Z");

/** The same database through a drizzle instance that counts the statements it sends. */
function counting(handle: DatabaseHandle) {
  const n = { queries: 0 };
  const logger = { logQuery: () => void n.queries++ };
  const db = (handle.kind === "pglite"
    ? drizzlePglite({ client: handle.pglite!, schema, casing: "snake_case", logger })
    : drizzlePostgres({ client: handle.sql!, schema, casing: "snake_case", logger })) as unknown as Db;
  return { db, n };
}

beforeAll(async () => {
  h = await createTestDatabase();
  w = await createWorld(h.db);
  // Incidents with techniques, an approval asked, a contract: every kind of fact the rules and the score read.
  await seedReportMonth(
    h.db,
    w,
    [
      { minute: 0, severity: 4, action: { kind: "isolate_host", target: "ws-1", reason: "Contain it." } },
      { minute: 600, severity: 4, share: false },
      { minute: 1200, severity: 3 },
    ],
    new Date("2026-10-02T09:00:00Z"),
  );
  const s = await giveSensor(h.db, w.a.customer.id, "edr", new Date("2026-10-01T00:00:00Z"));
  await h.db.update(sensors).set({ agentVersion: "6.0" }).where(sql`${sensors.id} = ${s.id}`);
  unsupportedSensor = s.id;
  await h.db.insert(unsupportedAgentVersions).values({ vendor: "test", product: "TEST", version: " 6.0" });
  const ndr = await giveSensor(h.db, w.a.customer.id, "ndr", NOW);
  // Three hours of 5-minute heartbeats as the hourly rollup holds them: an availability for the score to read.
  const HOUR = 3_600_000;
  for (let k = 3; k >= 1; k--) {
    const hour = new Date(NOW.getTime() - k * HOUR);
    await h.db.insert(sensorHeartbeatHours).values({
      customerId: w.a.customer.id,
      sensorId: ndr.id,
      hour,
      firstAt: new Date(hour.getTime() + 60_000),
      lastAt: new Date(hour.getTime() + 56 * 60_000),
      beats: 12,
      gaps: [],
    });
  }
});
afterAll(closeTestDatabase);

describe("the hourly evaluation's reads", () => {
  it("gives the same facts with what the job has read once as without", async () => {
    const [c] = (await listActiveCustomers(h.db)).filter((x) => x.id === w.a.customer.id);
    const unsupported = await readUnsupported(h.db);
    const period = livePeriod(NOW);
    const alone = await gatherFacts(h.db, w.a.customer.tenant, period);
    const shared = await gatherFacts(h.db, w.a.customer.tenant, period, undefined, { customer: c, unsupported });
    expect(shared).toEqual(alone);
    // The facts hold what the comparison is about (not two empty lists).
    expect(alone.incidents.map((i) => i.techniques)).toEqual([["T1003.001"], ["T1003.001"], ["T1003.001"]]);
    expect(alone.asks.map((a) => a.kind)).toEqual(["approval"]);
    expect(alone.sensors.filter((x) => x.unsupported)).toHaveLength(1);
    expect(alone.contractedClasses.length).toBeGreaterThan(0);
    expect(alone.endpoints.licensed).not.toBeNull();
    // What the job reads: the rules' facts only (no availability, no asks), and the same findings.
    const rulesOnly = await gatherFacts(h.db, w.a.customer.tenant, period, undefined, {
      customer: c,
      unsupported,
      rulesOnly: true,
    });
    expect(alone.availability.some((a) => a.value !== null)).toBe(true);
    expect(rulesOnly).toEqual({
      ...alone,
      availability: alone.availability.map((a) => ({ ...a, value: null })),
      asks: [],
    });
    expect(evaluateRules(rulesOnly, NOW)).toEqual(evaluateRules(alone, NOW));
    expect(evaluateRules(alone, NOW).length).toBeGreaterThanOrEqual(3);
  });

  it("reads each customer in a handful of round trips (what the customers share, once a run)", async () => {
    await evaluateAll(h.db, NOW); // the first run raises; the hourly runs after it find the facts unchanged
    const { db, n } = counting(h);
    const customers = (await listActiveCustomers(h.db)).length;
    expect(customers).toBeGreaterThanOrEqual(2);
    const res = await evaluateAll(db, NOW);
    expect(res).toMatchObject({ customers, raised: 0, resolved: 0, refreshed: 0, severity: 0 });
    // The customer list and the unsupported versions once; then per customer: the sensors, the contract, the assets,
    // the waiting actions, the incidents with their techniques, the recommendations with the reviews due (6; it was
    // 14, with the heartbeat histories and the asks that only the score reads).
    expect(n.queries).toBeLessThanOrEqual(2 + 6 * customers);
  });

  it("a single customer evaluated alone reads the same recommendations", async () => {
    const { db, n } = counting(h);
    expect(await evaluateCustomer(db, w.a.customer.tenant, NOW)).toMatchObject({ raised: 0, refreshed: 0 });
    expect(n.queries).toBeLessThanOrEqual(8);
  });
});

describe("the hourly evaluation while a condition holds", () => {
  it("the text follows the facts silently; the history and the audit log only record changes of substance", async () => {
    const key = `agent-unsupported:${unsupportedSensor}`;
    const [rec] = await h.db.select().from(recommendations).where(eq(recommendations.dedupKey, key));
    expect(rec).toBeTruthy();
    const trail = async () => ({
      events: (await h.db.select().from(recommendationEvents).where(eq(recommendationEvents.recommendationId, rec!.id)))
        .length,
      audit: (await h.db.select().from(auditLog).where(eq(auditLog.targetId, rec!.id))).length,
    });
    const was = await trail();
    await h.db.update(sensors).set({ name: "Falcon renamed" }).where(eq(sensors.id, unsupportedSensor));
    for (const hours of [1, 2, 3]) {
      const at = new Date(NOW.getTime() + hours * 3_600_000);
      const res = await evaluateCustomer(h.db, w.a.customer.tenant, at);
      // Two recommendations name the sensor: it is silent and runs an unsupported agent.
      expect(res).toMatchObject({ refreshed: 0, retexted: hours === 1 ? 2 : 0 });
    }
    const [now] = await h.db.select().from(recommendations).where(eq(recommendations.id, rec!.id));
    expect(now!.title).toBe("Upgrade the agent on Falcon renamed");
    expect(now!.evidence).toEqual([{ kind: "sensor", id: unsupportedSensor, label: "Falcon renamed" }]);
    expect(await trail()).toEqual(was);
  });
});
