import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { verifyAuditChain } from "@/server/audit/service";
import { closeTestDatabase, createTestDatabase } from "@/server/testing/db";
import { callerAs, createStaffUser, createWorld } from "@/server/testing/factories";

let h: DatabaseHandle;
let w: Awaited<ReturnType<typeof createWorld>>;
beforeAll(async () => {
  h = await createTestDatabase();
  w = await createWorld(h.db);
});
afterAll(closeTestDatabase);

const contact = {
  name: "Dana Ops",
  email: "dana@alpha.test",
  phone: "+49 30 1234",
  role: "CISO",
  severities: ["critical", "high"] as ("critical" | "high")[],
  channels: ["email", "phone"] as ("email" | "phone")[],
  receivesReports: true,
};

describe("customers (staff)", () => {
  it("lists every customer for staff of any role", async () => {
    for (const u of Object.values(w.staff)) {
      const list = await callerAs(h.db, u).customers.list();
      expect(list.map((c) => c.id)).toEqual(expect.arrayContaining([w.a.customer.id, w.b.customer.id]));
      expect(list.find((c) => c.id === w.a.customer.id)?.users).toBe(2);
    }
  });

  it("creates a customer with an audit entry, and refuses a taken slug with a clear error", async () => {
    const api = callerAs(h.db, w.staff.manager);
    const c = await api.customers.create({
      name: "Müller & Söhne GmbH",
      slug: "mueller",
      industry: "Manufacturing",
      country: "de",
      timezone: "Europe/Berlin",
    });
    expect(c.country).toBe("DE");
    await expect(
      api.customers.create({
        name: "Other",
        slug: "mueller",
        industry: "Retail",
        country: "FR",
        timezone: "Europe/Paris",
      }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("already taken") });
    const audit = await callerAs(h.db, w.staff.admin).audit.list({ action: "customer.create" });
    // The entry names its customer itself (the log's rows are not matched against a list of every customer).
    expect(audit.items.find((e) => e.targetId === c.id)).toMatchObject({
      customerId: c.id,
      customerName: c.name,
      customerSlug: c.slug,
    });
    expect(await verifyAuditChain(h.db)).toMatchObject({ ok: true });
  });

  it("rejects bad input without writing anything", async () => {
    const api = callerAs(h.db, w.staff.admin);
    const before = (await api.customers.list()).length;
    await expect(
      api.customers.create({
        name: "X",
        slug: "Bad Slug!",
        industry: "Retail",
        country: "Germany",
        timezone: "Mars/Olympus",
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect((await api.customers.list()).length).toBe(before);
  });

  it("does not let an analyst create or edit customers", async () => {
    const api = callerAs(h.db, w.staff.analyst);
    await expect(
      api.customers.create({
        name: "Nope",
        slug: "nope",
        industry: "Retail",
        country: "DE",
        timezone: "Europe/Berlin",
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      api.customers.update({ customerId: w.a.customer.id, patch: { name: "Renamed" } }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(api.customers.addContact({ customerId: w.a.customer.id, contact })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("edits a customer and manages its contacts", async () => {
    const api = callerAs(h.db, w.staff.admin);
    const updated = await api.customers.update({ customerId: w.a.customer.id, patch: { timezone: "Asia/Tokyo" } });
    expect(updated.timezone).toBe("Asia/Tokyo");
    const added = await api.customers.addContact({ customerId: w.a.customer.id, contact });
    expect(added.severities).toEqual(["critical", "high"]);
    const changed = await api.customers.updateContact({
      customerId: w.a.customer.id,
      contactId: added.id,
      contact: { ...contact, channels: ["sms"] },
    });
    expect(changed.channels).toEqual(["sms"]);
    // The contact id of customer A, addressed through customer B, is not found.
    await expect(
      api.customers.removeContact({ customerId: w.b.customer.id, contactId: added.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await api.customers.contacts({ customerId: w.a.customer.id })).toHaveLength(1);
  });

  it("answers NOT_FOUND for a customer id that does not exist", async () => {
    await expect(
      callerAs(h.db, w.staff.admin).customers.byId({ customerId: "00000000-0000-4000-8000-000000000000" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses staff without two-factor when it is required", async () => {
    const u = await createStaffUser(h.db, "admin", { twoFactorEnabled: false });
    await expect(callerAs(h.db, { ...u, twoFactorEnabled: false }).customers.list()).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining("two-factor"),
    });
  });
});

describe("customers (tenancy)", () => {
  it("gives customer users nothing of the staff API", async () => {
    for (const u of [w.a.admin, w.a.viewer]) {
      const api = callerAs(h.db, u);
      await expect(api.customers.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(api.customers.byId({ customerId: w.b.customer.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(api.customers.contacts({ customerId: w.b.customer.id })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      await expect(api.customers.bySlug({ slug: w.b.customer.slug })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });

  it("shows a customer user only their own organisation", async () => {
    const mine = await callerAs(h.db, w.b.viewer).organisation.mine();
    expect(mine.id).toBe(w.b.customer.id);
    const contacts = await callerAs(h.db, w.b.admin).organisation.contacts();
    expect(contacts.every((c) => c.customerId === w.b.customer.id)).toBe(true);
  });

  it("lets a customer admin manage their contacts but not another tenant's", async () => {
    const added = await callerAs(h.db, w.b.admin).organisation.addContact({
      contact: { ...contact, email: "x@bravo.test" },
    });
    const aContacts = await callerAs(h.db, w.staff.admin).customers.contacts({ customerId: w.a.customer.id });
    const aContact = aContacts[0]!;
    await expect(
      callerAs(h.db, w.b.admin).organisation.updateContact({ contactId: aContact.id, contact }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      callerAs(h.db, w.b.admin).organisation.removeContact({ contactId: aContact.id }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(callerAs(h.db, w.b.viewer).organisation.removeContact({ contactId: added.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await callerAs(h.db, w.staff.admin).customers.contacts({ customerId: w.a.customer.id })).toHaveLength(1);
  });

  it("gives a signed-out caller nothing", async () => {
    const api = callerAs(h.db, null);
    await expect(api.customers.list()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(api.organisation.mine()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(api.organisation.contacts()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("keeps staff out of the customer-only procedures", async () => {
    await expect(callerAs(h.db, w.staff.admin).organisation.mine()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
