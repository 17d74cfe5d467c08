import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { incidents, incidentTechniques, sensorHeartbeats, sensors } from "@/db/schema";
import { pruneRawHeartbeats } from "@/server/coverage/service";
import { coverageHealthForMonth } from "@/server/coverage/views";
import { authenticate, recordHeartbeat } from "@/server/ingest/service";
import { createSensor } from "@/server/sensors/service";
import { monthRange } from "@/server/sla/report";
import { mintTenantId, systemContext } from "@/server/tenancy/tenant";
import { closeTestDatabase, createTestDatabase } from "@/server/testing/db";
import { callerAs, createWorld } from "@/server/testing/factories";
import { monthCoverage } from "./report";

let h: DatabaseHandle;
let w: Awaited<ReturnType<typeof createWorld>>;

async function incident(customerId: string, number: number, techniqueId: string, visibleToCustomer: boolean, at: Date) {
  const [row] = await h.db
    .insert(incidents)
    .values({
      customerId,
      number,
      title: `Incident ${number}`,
      severity: 3,
      visibleToCustomer,
      firstAlertReceivedAt: at,
      firstEventTime: at,
      latestEventTime: at,
    })
    .returning();
  await h.db.insert(incidentTechniques).values({ customerId, incidentId: row!.id, techniqueId, source: "analyst" });
}

beforeAll(async () => {
  h = await createTestDatabase();
  w = await createWorld(h.db);
  const ctx = { ...systemContext(h.db, "test"), tenant: mintTenantId(w.a.customer.id) };
  const add = async (name: string, sensorClass: "edr" | "ndr", seen: Date | null) => {
    const r = await createSensor(ctx, {
      name,
      sensorClass,
      vendor: "v",
      product: "p",
      sourceFormat: "crowdstrike",
      site: null,
    });
    if (seen) await h.db.update(sensors).set({ lastHeartbeatAt: seen }).where(eqId(r.sensor.id));
  };
  await add("EDR", "edr", new Date());
  await add("NDR silent", "ndr", new Date(Date.now() - 86_400_000));
  const now = Date.now();
  await incident(w.a.customer.id, 1, "T1059.001", true, new Date(now - 89 * 86_400_000));
  await incident(w.a.customer.id, 2, "T1003", false, new Date(now - 86_400_000));
  await incident(w.a.customer.id, 3, "T1486", true, new Date(now - 91 * 86_400_000));
});
afterAll(closeTestDatabase);

const eqId = (id: string) => eq(sensors.id, id);

const cells = (m: { columns: { cells: { id: string; detected: boolean; band: string | null }[] }[] }) =>
  new Map(m.columns.flatMap((c) => c.cells).map((c) => [c.id, c]));

describe("ATT&CK visibility", () => {
  it("shows the customer's heat map from working classes only, with their own detections of 90 days", async () => {
    const m = await callerAs(h.db, w.a.viewer).myVisibility.heatMap();
    expect(m.classes).toEqual(["edr"]); // the silent NDR sensor adds nothing
    const c = cells(m);
    expect(c.get("T1059")).toMatchObject({ detected: true }); // via its sub-technique, 89 days ago
    expect(c.get("T1003")).toMatchObject({ detected: false }); // not opened to the customer
    expect(c.get("T1486")).toMatchObject({ detected: false }); // 91 days ago
    expect(m.raise[0]!.techniques).toBeGreaterThan(0);
    expect(m.raise.map((r) => r.sensorClass)).not.toContain("edr");
  });

  it("staff see every detection of the customer", async () => {
    const m = await callerAs(h.db, w.staff.analyst).visibility.heatMap({ customerId: w.a.customer.id });
    expect(cells(m).get("T1003")).toMatchObject({ detected: true });
  });

  it("never shows another customer's visibility or detections", async () => {
    const b = await callerAs(h.db, w.b.admin).myVisibility.heatMap();
    expect(b.classes).toEqual([]);
    expect([...cells(b).values()].some((c) => c.detected)).toBe(false);
    expect([...cells(b).values()].every((c) => c.band === null || c.band === "none")).toBe(true);
  });

  it("counts customers seeing each technique provider-wide, for staff only", async () => {
    const p = await callerAs(h.db, w.staff.manager).visibility.provider();
    expect(p.customers).toBe(2);
    const t1059 = p.columns.flatMap((c) => c.cells).find((c) => c.id === "T1059")!;
    expect(t1059).toMatchObject({ seeing: 1, of: 2 });
    await expect(callerAs(h.db, w.a.admin).visibility.provider()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerAs(h.db, w.a.admin).visibility.heatMap({ customerId: w.a.customer.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(callerAs(h.db, w.staff.admin).myVisibility.heatMap()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("gives the monthly report its visibility at month end from the hourly rows, months later", async () => {
    const ctx = { ...systemContext(h.db, "test"), tenant: mintTenantId(w.a.customer.id) };
    const key = async (name: string, sensorClass: "edr" | "ndr") =>
      (
        await createSensor(ctx, {
          name,
          sensorClass,
          vendor: "v",
          product: "p",
          sourceFormat: "crowdstrike",
          site: null,
        })
      ).apiKey;
    const edr = await key("EDR March", "edr");
    const ndr = await key("NDR March", "ndr");
    const beat = async (k: string, at: Date) =>
      recordHeartbeat(h.db, await authenticate(h.db, `Bearer ${k}`, "heartbeat"), {}, at);
    // March 2026 in Berlin ends at 22:00 UTC on the 31st. The EDR sensor beats at 21:20, 21:25 and 21:55 (silent
    // 21:40–21:55, a gap kept inside the hour's row); the NDR sensor last beat two days before.
    const { to } = monthRange("2026-03", "Europe/Berlin");
    const at = (min: number) => new Date(to.getTime() - min * 60_000);
    await beat(ndr, at(2 * 24 * 60));
    for (const m of [40, 35, 5]) await beat(edr, at(m));
    // Raw heartbeats are gone long before the report is read again.
    await pruneRawHeartbeats(h.db, new Date(to.getTime() + 90 * 86_400_000));
    expect(await h.db.select().from(sensorHeartbeats)).toEqual([]);

    const r = await monthCoverage(h.db, mintTenantId(w.a.customer.id), to);
    expect(r.classes).toEqual(["edr"]);
    expect(r.tactics).toHaveLength(14);
    expect(r.tactics.find((t) => t.id === "TA0002")!.ratio).toBeGreaterThan(0);
    expect(r.edr.ratio).toBeNull(); // no known assets: no data
    // The same states as the coverage figures of the same month (one truth for "state at month end").
    const health = await coverageHealthForMonth(h.db, mintTenantId(w.a.customer.id), "2026-03");
    expect(health.sensors.map((s) => `${s.name} ${s.stateAtMonthEnd}`).sort()).toEqual([
      "EDR March healthy",
      "NDR March silent",
    ]);
    // Inside the stored gap (21:50 is more than 15 minutes after 21:25) the EDR sensor saw nothing.
    expect((await monthCoverage(h.db, mintTenantId(w.a.customer.id), at(10))).classes).toEqual([]);
    // Exactly 15 minutes after 21:25 it is not yet silent.
    expect((await monthCoverage(h.db, mintTenantId(w.a.customer.id), at(20))).classes).toEqual(["edr"]);
    // A month that ended before any heartbeat: nothing was visible.
    const early = await monthCoverage(h.db, mintTenantId(w.a.customer.id), new Date(Date.UTC(2026, 1, 28, 23)));
    expect(early.classes).toEqual([]);
  });
});
