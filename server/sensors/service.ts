import { actorOf, diff, recordAudit } from "@/server/audit/service";
import { assertCan } from "@/server/auth/permissions";
import { NotFound } from "@/server/errors";
import { forgetIntakeKeys } from "@/server/ingest/auth";
import { type ActorContext, clockOf, personOf, type StaffContext, type TenantContext } from "@/server/tenancy/tenant";
import { sensorHealth, silentSince } from "./health";
import { generateApiKey } from "./keys";
import {
  findSensor,
  insertKey,
  insertSensor,
  listAllSensors,
  listKeys,
  listSensors,
  revokeActiveKeys,
  updateSensorRow,
} from "./queries";
import type { SensorFields } from "./schema";

const withHealth = <
  T extends Parameters<typeof sensorHealth>[0] & { lastHeartbeatAt: Date | null; lastEventAt: Date | null },
>(
  rows: T[],
  now = new Date(),
) => rows.map((s) => ({ ...s, health: sensorHealth(s, now), silentSince: silentSince(s) }));

export async function getSensors(ctx: TenantContext) {
  assertCan(ctx.actor, "sensor:read");
  return withHealth(await listSensors(ctx.db, ctx.tenant));
}

export async function getAllSensors(ctx: StaffContext) {
  assertCan(ctx.actor, "sensor:read");
  if (ctx.actor.side !== "staff") throw new NotFound("No such list.");
  return withHealth(await listAllSensors(ctx.db));
}

export async function getSensor(ctx: TenantContext, id: string) {
  assertCan(ctx.actor, "sensor:read");
  const s = await findSensor(ctx.db, ctx.tenant, id);
  if (!s) throw new NotFound("No such sensor.");
  const keys = ctx.actor.side === "staff" ? await listKeys(ctx.db, ctx.tenant, id) : [];
  return { ...withHealth([s])[0]!, keys };
}

/** Creates the sensor and its first API key; the key is returned once and never stored in clear. */
export async function createSensor(ctx: TenantContext, input: SensorFields) {
  assertCan(ctx.actor, "sensor:manage");
  return ctx.db.transaction(async (tx) => {
    const sensor = await insertSensor(tx, ctx.tenant, input);
    const k = generateApiKey();
    await insertKey(tx, ctx.tenant, {
      sensorId: sensor.id,
      prefix: k.prefix,
      keyHash: k.keyHash,
      createdBy: creator(ctx),
    });
    await recordAudit(tx, {
      ...actorOf(ctx),
      customerId: ctx.tenant,
      action: "sensor.create",
      targetType: "sensor",
      targetId: sensor.id,
      summary: { after: input, keyPrefix: k.prefix },
    });
    return { sensor, apiKey: k.key };
  });
}

export async function updateSensor(ctx: TenantContext, id: string, patch: Partial<SensorFields>) {
  assertCan(ctx.actor, "sensor:manage");
  return ctx.db.transaction(async (tx) => {
    const before = await findSensor(tx, ctx.tenant, id);
    if (!before) throw new NotFound("No such sensor.");
    const row = await updateSensorRow(tx, ctx.tenant, id, patch);
    await recordAudit(tx, {
      ...actorOf(ctx),
      customerId: ctx.tenant,
      action: "sensor.update",
      targetType: "sensor",
      targetId: id,
      summary: { changes: diff(before, patch) },
    });
    return row!;
  });
}

/** Revokes every active key of the sensor and issues a new one, shown once. */
export async function rotateKey(ctx: TenantContext, id: string) {
  assertCan(ctx.actor, "sensor:manage");
  const result = await ctx.db.transaction(async (tx) => {
    const s = await findSensor(tx, ctx.tenant, id);
    if (!s) throw new NotFound("No such sensor.");
    const revoked = await revokeActiveKeys(tx, ctx.tenant, id, clockOf(ctx));
    const k = generateApiKey();
    await insertKey(tx, ctx.tenant, { sensorId: id, prefix: k.prefix, keyHash: k.keyHash, createdBy: creator(ctx) });
    await recordAudit(tx, {
      ...actorOf(ctx),
      customerId: ctx.tenant,
      action: "sensor.key.rotate",
      targetType: "sensor",
      targetId: id,
      summary: { revoked: revoked.length, keyPrefix: k.prefix },
    });
    return { apiKey: k.key };
  });
  forgetIntakeKeys(); // at once here; other instances within INTAKE_KEY_CACHE_SECONDS
  return result;
}

export async function revokeKeys(ctx: TenantContext, id: string) {
  assertCan(ctx.actor, "sensor:manage");
  const result = await ctx.db.transaction(async (tx) => {
    const s = await findSensor(tx, ctx.tenant, id);
    if (!s) throw new NotFound("No such sensor.");
    const revoked = await revokeActiveKeys(tx, ctx.tenant, id, clockOf(ctx));
    await recordAudit(tx, {
      ...actorOf(ctx),
      customerId: ctx.tenant,
      action: "sensor.key.revoke",
      targetType: "sensor",
      targetId: id,
      summary: { revoked: revoked.length },
    });
    return { revoked: revoked.length };
  });
  forgetIntakeKeys(); // at once here; other instances within INTAKE_KEY_CACHE_SECONDS
  return result;
}

export async function setSensorStatus(ctx: TenantContext, id: string, status: "active" | "retired") {
  assertCan(ctx.actor, "sensor:manage");
  const result = await ctx.db.transaction(async (tx) => {
    const s = await findSensor(tx, ctx.tenant, id);
    if (!s) throw new NotFound("No such sensor.");
    if (status === "retired") await revokeActiveKeys(tx, ctx.tenant, id, clockOf(ctx));
    const row = await updateSensorRow(tx, ctx.tenant, id, { status });
    await recordAudit(tx, {
      ...actorOf(ctx),
      customerId: ctx.tenant,
      action: `sensor.${status === "retired" ? "retire" : "reactivate"}`,
      targetType: "sensor",
      targetId: id,
      summary: { name: s.name },
    });
    return row!;
  });
  forgetIntakeKeys(); // at once here; other instances within INTAKE_KEY_CACHE_SECONDS
  return result;
}

const creator = (ctx: ActorContext) => personOf(ctx)?.id ?? null;
