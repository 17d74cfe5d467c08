import { and, asc, desc, eq, getTableColumns, lte, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { contracts, contractVersions, customers, sensors } from "@/db/schema";
import type { TenantId } from "@/server/tenancy/tenant";
import type { Terms } from "./schema";

export async function listContractsOf(db: DbOrTx, tenant: TenantId) {
  return db.select().from(contracts).where(eq(contracts.customerId, tenant)).orderBy(asc(contracts.createdAt));
}

export async function findContract(db: DbOrTx, tenant: TenantId, id: string) {
  const [row] = await db
    .select()
    .from(contracts)
    .where(and(eq(contracts.customerId, tenant), eq(contracts.id, id)));
  return row ?? null;
}

export async function insertContract(db: DbOrTx, tenant: TenantId, reference: string) {
  const [row] = await db.insert(contracts).values({ customerId: tenant, reference }).returning();
  return row!;
}

export async function listVersions(db: DbOrTx, tenant: TenantId, contractId: string) {
  return db
    .select({
      ...getTableColumns(contractVersions),
      createdByName: sql<string | null>`(select u.name from "user" u where u.id = "contract_versions"."created_by")`,
    })
    .from(contractVersions)
    .where(and(eq(contractVersions.customerId, tenant), eq(contractVersions.contractId, contractId)))
    .orderBy(desc(contractVersions.version));
}

export async function insertVersion(
  db: DbOrTx,
  tenant: TenantId,
  v: {
    contractId: string;
    terms: Terms;
    effectiveFrom: Date;
    note: string | null;
    createdBy: string | null;
    createdAt?: Date;
  },
) {
  await db.execute(sql`select pg_advisory_xact_lock(727004, hashtext(${v.contractId}))`);
  const [max] = await db
    .select({ n: sql<number>`coalesce(max(${contractVersions.version}), 0)::int` })
    .from(contractVersions)
    .where(and(eq(contractVersions.customerId, tenant), eq(contractVersions.contractId, v.contractId)));
  const [row] = await db
    .insert(contractVersions)
    .values({
      ...v.terms,
      customerId: tenant,
      contractId: v.contractId,
      version: (max?.n ?? 0) + 1,
      effectiveFrom: v.effectiveFrom,
      note: v.note,
      createdBy: v.createdBy,
      ...(v.createdAt ? { createdAt: v.createdAt } : {}),
    })
    .returning();
  return row!;
}

/** The customer's version in force at `at`: the latest effective one (across contracts). */
export async function versionInForce(db: DbOrTx, tenant: TenantId, at: Date) {
  const [row] = await db
    .select()
    .from(contractVersions)
    .where(and(eq(contractVersions.customerId, tenant), lte(contractVersions.effectiveFrom, at)))
    .orderBy(desc(contractVersions.effectiveFrom), desc(contractVersions.version))
    .limit(1);
  return row ?? null;
}

export async function findVersion(db: DbOrTx, tenant: TenantId, id: string) {
  const [row] = await db
    .select()
    .from(contractVersions)
    .where(and(eq(contractVersions.customerId, tenant), eq(contractVersions.id, id)));
  return row ?? null;
}

/** Staff-wide: every customer with its version in force now (null when it has none). */
export async function listCurrentVersionsAll(db: DbOrTx, now: Date) {
  return db
    .select({
      customerId: customers.id,
      customerName: customers.name,
      customerSlug: customers.slug,
      timezone: customers.timezone,
      version: contractVersions,
      reference: contracts.reference,
    })
    .from(customers)
    .leftJoin(
      contractVersions,
      sql`${contractVersions.id} = (select cv.id from contract_versions cv where cv.customer_id = ${customers.id}
        and cv.effective_from <= ${now.toISOString()}::timestamptz order by cv.effective_from desc, cv.version desc limit 1)`,
    )
    .leftJoin(contracts, eq(contracts.id, contractVersions.contractId))
    .where(eq(customers.status, "active"))
    .orderBy(asc(customers.name));
}

type SensorFact = { customerId: string; sensorClass: string; providesClasses: string[]; hostCount: number | null };
export type Deployment = { activeSensors: number; endpoints: number; classes: string[] };

function summarise(rows: SensorFact[]): Deployment {
  return {
    activeSensors: rows.length,
    endpoints: rows.filter((r) => r.sensorClass === "edr").reduce((s, r) => s + (r.hostCount ?? 0), 0),
    // An xdr sensor counts as each class it declares (coverage-rules.md).
    classes: [...new Set(rows.flatMap((r) => (r.sensorClass === "xdr" ? r.providesClasses : [r.sensorClass])))],
  };
}

const sensorFacts = {
  customerId: sensors.customerId,
  sensorClass: sensors.sensorClass,
  providesClasses: sensors.providesClasses,
  hostCount: sensors.hostCount,
};

/** What is deployed, for entitlement checks: active sensors, their classes and EDR host counts. */
export async function deploymentOf(db: DbOrTx, tenant: TenantId): Promise<Deployment> {
  const rows = await db
    .select(sensorFacts)
    .from(sensors)
    .where(and(eq(sensors.customerId, tenant), eq(sensors.status, "active")));
  return summarise(rows);
}

/** Staff-wide: every customer's deployment in one read (the contracts list and the reminders job). */
export async function deploymentsOfAll(db: DbOrTx): Promise<Map<string, Deployment>> {
  const rows = await db.select(sensorFacts).from(sensors).where(eq(sensors.status, "active"));
  const by = new Map<string, SensorFact[]>();
  for (const r of rows) by.set(r.customerId, [...(by.get(r.customerId) ?? []), r]);
  return new Map([...by].map(([id, list]) => [id, summarise(list)]));
}

export const NO_DEPLOYMENT: Deployment = { activeSensors: 0, endpoints: 0, classes: [] };
