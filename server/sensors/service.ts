import type { DbOrTx } from "@/db";
import { auditedChange } from "@/server/audit/change";
import { diff } from "@/server/audit/service";
import { assertCan } from "@/server/auth/permissions";
import { type HealthFacts, sensorHealth, unsupportedSet } from "@/server/coverage/health";
import { listUnsupportedVersions, sensorCountsByCustomer } from "@/server/coverage/queries";
import { Invalid, NotFound } from "@/server/errors";
import { forgetIntakeKeys } from "@/server/ingest/auth";
import { type ActorContext, clockOf, personOf, type StaffContext, type TenantContext } from "@/server/tenancy/tenant";
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
import { providesClassesError, type SensorFields, type SensorPatch } from "./schema";

/** Health per coverage-rules.md, decided in one place (`server/coverage/health.ts`). */
async function withHealth<T extends HealthFacts>(db: DbOrTx, rows: T[], now: Date) {
  const unsupported = unsupportedSet(await listUnsupportedVersions(db));
  return rows.map((s) => {
    const h = sensorHealth(s, unsupported, now);
    return { ...s, health: h.state, silentSince: h.silentSince, lastSeen: h.lastSeen, healthReasons: h.reasons };
  });
}

export async function getSensors(ctx: TenantContext) {
  assertCan(ctx.actor, "sensor:read");
  return withHealth(ctx.db, await listSensors(ctx.db, ctx.tenant), clockOf(ctx));
}

/** Every customer's sensors with their health (staff only); `ordered: false` when the caller only counts them. */
export async function getAllSensors(ctx: StaffContext, ordered = true) {
  assertCan(ctx.actor, "sensor:read");
  if (ctx.actor.side !== "staff") throw new NotFound("No such list.");
  return withHealth(ctx.db, await listAllSensors(ctx.db, ordered), clockOf(ctx));
}

/**
 * Each customer's sensors and how many are silent now (staff only), counted in the database by the health badges'
 * silent rule: the manager's home, without reading 20,000 sensors.
 */
export async function sensorCountsPerCustomer(ctx: StaffContext) {
  assertCan(ctx.actor, "sensor:read");
  if (ctx.actor.side !== "staff") throw new NotFound("No such list.");
  return sensorCountsByCustomer(ctx.db, clockOf(ctx));
}

export async function getSensor(ctx: TenantContext, id: string) {
  assertCan(ctx.actor, "sensor:read");
  const s = await findSensor(ctx.db, ctx.tenant, id);
  if (!s) throw new NotFound("No such sensor.");
  const keys = ctx.actor.side === "staff" ? await listKeys(ctx.db, ctx.tenant, id) : [];
  return { ...(await withHealth(ctx.db, [s], clockOf(ctx)))[0]!, keys };
}

/** Creates the sensor and its first API key; the key is returned once and never stored in clear. */
type NewSensor = Omit<SensorFields, "heartbeatIntervalSeconds" | "providesClasses"> &
  Partial<Pick<SensorFields, "heartbeatIntervalSeconds" | "providesClasses">>;

export async function createSensor(ctx: TenantContext, fields: NewSensor) {
  assertCan(ctx.actor, "sensor:manage");
  const input: SensorFields = { heartbeatIntervalSeconds: 300, providesClasses: [], ...fields };
  const message = providesClassesError(input.sensorClass, input.providesClasses);
  if (message) throw new Invalid(message);
  return auditedChange(ctx, async (tx) => {
    const sensor = await insertSensor(tx, ctx.tenant, input);
    const k = generateApiKey();
    await insertKey(tx, ctx.tenant, {
      sensorId: sensor.id,
      prefix: k.prefix,
      keyHash: k.keyHash,
      createdBy: creator(ctx),
    });
    return {
      result: { sensor, apiKey: k.key },
      audit: {
        customerId: ctx.tenant,
        action: "sensor.create",
        targetType: "sensor",
        targetId: sensor.id,
        summary: { after: input, keyPrefix: k.prefix },
      },
    };
  });
}

export async function updateSensor(ctx: TenantContext, id: string, input: SensorPatch) {
  assertCan(ctx.actor, "sensor:manage");
  return auditedChange(ctx, async (tx) => {
    const before = await findSensor(tx, ctx.tenant, id);
    if (!before) throw new NotFound("No such sensor.");
    // Leaving xdr clears the declared classes; otherwise the sensor as it will be must satisfy the rule.
    const sensorClass = input.sensorClass ?? before.sensorClass;
    const patch = sensorClass === "xdr" || input.providesClasses ? input : { ...input, providesClasses: [] };
    const message = providesClassesError(sensorClass, patch.providesClasses ?? before.providesClasses);
    if (message) throw new Invalid(message);
    const row = await updateSensorRow(tx, ctx.tenant, id, patch);
    return {
      result: row!,
      audit: {
        customerId: ctx.tenant,
        action: "sensor.update",
        targetType: "sensor",
        targetId: id,
        summary: { changes: diff(before, patch) },
      },
    };
  });
}

/** Revokes every active key of the sensor and issues a new one, shown once. */
export async function rotateKey(ctx: TenantContext, id: string) {
  assertCan(ctx.actor, "sensor:manage");
  return auditedChange(ctx, async (tx, effects) => {
    const s = await findSensor(tx, ctx.tenant, id);
    if (!s) throw new NotFound("No such sensor.");
    const revoked = await revokeActiveKeys(tx, ctx.tenant, id, clockOf(ctx));
    const k = generateApiKey();
    await insertKey(tx, ctx.tenant, { sensorId: id, prefix: k.prefix, keyHash: k.keyHash, createdBy: creator(ctx) });
    effects.afterCommit(forgetIntakeKeys); // at once here; other instances within INTAKE_KEY_CACHE_SECONDS
    return {
      result: { apiKey: k.key },
      audit: {
        customerId: ctx.tenant,
        action: "sensor.key.rotate",
        targetType: "sensor",
        targetId: id,
        summary: { revoked: revoked.length, keyPrefix: k.prefix },
      },
    };
  });
}

export async function revokeKeys(ctx: TenantContext, id: string) {
  assertCan(ctx.actor, "sensor:manage");
  return auditedChange(ctx, async (tx, effects) => {
    const s = await findSensor(tx, ctx.tenant, id);
    if (!s) throw new NotFound("No such sensor.");
    const revoked = await revokeActiveKeys(tx, ctx.tenant, id, clockOf(ctx));
    effects.afterCommit(forgetIntakeKeys); // at once here; other instances within INTAKE_KEY_CACHE_SECONDS
    return {
      result: { revoked: revoked.length },
      audit: {
        customerId: ctx.tenant,
        action: "sensor.key.revoke",
        targetType: "sensor",
        targetId: id,
        summary: { revoked: revoked.length },
      },
    };
  });
}

export async function setSensorStatus(ctx: TenantContext, id: string, status: "active" | "retired") {
  assertCan(ctx.actor, "sensor:manage");
  return auditedChange(ctx, async (tx, effects) => {
    const s = await findSensor(tx, ctx.tenant, id);
    if (!s) throw new NotFound("No such sensor.");
    if (status === "retired") await revokeActiveKeys(tx, ctx.tenant, id, clockOf(ctx));
    const row = await updateSensorRow(tx, ctx.tenant, id, { status });
    effects.afterCommit(forgetIntakeKeys); // at once here; other instances within INTAKE_KEY_CACHE_SECONDS
    return {
      result: row!,
      audit: {
        customerId: ctx.tenant,
        action: `sensor.${status === "retired" ? "retire" : "reactivate"}`,
        targetType: "sensor",
        targetId: id,
        summary: { name: s.name },
      },
    };
  });
}

const creator = (ctx: ActorContext) => personOf(ctx)?.id ?? null;
