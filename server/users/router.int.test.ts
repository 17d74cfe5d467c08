import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { emailOutbox, invitations } from "@/db/schema";
import { verifyAuditChain } from "@/server/audit/service";
import { auth } from "@/server/auth/auth";
import { closeTestDatabase, createTestDatabase } from "@/server/testing/db";
import { callerAs, createWorld } from "@/server/testing/factories";

let h: DatabaseHandle;
let w: Awaited<ReturnType<typeof createWorld>>;
beforeAll(async () => {
  h = await createTestDatabase();
  w = await createWorld(h.db);
});
afterAll(closeTestDatabase);

async function tokenFromOutbox(email: string) {
  const [msg] = await h.db.select().from(emailOutbox).where(eq(emailOutbox.to, email));
  const m = msg?.html.match(/\/invite\/([A-Za-z0-9_-]+)/);
  if (!m) throw new Error(`no invitation e-mail to ${email}`);
  return m[1]!;
}

describe("invitations", () => {
  it("invites a customer user by e-mail, who accepts, signs in and belongs to that customer only", async () => {
    const inv = await callerAs(h.db, w.staff.manager).customerUsers.invite({
      customerId: w.a.customer.id,
      email: "New.Person@Alpha.test",
      name: "New Person",
      role: "admin",
    });
    expect(inv.email).toBe("new.person@alpha.test");
    const token = await tokenFromOutbox("new.person@alpha.test");
    const pub = callerAs(h.db, null);
    expect(await pub.invitations.byToken({ token })).toMatchObject({
      status: "pending",
      organisationName: w.a.customer.name,
      roleLabel: "Customer admin",
    });
    await expect(pub.invitations.accept({ token, name: "New Person", password: "short" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await pub.invitations.accept({ token, name: "New Person", password: "a-long-password-1" });
    expect((await pub.invitations.byToken({ token })).status).toBe("accepted");
    await expect(pub.invitations.accept({ token, name: "Again", password: "a-long-password-1" })).rejects.toMatchObject(
      {
        code: "BAD_REQUEST",
        message: expect.stringContaining("already accepted"),
      },
    );

    const signIn = await auth.api.signInEmail({
      body: { email: "new.person@alpha.test", password: "a-long-password-1" },
    });
    expect(signIn.user.email).toBe("new.person@alpha.test");
    const me = await callerAs(h.db, { ...signIn.user, twoFactorEnabled: false }).me.session();
    expect(me.customer?.id).toBe(w.a.customer.id);
    expect(me.actor).toEqual({ side: "customer", role: "admin" });
    await expect(
      auth.api.signInEmail({ body: { email: "new.person@alpha.test", password: "wrong-password-1" } }),
    ).rejects.toThrow();
  });

  it("rejects an unknown, revoked or expired token with a clear message", async () => {
    const pub = callerAs(h.db, null);
    await expect(pub.invitations.byToken({ token: "x".repeat(43) })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const inv = await callerAs(h.db, w.a.admin).team.invite({ email: "gone@alpha.test", role: "viewer" });
    const token = await tokenFromOutbox("gone@alpha.test");
    await callerAs(h.db, w.a.admin).team.revokeInvitation({ invitationId: inv.id });
    await expect(pub.invitations.accept({ token, name: "G", password: "a-long-password-1" })).rejects.toMatchObject({
      message: expect.stringContaining("withdrawn"),
    });
    await callerAs(h.db, w.a.admin).team.invite({ email: "late@alpha.test", role: "viewer" });
    const late = await tokenFromOutbox("late@alpha.test");
    await h.db
      .update(invitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(invitations.email, "late@alpha.test"));
    await expect(
      pub.invitations.accept({ token: late, name: "L", password: "a-long-password-1" }),
    ).rejects.toMatchObject({
      message: expect.stringContaining("expired"),
    });
  });

  it("never returns the link (a credential) to the inviter, and never touches another tenant's invitations", async () => {
    const mine = await callerAs(h.db, w.a.admin).team.invite({ email: "shared@people.test", role: "viewer" });
    expect(mine).not.toHaveProperty("acceptUrl");
    expect(mine.emailStatus).toBe("outbox");
    await callerAs(h.db, w.b.admin).team.invite({ email: "shared@people.test", role: "viewer" });
    expect((await callerAs(h.db, w.a.admin).team.list()).pending.map((p) => p.id)).toContain(mine.id);
  });

  it("answers an address with an account elsewhere exactly as a new one, and tells its holder instead", async () => {
    const api = callerAs(h.db, w.a.admin);
    const shape = (r: Record<string, unknown>) => Object.keys(r).sort().join(",");
    const fresh = await api.team.invite({ email: "fresh.person@alpha.test", role: "viewer" });
    // Another customer's user, and provider staff: same answer, same pending row, no error to tell them apart.
    for (const email of [w.b.viewer.email, w.staff.analyst.email]) {
      const r = await api.team.invite({ email, role: "viewer" });
      expect(shape(r)).toBe(shape(fresh));
      expect(r.emailStatus).toBe(fresh.emailStatus);
      expect((await api.team.list()).pending.map((p) => p.email)).toContain(email);
      const [mail] = await h.db.select().from(emailOutbox).where(eq(emailOutbox.to, email));
      expect(mail).toMatchObject({ template: "account-exists", customerId: w.a.customer.id });
      expect(mail!.html).not.toMatch(/\/invite\//);
    }
    // The console's invite behaves the same way.
    const staff = await callerAs(h.db, w.staff.manager).customerUsers.invite({
      customerId: w.a.customer.id,
      email: w.b.admin.email,
      role: "viewer",
    });
    expect(shape(staff)).toBe(shape(fresh));
    // Someone already on this team is on the list the inviter reads anyway: that one may be named.
    await expect(api.team.invite({ email: w.a.viewer.email, role: "viewer" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("already a member of this organisation"),
    });
  });

  it("keeps the audit chain intact through all of it", async () => {
    expect(await verifyAuditChain(h.db)).toMatchObject({ ok: true });
  });
});

describe("team (customer side)", () => {
  it("lists only the caller's own organisation", async () => {
    const team = await callerAs(h.db, w.b.viewer).team.list();
    const emails = team.members.map((m) => m.email);
    expect(emails).toEqual(expect.arrayContaining([w.b.admin.email, w.b.viewer.email]));
    expect(emails).not.toContain(w.a.admin.email);
    expect(team.pending.every((p) => !p.email.endsWith("alpha.test"))).toBe(true);
  });

  it("does not let a viewer invite, remove or change roles", async () => {
    const api = callerAs(h.db, w.b.viewer);
    await expect(api.team.invite({ email: "v@bravo.test", role: "viewer" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(api.team.remove({ userId: w.b.admin.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(api.team.changeRole({ userId: w.b.admin.id, role: "viewer" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("cannot touch another tenant's users or invitations", async () => {
    const api = callerAs(h.db, w.b.admin);
    await expect(api.team.remove({ userId: w.a.viewer.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(api.team.changeRole({ userId: w.a.viewer.id, role: "admin" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const inv = await callerAs(h.db, w.a.admin).team.invite({ email: "pending@alpha.test", role: "viewer" });
    await expect(api.team.revokeInvitation({ invitationId: inv.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await callerAs(h.db, w.a.admin).team.list()).pending.map((p) => p.id)).toContain(inv.id);
  });

  it("cannot invite staff roles", async () => {
    await expect(
      callerAs(h.db, w.b.admin).team.invite({ email: "x@bravo.test", role: "analyst" as never }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("keeps the last admin and forbids removing yourself", async () => {
    const api = callerAs(h.db, w.b.admin);
    await expect(api.team.remove({ userId: w.b.admin.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await api.team.changeRole({ userId: w.b.viewer.id, role: "admin" });
    await callerAs(h.db, w.b.viewer).team.changeRole({ userId: w.b.admin.id, role: "viewer" });
    await expect(callerAs(h.db, w.b.admin).team.list()).resolves.toBeTruthy();
    await expect(
      callerAs(h.db, w.b.admin).team.invite({ email: "z@bravo.test", role: "viewer" }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await callerAs(h.db, w.b.viewer).team.changeRole({ userId: w.b.admin.id, role: "admin" });
  });

  it("gives staff nothing through the customer-only team router, and signed-out callers nothing at all", async () => {
    await expect(callerAs(h.db, w.staff.admin).team.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerAs(h.db, null).team.list()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(callerAs(h.db, null).staff.list()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(callerAs(h.db, null).customerUsers.list({ customerId: w.a.customer.id })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
  });
});

describe("staff management", () => {
  it("lets only provider admins invite and manage staff; analysts manage no users at all", async () => {
    const analyst = callerAs(h.db, w.staff.analyst);
    await expect(analyst.staff.invite({ email: "s@provider.test", role: "analyst" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(analyst.staff.changeRole({ userId: w.staff.manager.id, role: "admin" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      analyst.customerUsers.invite({ customerId: w.a.customer.id, email: "c@alpha.test", role: "viewer" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      analyst.customerUsers.remove({ customerId: w.a.customer.id, userId: w.a.viewer.id }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      callerAs(h.db, w.staff.manager).staff.invite({ email: "s@provider.test", role: "analyst" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const inv = await callerAs(h.db, w.staff.admin).staff.invite({ email: "s@provider.test", role: "analyst" });
    expect((await analyst.staff.list()).pending.map((p) => p.id)).toContain(inv.id);
  });

  it("keeps customers out of staff management", async () => {
    await expect(callerAs(h.db, w.a.admin).staff.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      callerAs(h.db, w.a.admin).staff.invite({ email: "evil@alpha.test", role: "admin" }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(callerAs(h.db, w.a.admin).customerUsers.list({ customerId: w.b.customer.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("lets a provider admin change a role and remove a staff member, but never the last admin", async () => {
    const api = callerAs(h.db, w.staff.admin);
    await api.staff.changeRole({ userId: w.staff.analyst.id, role: "soc_manager" });
    expect((await api.staff.list()).members.find((m) => m.userId === w.staff.analyst.id)?.role).toBe("soc_manager");
    await api.staff.changeRole({ userId: w.staff.analyst.id, role: "analyst" });
    await expect(api.staff.remove({ userId: w.staff.admin.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("audit and outbox access", () => {
  it("limits the outbox to provider admins and SOC managers (who invite) and the audit log to staff", async () => {
    await expect(callerAs(h.db, w.staff.analyst).outbox.list({})).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await callerAs(h.db, w.staff.manager).outbox.list({ q: "alpha" })).items.length).toBeGreaterThan(0);
    await expect(callerAs(h.db, w.a.admin).outbox.list({})).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerAs(h.db, w.a.admin).audit.list({})).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerAs(h.db, w.staff.analyst).audit.list({})).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerAs(h.db, w.staff.manager).audit.verify()).rejects.toMatchObject({ code: "FORBIDDEN" });
    const out = await callerAs(h.db, w.staff.admin).outbox.list({ q: "alpha" });
    expect(out.items.length).toBeGreaterThan(0);
    const msg = await callerAs(h.db, w.staff.admin).outbox.byId({ id: out.items[0]!.id });
    expect(msg.links.some((l) => l.includes("/invite/"))).toBe(true);
    expect(await callerAs(h.db, w.staff.admin).audit.verify()).toMatchObject({ ok: true });
  });
});
