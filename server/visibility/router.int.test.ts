import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { incidents, incidentTechniques, sensors } from "@/db/schema";
import { createSensor } from "@/server/sensors/service";
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

  it("gives the monthly report its coverage at month end", async () => {
    const end = new Date(Date.now() + 60_000);
    const r = await monthCoverage(h.db, mintTenantId(w.a.customer.id), end);
    expect(r.classes).toEqual(["edr"]);
    expect(r.tactics).toHaveLength(14);
    expect(r.tactics.find((t) => t.id === "TA0002")!.ratio).toBeGreaterThan(0);
    expect(r.edr.ratio).toBeNull(); // no known assets: no data
    // A month that ended before any heartbeat: nothing was visible.
    const early = await monthCoverage(h.db, mintTenantId(w.a.customer.id), new Date(Date.now() - 30 * 86_400_000));
    expect(early.classes).toEqual([]);
  });
});
