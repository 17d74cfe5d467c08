import type { Db } from "@/db";
import { alertKeys, alerts, customers, memberships, providerSettings, user } from "@/db/schema";
import type { CustomerRole, StaffRole } from "@/db/schema/tenancy";
import { emptyEntities } from "@/server/ingest/types";
import { mintTenantId, type TenantId } from "@/server/tenancy/tenant";
import { createCaller } from "@/server/trpc/root";

let n = 0;
const next = () => `${++n}${Math.random().toString(36).slice(2, 6)}`;

export type TestUser = { id: string; name: string; email: string };

export async function seedProvider(db: Db, name = "Test Provider") {
  await db.insert(providerSettings).values({ name, supportEmail: "soc@provider.test" }).onConflictDoNothing();
}

async function insertUser(db: Db, label: string, twoFactorEnabled: boolean): Promise<TestUser> {
  const k = next();
  const u = {
    id: `u_${k}`,
    name: `${label} ${k}`,
    email: `${label.toLowerCase().replace(/\W+/g, ".")}.${k}@example.test`,
  };
  await db.insert(user).values({ ...u, emailVerified: true, twoFactorEnabled });
  return u;
}

export async function createStaffUser(db: Db, role: StaffRole, opts: { twoFactorEnabled?: boolean } = {}) {
  const u = await insertUser(db, `Staff ${role}`, opts.twoFactorEnabled ?? true);
  await db.insert(memberships).values({ userId: u.id, customerId: null, role });
  return u;
}

export async function createTestCustomer(db: Db, name = `Customer ${next()}`) {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  const [row] = await db
    .insert(customers)
    .values({ name, slug, industry: "Retail", country: "DE", timezone: "Europe/Berlin" })
    .returning();
  return { ...row!, tenant: mintTenantId(row!.id) as TenantId };
}

export async function createCustomerUser(db: Db, customerId: string, role: CustomerRole) {
  const u = await insertUser(db, `Customer ${role}`, false);
  await db.insert(memberships).values({ userId: u.id, customerId, role });
  return u;
}

/** A tRPC caller signed in as `u` (or signed out), going through the real procedure ladder. */
/** `memo`: a request's memo (`requestMemo`), as the tRPC route gives every batch; tests leave it out by default. */
export function callerAs(
  db: Db,
  u: (TestUser & { twoFactorEnabled?: boolean }) | null,
  opts: { memo?: Map<string, Promise<unknown>> } = {},
) {
  const now = new Date();
  const session = u
    ? {
        user: {
          ...u,
          emailVerified: true,
          image: null,
          createdAt: now,
          updatedAt: now,
          twoFactorEnabled: u.twoFactorEnabled ?? true,
        },
        session: {
          id: `s_${u.id}`,
          token: `t_${u.id}`,
          userId: u.id,
          expiresAt: new Date(now.getTime() + 3600_000),
          createdAt: now,
          updatedAt: now,
          ipAddress: null,
          userAgent: null,
        },
      }
    : null;
  return createCaller({ db, session, headers: new Headers(), memo: opts.memo });
}

/** The standard cast of a tenancy test: staff in each role, two customers with an admin and a viewer each. */
export async function createWorld(db: Db) {
  await seedProvider(db);
  const [admin, manager, analyst] = [
    await createStaffUser(db, "admin"),
    await createStaffUser(db, "soc_manager"),
    await createStaffUser(db, "analyst"),
  ];
  const a = await createTestCustomer(db, `Alpha ${next()}`);
  const b = await createTestCustomer(db, `Bravo ${next()}`);
  return {
    staff: { admin, manager, analyst },
    a: {
      customer: a,
      admin: await createCustomerUser(db, a.id, "admin"),
      viewer: await createCustomerUser(db, a.id, "viewer"),
    },
    b: {
      customer: b,
      admin: await createCustomerUser(db, b.id, "admin"),
      viewer: await createCustomerUser(db, b.id, "viewer"),
    },
  };
}

let alertSeq = 0;

/** An alert row as the intake would store it, with its dedup key's row (for tests that do not go through HTTP). */
export async function insertTestAlert(
  db: Db,
  customerId: string,
  over: Partial<typeof alerts.$inferInsert> & { host?: string } = {},
) {
  const k = ++alertSeq;
  const now = new Date();
  const { host = `ws-${k}`, ...rest } = over;
  const values = {
    id: crypto.randomUUID(),
    customerId,
    source: "crowdstrike",
    dedupKey: `test:${k}:${Math.random().toString(36).slice(2)}`,
    title: `Test alert ${k}`,
    severity: 3,
    eventTime: now,
    receivedAt: now,
    lastSeenAt: now,
    entities: { ...emptyEntities(), hosts: [{ name: host }] },
    raw: { test: k },
    techniques: ["T1059.001"],
    tactics: ["TA0002"],
    ...rest,
  } satisfies typeof alerts.$inferInsert;
  // The key first, as the intake claims it (a dedup key taken already fails here, as the unique index did), and both
  // or neither: a test that expects the alert to be refused must not leave its key behind (a savepoint inside `db`'s
  // own transaction when it is one).
  return db.transaction(async (tx) => {
    await tx.insert(alertKeys).values({
      customerId: values.customerId,
      dedupKey: values.dedupKey,
      alertId: values.id,
      receivedAt: values.receivedAt,
    });
    const [row] = await tx.insert(alerts).values(values).returning();
    return row!;
  });
}
