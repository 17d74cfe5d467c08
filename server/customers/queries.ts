import { and, asc, count, eq, ilike, isNull, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { customerContacts, customers, memberships } from "@/db/schema";
import { containsPattern, startsPattern } from "@/server/like";
import type { TenantId } from "@/server/tenancy/tenant";
import type { ContactFields, CreateCustomerInput, UpdateCustomerInput } from "./schema";

/** Staff-wide: every customer with its user count. Not tenant-scoped on purpose (provider staff see all). */
export async function listAllCustomers(db: DbOrTx) {
  return db
    .select({
      id: customers.id,
      name: customers.name,
      slug: customers.slug,
      industry: customers.industry,
      country: customers.country,
      timezone: customers.timezone,
      status: customers.status,
      createdAt: customers.createdAt,
      users: sql<number>`count(${memberships.id})::int`,
    })
    .from(customers)
    .leftJoin(memberships, eq(memberships.customerId, customers.id))
    .groupBy(customers.id)
    .orderBy(asc(customers.name));
}

/**
 * Staff-wide, bounded: at most `limit` customers whose name or slug contains `q` (case-insensitive, wildcards taken
 * literally), those starting with it first, then by name; `id` narrows to one customer, `active` to active ones.
 */
export async function searchCustomers(db: DbOrTx, f: { q?: string; id?: string; active?: boolean; limit: number }) {
  const term = f.q?.trim();
  const starts = term
    ? or(ilike(customers.name, startsPattern(term)), ilike(customers.slug, startsPattern(term)))
    : undefined;
  return db
    .select({ id: customers.id, name: customers.name, slug: customers.slug })
    .from(customers)
    .where(
      and(
        f.id ? eq(customers.id, f.id) : undefined,
        f.active ? eq(customers.status, "active") : undefined,
        term
          ? or(ilike(customers.name, containsPattern(term)), ilike(customers.slug, containsPattern(term)))
          : undefined,
      ),
    )
    .orderBy(...(starts ? [sql`(${starts}) desc`] : []), asc(customers.name), asc(customers.id))
    .limit(f.limit);
}

export async function findCustomerBySlug(db: DbOrTx, slug: string) {
  const [row] = await db.select().from(customers).where(eq(customers.slug, slug)).limit(1);
  return row ?? null;
}

export async function findCustomer(db: DbOrTx, tenant: TenantId) {
  const [row] = await db.select().from(customers).where(eq(customers.id, tenant)).limit(1);
  return row ?? null;
}

export async function insertCustomer(db: DbOrTx, input: CreateCustomerInput) {
  const [row] = await db.insert(customers).values(input).returning();
  return row!;
}

export async function updateCustomerRow(db: DbOrTx, tenant: TenantId, input: UpdateCustomerInput) {
  const [row] = await db.update(customers).set(input).where(eq(customers.id, tenant)).returning();
  return row ?? null;
}

export async function listContacts(db: DbOrTx, tenant: TenantId) {
  return db
    .select()
    .from(customerContacts)
    .where(eq(customerContacts.customerId, tenant))
    .orderBy(asc(customerContacts.name));
}

export async function findContact(db: DbOrTx, tenant: TenantId, id: string) {
  const [row] = await db
    .select()
    .from(customerContacts)
    .where(and(eq(customerContacts.customerId, tenant), eq(customerContacts.id, id)))
    .limit(1);
  return row ?? null;
}

export async function insertContact(db: DbOrTx, tenant: TenantId, input: ContactFields) {
  const [row] = await db
    .insert(customerContacts)
    .values({ ...input, customerId: tenant })
    .returning();
  return row!;
}

export async function updateContactRow(db: DbOrTx, tenant: TenantId, id: string, input: ContactFields) {
  const [row] = await db
    .update(customerContacts)
    .set(input)
    .where(and(eq(customerContacts.customerId, tenant), eq(customerContacts.id, id)))
    .returning();
  return row ?? null;
}

export async function deleteContactRow(db: DbOrTx, tenant: TenantId, id: string) {
  const rows = await db
    .delete(customerContacts)
    .where(and(eq(customerContacts.customerId, tenant), eq(customerContacts.id, id)))
    .returning({ id: customerContacts.id });
  return rows.length > 0;
}

export async function countStaff(db: DbOrTx) {
  const [row] = await db.select({ n: count() }).from(memberships).where(isNull(memberships.customerId));
  return row?.n ?? 0;
}
