import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { closeTestDatabase, createTestDatabase } from "@/server/testing/db";
import { callerAs, createWorld } from "@/server/testing/factories";
import { hashApiKey } from "./keys";
import { findKeyByHash } from "./queries";

let h: DatabaseHandle;
let w: Awaited<ReturnType<typeof createWorld>>;
beforeAll(async () => {
  h = await createTestDatabase();
  w = await createWorld(h.db);
});
afterAll(closeTestDatabase);

const sensor = {
  name: "Falcon — HQ",
  sensorClass: "edr" as const,
  vendor: "CrowdStrike",
  product: "Falcon Insight",
  sourceFormat: "crowdstrike" as const,
  site: "HQ",
};

describe("sensors", () => {
  it("creates a sensor with a key shown once and stored only as a hash", async () => {
    const r = await callerAs(h.db, w.staff.manager).sensors.create({ customerId: w.a.customer.id, sensor });
    expect(r.apiKey).toMatch(/^wk_[A-Za-z0-9_-]{8}_[A-Za-z0-9_-]{43}$/);
    const k = await findKeyByHash(h.db, hashApiKey(r.apiKey));
    expect(k).toMatchObject({ customerId: w.a.customer.id, sensorId: r.sensor.id });
    const detail = await callerAs(h.db, w.staff.analyst).sensors.byId({
      customerId: w.a.customer.id,
      sensorId: r.sensor.id,
    });
    expect(detail.keys).toHaveLength(1);
    expect(JSON.stringify(detail)).not.toContain(r.apiKey);
    expect(detail.health).toBe("pending");
    expect(detail.heartbeatIntervalSeconds).toBe(300);
  });

  it("validates an xdr sensor's classes and the heartbeat interval, on create and on update", async () => {
    const api = callerAs(h.db, w.staff.manager);
    const c = w.a.customer.id;
    const xdr = { ...sensor, name: "Cortex", sensorClass: "xdr" as const, sourceFormat: "ocsf" as const };
    await expect(
      api.sensors.create({ customerId: c, sensor: { ...xdr, providesClasses: ["edr"] } }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(
      api.sensors.create({ customerId: c, sensor: { ...sensor, providesClasses: ["edr", "ndr"] } }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      api.sensors.create({ customerId: c, sensor: { ...sensor, heartbeatIntervalSeconds: 29 } }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const { sensor: s } = await api.sensors.create({
      customerId: c,
      sensor: { ...xdr, providesClasses: ["edr", "identity"], heartbeatIntervalSeconds: 60 },
    });
    expect(s).toMatchObject({ providesClasses: ["edr", "identity"], heartbeatIntervalSeconds: 60 });
    await expect(
      api.sensors.update({ customerId: c, sensorId: s.id, patch: { providesClasses: ["edr"] } }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const edr = await api.sensors.update({ customerId: c, sensorId: s.id, patch: { sensorClass: "edr" } });
    expect(edr.providesClasses).toEqual([]);
    await expect(
      api.sensors.update({ customerId: c, sensorId: s.id, patch: { sensorClass: "xdr" } }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("rotates and revokes keys", async () => {
    const api = callerAs(h.db, w.staff.admin);
    const { sensor: s, apiKey } = await api.sensors.create({
      customerId: w.a.customer.id,
      sensor: { ...sensor, name: "Rotating" },
    });
    const { apiKey: next } = await api.sensors.rotateKey({ customerId: w.a.customer.id, sensorId: s.id });
    expect((await findKeyByHash(h.db, hashApiKey(apiKey)))?.revokedAt).toBeInstanceOf(Date);
    expect((await findKeyByHash(h.db, hashApiKey(next)))?.revokedAt).toBeNull();
    expect(await api.sensors.revokeKeys({ customerId: w.a.customer.id, sensorId: s.id })).toEqual({ revoked: 1 });
    expect((await findKeyByHash(h.db, hashApiKey(next)))?.revokedAt).toBeInstanceOf(Date);
  });

  it("does not let an analyst or a customer manage sensors", async () => {
    await expect(
      callerAs(h.db, w.staff.analyst).sensors.create({ customerId: w.a.customer.id, sensor }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      callerAs(h.db, w.a.admin).sensors.create({ customerId: w.a.customer.id, sensor }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("shows customers their own sensors, read-only, without keys", async () => {
    const mine = await callerAs(h.db, w.a.viewer).mySensors.list();
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((s) => s.customerId === w.a.customer.id)).toBe(true);
    const detail = await callerAs(h.db, w.a.viewer).mySensors.byId({ sensorId: mine[0]!.id });
    expect(detail.keys).toEqual([]);
  });

  it("never shows another tenant's sensors", async () => {
    const aSensor = (await callerAs(h.db, w.a.admin).mySensors.list())[0]!;
    expect(await callerAs(h.db, w.b.admin).mySensors.list()).toEqual([]);
    await expect(callerAs(h.db, w.b.admin).mySensors.byId({ sensorId: aSensor.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    // Staff addressing sensor A through customer B find nothing.
    await expect(
      callerAs(h.db, w.staff.admin).sensors.byId({ customerId: w.b.customer.id, sensorId: aSensor.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      callerAs(h.db, w.staff.admin).sensors.rotateKey({ customerId: w.b.customer.id, sensorId: aSensor.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callerAs(h.db, w.a.admin).sensors.all()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerAs(h.db, null).mySensors.list()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
