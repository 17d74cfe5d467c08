import { and, asc, eq, gt, isNull, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { account, customers, invitations, memberships, user } from "@/db/schema";
import type { Role } from "@/db/schema/tenancy";
import type { TenantId } from "@/server/tenancy/tenant";

/** `null` is the provider's own organisation (staff); a TenantId is one customer's. */
export type Org = TenantId | null;
const inOrg = (org: Org): SQL => (org === null ? isNull(memberships.customerId) : eq(memberships.customerId, org));
const invitationsOf = (org: Org): SQL =>
  org === null ? isNull(invitations.customerId) : eq(invitations.customerId, org);

export async function listMembers(db: DbOrTx, org: Org) {
  return db
    .select({
      userId: user.id,
      name: user.name,
      email: user.email,
      role: memberships.role,
      twoFactorEnabled: user.twoFactorEnabled,
      joinedAt: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(user, eq(user.id, memberships.userId))
    .where(inOrg(org))
    .orderBy(asc(user.name));
}

export async function findMember(db: DbOrTx, org: Org, userId: string) {
  const [row] = await db
    .select({ userId: user.id, name: user.name, email: user.email, role: memberships.role })
    .from(memberships)
    .innerJoin(user, eq(user.id, memberships.userId))
    .where(and(inOrg(org), eq(memberships.userId, userId)))
    .limit(1);
  return row ?? null;
}

export async function countAdmins(db: DbOrTx, org: Org) {
  const rows = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(inOrg(org), eq(memberships.role, "admin")));
  return rows.length;
}

export async function setMemberRole(db: DbOrTx, org: Org, userId: string, role: Role) {
  await db
    .update(memberships)
    .set({ role })
    .where(and(inOrg(org), eq(memberships.userId, userId)));
}

/** A user belongs to one organisation; removing them from it removes the account (sessions cascade). */
export async function deleteMemberUser(db: DbOrTx, org: Org, userId: string) {
  const m = await findMember(db, org, userId);
  if (!m) return false;
  await db.delete(user).where(eq(user.id, userId));
  return true;
}

export async function findUserById(db: DbOrTx, id: string) {
  const [row] = await db.select({ id: user.id, name: user.name, email: user.email }).from(user).where(eq(user.id, id));
  return row ?? null;
}

export async function findUserByEmail(db: DbOrTx, email: string) {
  const [row] = await db.select().from(user).where(eq(user.email, email)).limit(1);
  return row ?? null;
}

export async function insertUserWithPassword(
  db: DbOrTx,
  u: { id: string; name: string; email: string; passwordHash: string },
) {
  await db.insert(user).values({ id: u.id, name: u.name, email: u.email, emailVerified: true });
  await db.insert(account).values({
    id: crypto.randomUUID(),
    accountId: u.id,
    providerId: "credential",
    userId: u.id,
    password: u.passwordHash,
  });
}

export async function insertMembership(db: DbOrTx, userId: string, org: Org, role: Role) {
  await db.insert(memberships).values({ userId, customerId: org, role });
}

export async function listPendingInvitations(db: DbOrTx, org: Org, now: Date) {
  return db
    .select({
      id: invitations.id,
      email: invitations.email,
      name: invitations.name,
      role: invitations.role,
      expiresAt: invitations.expiresAt,
      createdAt: invitations.createdAt,
    })
    .from(invitations)
    .where(
      and(
        invitationsOf(org),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, now),
      ),
    )
    .orderBy(asc(invitations.createdAt));
}

export async function insertInvitation(db: DbOrTx, row: typeof invitations.$inferInsert) {
  const [inv] = await db.insert(invitations).values(row).returning();
  return inv!;
}

/** A new invitation replaces the pending ones to the same address in the same organisation (never another's). */
export async function revokePendingInvitationsFor(db: DbOrTx, org: Org, email: string, now: Date) {
  await db
    .update(invitations)
    .set({ revokedAt: now })
    .where(
      and(
        invitationsOf(org),
        eq(invitations.email, email),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
      ),
    );
}

export async function revokeInvitationRow(db: DbOrTx, org: Org, id: string, now: Date) {
  const rows = await db
    .update(invitations)
    .set({ revokedAt: now })
    .where(
      and(invitationsOf(org), eq(invitations.id, id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)),
    )
    .returning({ id: invitations.id, email: invitations.email });
  return rows[0] ?? null;
}

/** Public lookup by the hash of the token in the link: the only tenant-crossing read, keyed by a secret. */
export async function findInvitationByTokenHash(db: DbOrTx, tokenHash: string) {
  const [row] = await db
    .select({ invitation: invitations, customerName: customers.name, customerStatus: customers.status })
    .from(invitations)
    .leftJoin(customers, eq(customers.id, invitations.customerId))
    .where(eq(invitations.tokenHash, tokenHash))
    .limit(1);
  return row ?? null;
}

export async function markInvitationAccepted(db: DbOrTx, id: string, now: Date) {
  const rows = await db
    .update(invitations)
    .set({ acceptedAt: now })
    .where(and(eq(invitations.id, id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
    .returning({ id: invitations.id });
  return rows.length > 0;
}
