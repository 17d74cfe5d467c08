import { createHash, randomBytes } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import { createElement } from "react";
import type { Db, DbOrTx } from "@/db";
import type { Role } from "@/db/schema/tenancy";
import AccountExistsEmail from "@/emails/account-exists";
import InvitationEmail from "@/emails/invitation";
import { auditedChange } from "@/server/audit/change";
import type { AuditActor } from "@/server/audit/service";
import { type Actor, assertCan, ROLE_LABELS } from "@/server/auth/permissions";
import { findCustomer } from "@/server/customers/queries";
import { emailStatusOf, sendEmail } from "@/server/email/send";
import { env } from "@/server/env";
import { Conflict, Forbidden, Invalid, NotFound } from "@/server/errors";
import { getBranding } from "@/server/provider/queries";
import { type ActorContext, personOf } from "@/server/tenancy/tenant";
import {
  countAdmins,
  deleteMemberUser,
  findInvitationByTokenHash,
  findMember,
  findUserByEmail,
  insertInvitation,
  insertMembership,
  insertUserWithPassword,
  listMembers,
  listPendingInvitations,
  markInvitationAccepted,
  type Org,
  revokeInvitationRow,
  revokePendingInvitationsFor,
  setMemberRole,
} from "./queries";

const INVITATION_DAYS = 7;
const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
const side = (org: Org): Actor["side"] => (org === null ? "staff" : "customer");
const roleLabelFor = (org: Org, role: Role) => ROLE_LABELS[`${side(org)}:${role}`] ?? role;

function assertManage(ctx: ActorContext, org: Org, what: "read" | "invite" | "remove") {
  if (org === null)
    assertCan(ctx.actor, what === "read" ? "staff:read" : what === "invite" ? "staff:invite" : "staff:manage");
  else assertCan(ctx.actor, `customerUser:${what}`);
}

export async function getTeam(ctx: ActorContext, org: Org) {
  assertManage(ctx, org, "read");
  const [members, pending] = await Promise.all([
    listMembers(ctx.db, org),
    listPendingInvitations(ctx.db, org, new Date()),
  ]);
  return { members, pending };
}

async function organisationName(db: DbOrTx, org: Org) {
  if (org === null) return (await getBranding(db)).providerName;
  const c = await findCustomer(db, org);
  if (!c) throw new NotFound("No such customer.");
  return c.name;
}

/** Creates an invitation and e-mails its link. A pending invitation to the same address is replaced. */
export async function inviteUser(ctx: ActorContext, org: Org, input: { email: string; name?: string; role: Role }) {
  assertManage(ctx, org, "invite");
  const token = randomBytes(32).toString("base64url");
  const now = new Date();
  const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 86_400_000);
  const result = await auditedChange(ctx, async (tx, effects) => {
    const existing = await findUserByEmail(tx, input.email);
    // Someone already in this organisation is on the team list the inviter can read: saying so reveals nothing.
    if (existing && (await findMember(tx, org, existing.id))) {
      throw new Conflict(`${input.email} is already a member of this organisation.`, "email");
    }
    await revokePendingInvitationsFor(tx, org, input.email, now);
    const inv = await insertInvitation(tx, {
      email: input.email,
      name: input.name ?? null,
      customerId: org,
      role: input.role,
      tokenHash: hashToken(token),
      invitedBy: personOf(ctx)?.id ?? null,
      expiresAt,
    });
    const orgName = await organisationName(tx, org);
    const acceptUrl = new URL(`/invite/${token}`, env.BETTER_AUTH_URL).toString();
    const inviterName = personOf(ctx)?.name ?? (await getBranding(tx)).providerName;
    // An address with an account elsewhere (another customer, provider staff) gets the same answer and the same
    // pending row as a new one, so an invitation cannot probe who has an account; its holder gets a notice instead
    // of a link, and the row's token is never sent, so it cannot be accepted.
    const emailId = existing
      ? await sendEmail(tx, {
          to: input.email,
          subject: `An invitation to ${orgName} on Watchkeeper`,
          template: "account-exists",
          // The notice belongs to the inviting organisation, like the invitation it stands in for (and its row must
          // pass that organisation's row-level security).
          customerId: org,
          element: createElement(AccountExistsEmail, {
            branding: await getBranding(tx),
            organisationName: orgName,
            inviterName,
          }),
        })
      : await sendEmail(tx, {
          to: input.email,
          subject: `You are invited to ${orgName} on Watchkeeper`,
          template: "invitation",
          customerId: org,
          element: createElement(InvitationEmail, {
            branding: await getBranding(tx),
            inviteeName: input.name ?? null,
            inviterName,
            organisationName: orgName,
            roleLabel: roleLabelFor(org, input.role),
            acceptUrl,
            expiresAt: `${expiresAt.toISOString().slice(0, 16).replace("T", " ")} UTC`,
          }),
        });
    effects.mail([emailId]);
    return {
      result: { invitation: inv, emailId, acceptUrl },
      audit: {
        customerId: org,
        action: "invitation.create",
        targetType: "invitation",
        targetId: inv.id,
        summary: { email: input.email, role: input.role },
      },
    };
  });
  const emailStatus = await emailStatusOf(ctx.db, result.emailId);
  // The link is a credential: only trusted scripts (the admin CLI) get it back; people get it by e-mail.
  return {
    id: result.invitation.id,
    email: input.email,
    expiresAt,
    emailStatus,
    ...(ctx.system ? { acceptUrl: result.acceptUrl } : {}),
  };
}

export async function revokeInvitation(ctx: ActorContext, org: Org, invitationId: string) {
  assertManage(ctx, org, "invite");
  return auditedChange(ctx, async (tx) => {
    const row = await revokeInvitationRow(tx, org, invitationId, new Date());
    if (!row) throw new NotFound("No pending invitation with that id.");
    return {
      result: { id: invitationId },
      audit: {
        customerId: org,
        action: "invitation.revoke",
        targetType: "invitation",
        targetId: invitationId,
        summary: { email: row.email },
      },
    };
  });
}

export async function removeMember(ctx: ActorContext, org: Org, userId: string) {
  assertManage(ctx, org, "remove");
  if (userId === ctx.user.id) throw new Forbidden("You cannot remove yourself.");
  return auditedChange(ctx, async (tx) => {
    const m = await findMember(tx, org, userId);
    if (!m) throw new NotFound("No such user in this organisation.");
    if (m.role === "admin" && (await countAdmins(tx, org)) <= 1)
      throw new Conflict("The last admin cannot be removed.");
    await deleteMemberUser(tx, org, userId);
    return {
      result: { userId },
      audit: {
        customerId: org,
        action: "user.remove",
        targetType: "user",
        targetId: userId,
        summary: { email: m.email, role: m.role },
      },
    };
  });
}

export async function changeRole(ctx: ActorContext, org: Org, userId: string, role: Role) {
  assertManage(ctx, org, "remove");
  if (userId === ctx.user.id) throw new Forbidden("You cannot change your own role.");
  return auditedChange(ctx, async (tx) => {
    const m = await findMember(tx, org, userId);
    if (!m) throw new NotFound("No such user in this organisation.");
    // No change, no entry.
    if (m.role === role) return { result: { userId, role }, audit: [] };
    if (m.role === "admin" && (await countAdmins(tx, org)) <= 1) throw new Conflict("The last admin must stay admin.");
    await setMemberRole(tx, org, userId, role);
    return {
      result: { userId, role },
      audit: {
        customerId: org,
        action: "user.role",
        targetType: "user",
        targetId: userId,
        summary: { email: m.email, from: m.role, to: role },
      },
    };
  });
}

export type InvitationView = {
  email: string;
  name: string | null;
  organisationName: string;
  roleLabel: string;
  status: "pending" | "accepted" | "revoked" | "expired";
};

async function loadInvitation(db: DbOrTx, token: string) {
  const row = await findInvitationByTokenHash(db, hashToken(token));
  if (!row) throw new NotFound("This invitation link is not valid. Ask for a new invitation.");
  const inv = row.invitation;
  const status: InvitationView["status"] = inv.acceptedAt
    ? "accepted"
    : inv.revokedAt || row.customerStatus === "offboarded"
      ? "revoked"
      : inv.expiresAt.getTime() <= Date.now()
        ? "expired"
        : "pending";
  return { inv, status, customerName: row.customerName };
}

/** Public: what the accept page shows. Only the holder of the link's token gets here. */
export async function getInvitation(db: Db, token: string): Promise<InvitationView> {
  const { inv, status, customerName } = await loadInvitation(db, token);
  const org = inv.customerId as Org;
  return {
    email: inv.email,
    name: inv.name,
    organisationName: customerName ?? (await getBranding(db)).providerName,
    roleLabel: roleLabelFor(org, inv.role),
    status,
  };
}

const STATUS_MESSAGES = {
  accepted: "This invitation was already accepted. Sign in instead.",
  revoked: "This invitation was withdrawn. Ask for a new one.",
  expired: "This invitation has expired. Ask for a new one.",
} as const;

/** Public: creates the account, its password and membership in one transaction. */
export async function acceptInvitation(db: Db, input: { token: string; name: string; password: string }) {
  const passwordHash = await hashPassword(input.password);
  return auditedChange({ db }, async (tx) => {
    const { inv, status } = await loadInvitation(tx, input.token);
    if (status !== "pending") throw new Invalid(STATUS_MESSAGES[status]);
    if (await findUserByEmail(tx, inv.email))
      throw new Conflict(`${inv.email} already has an account. Sign in instead.`);
    if (!(await markInvitationAccepted(tx, inv.id, new Date()))) throw new Conflict(STATUS_MESSAGES.accepted);
    const userId = crypto.randomUUID();
    await insertUserWithPassword(tx, { id: userId, name: input.name, email: inv.email, passwordHash });
    await insertMembership(tx, userId, inv.customerId as Org, inv.role);
    return {
      result: { email: inv.email },
      audit: {
        by: { actorType: "user", actorId: userId, actorLabel: `${input.name} <${inv.email}>` },
        customerId: inv.customerId,
        action: "invitation.accept",
        targetType: "invitation",
        targetId: inv.id,
        summary: { email: inv.email, role: inv.role },
      },
    };
  });
}

/** For the admin CLI and the seed: a user with a password, straight into an organisation. */
export async function createUserDirect(
  db: Db,
  org: Org,
  input: { email: string; name: string; password: string; role: Role },
  auditActor: AuditActor,
) {
  const passwordHash = await hashPassword(input.password);
  return auditedChange({ db }, async (tx) => {
    if (await findUserByEmail(tx, input.email)) throw new Conflict(`${input.email} already has an account.`, "email");
    const userId = crypto.randomUUID();
    await insertUserWithPassword(tx, { id: userId, name: input.name, email: input.email, passwordHash });
    await insertMembership(tx, userId, org, input.role);
    return {
      result: { userId },
      audit: {
        by: auditActor,
        customerId: org,
        action: "user.create",
        targetType: "user",
        targetId: userId,
        summary: { email: input.email, role: input.role },
      },
    };
  });
}
