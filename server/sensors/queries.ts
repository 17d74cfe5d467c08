import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { apiKeys, customers, sensors } from "@/db/schema";
import type { TenantId } from "@/server/tenancy/tenant";
import type { SensorFields } from "./schema";

const sensorColumns = {
  id: sensors.id,
  customerId: sensors.customerId,
  name: sensors.name,
  sensorClass: sensors.sensorClass,
  vendor: sensors.vendor,
  product: sensors.product,
  sourceFormat: sensors.sourceFormat,
  site: sensors.site,
  status: sensors.status,
  lastHeartbeatAt: sensors.lastHeartbeatAt,
  lastEventAt: sensors.lastEventAt,
  agentVersion: sensors.agentVersion,
  eventsPerSecond: sensors.eventsPerSecond,
  hostCount: sensors.hostCount,
  healthNote: sensors.healthNote,
  healthNoteAt: sensors.healthNoteAt,
  heartbeatIntervalSeconds: sensors.heartbeatIntervalSeconds,
  providesClasses: sensors.providesClasses,
  createdAt: sensors.createdAt,
};

export async function listSensors(db: DbOrTx, tenant: TenantId) {
  return db.select(sensorColumns).from(sensors).where(eq(sensors.customerId, tenant)).orderBy(asc(sensors.name));
}

/** Staff-wide list, optionally one customer. */
/** Every sensor of every customer; `ordered: false` for callers that only count (sorting 20,000 names spills to disk). */
export async function listAllSensors(db: DbOrTx, ordered = true) {
  const q = db
    .select({ ...sensorColumns, customerName: customers.name, customerSlug: customers.slug })
    .from(sensors)
    .innerJoin(customers, eq(customers.id, sensors.customerId));
  return ordered ? q.orderBy(asc(customers.name), asc(sensors.name)) : q;
}

export async function findSensor(db: DbOrTx, tenant: TenantId, id: string) {
  const [row] = await db
    .select(sensorColumns)
    .from(sensors)
    .where(and(eq(sensors.customerId, tenant), eq(sensors.id, id)))
    .limit(1);
  return row ?? null;
}

export async function insertSensor(db: DbOrTx, tenant: TenantId, f: SensorFields) {
  const [row] = await db
    .insert(sensors)
    .values({ ...f, customerId: tenant })
    .returning(sensorColumns);
  return row!;
}

export async function updateSensorRow(
  db: DbOrTx,
  tenant: TenantId,
  id: string,
  patch: Partial<typeof sensors.$inferInsert>,
) {
  const [row] = await db
    .update(sensors)
    .set(patch)
    .where(and(eq(sensors.customerId, tenant), eq(sensors.id, id)))
    .returning(sensorColumns);
  return row ?? null;
}

export async function listKeys(db: DbOrTx, tenant: TenantId, sensorId: string) {
  return db
    .select({
      id: apiKeys.id,
      prefix: apiKeys.prefix,
      createdAt: apiKeys.createdAt,
      revokedAt: apiKeys.revokedAt,
      lastUsedAt: apiKeys.lastUsedAt,
    })
    .from(apiKeys)
    .where(and(eq(apiKeys.customerId, tenant), eq(apiKeys.sensorId, sensorId)))
    .orderBy(desc(apiKeys.createdAt));
}

export async function insertKey(
  db: DbOrTx,
  tenant: TenantId,
  k: { sensorId: string; prefix: string; keyHash: string; createdBy: string | null },
) {
  const [row] = await db
    .insert(apiKeys)
    .values({ ...k, customerId: tenant })
    .returning({ id: apiKeys.id });
  return row!;
}

export async function revokeActiveKeys(db: DbOrTx, tenant: TenantId, sensorId: string, now: Date) {
  return db
    .update(apiKeys)
    .set({ revokedAt: now })
    .where(and(eq(apiKeys.customerId, tenant), eq(apiKeys.sensorId, sensorId), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id });
}

/**
 * The intake's key lookup, by the hash of the presented secret: the only way from a key to a tenant. Returns the
 * key's sensor and customer, revoked or not (the caller answers 401 for revoked).
 */
const keyColumns = {
  keyHash: apiKeys.keyHash,
  keyId: apiKeys.id,
  revokedAt: apiKeys.revokedAt,
  customerId: apiKeys.customerId,
  sensorId: sensors.id,
  sensorName: sensors.name,
  sourceFormat: sensors.sourceFormat,
  sensorStatus: sensors.status,
  customerStatus: customers.status,
};

/** The intake's key cache re-reads every cached key at once (one statement, not one per key as entries expire). */
export async function findKeysByHash(db: DbOrTx, keyHashes: string[]) {
  if (!keyHashes.length) return [];
  return db
    .select(keyColumns)
    .from(apiKeys)
    .innerJoin(sensors, eq(sensors.id, apiKeys.sensorId))
    .innerJoin(customers, eq(customers.id, apiKeys.customerId))
    .where(inArray(apiKeys.keyHash, keyHashes));
}

export async function findKeyByHash(db: DbOrTx, keyHash: string) {
  const [row] = await db
    .select(keyColumns)
    .from(apiKeys)
    .innerJoin(sensors, eq(sensors.id, apiKeys.sensorId))
    .innerJoin(customers, eq(customers.id, apiKeys.customerId))
    .where(eq(apiKeys.keyHash, keyHash))
    .limit(1);
  return row ?? null;
}
