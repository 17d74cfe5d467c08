import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { auditLog, customerContacts } from "@/db/schema";
import { closeTestDatabase, createTestDatabase } from "@/server/testing/db";
import { createWorld } from "@/server/testing/factories";
import { auditedChange } from "./change";
import { systemActor } from "./service";

let h: DatabaseHandle;
let w: Awaited<ReturnType<typeof createWorld>>;
beforeAll(async () => {
  h = await createTestDatabase();
  w = await createWorld(h.db);
});
afterAll(closeTestDatabase);

const contact = (customerId: string, email: string) => ({
  customerId,
  name: "Dana Ops",
  email,
  role: "CISO",
  severities: ["critical" as const],
  channels: ["email" as const],
  receivesReports: false,
});
const entriesFor = (action: string) => h.db.select().from(auditLog).where(eq(auditLog.action, action));

describe("auditedChange", () => {
  it("commits the change with its audit entries, naming the context's actor, then runs after-commit work", async () => {
    const events: string[] = [];
    const ctx = { db: h.db, user: { id: w.a.admin.id, name: w.a.admin.name, email: w.a.admin.email } };
    const id = await auditedChange(ctx, async (tx, effects) => {
      const [row] = await tx.insert(customerContacts).values(contact(w.a.customer.id, "dana@a.test")).returning();
      effects.afterCommit(() => events.push("after"));
      events.push("change");
      return {
        result: row!.id,
        audit: [
          { customerId: w.a.customer.id, action: "test.one", targetType: "contact", targetId: row!.id },
          { by: systemActor("test"), customerId: w.a.customer.id, action: "test.two", targetType: "contact" },
        ],
      };
    });
    expect(events).toEqual(["change", "after"]);
    expect(await h.db.select().from(customerContacts).where(eq(customerContacts.id, id))).toHaveLength(1);
    expect(await entriesFor("test.one")).toMatchObject([
      { actorType: "user", actorId: w.a.admin.id, customerId: w.a.customer.id, targetId: id },
    ]);
    expect(await entriesFor("test.two")).toMatchObject([{ actorType: "system", actorLabel: "test" }]);
  });

  it("leaves nothing behind and runs no after-commit work when the change throws", async () => {
    const events: string[] = [];
    const ctx = { db: h.db, user: { id: w.a.admin.id, name: w.a.admin.name, email: w.a.admin.email } };
    await expect(
      auditedChange(ctx, async (tx, effects) => {
        await tx.insert(customerContacts).values(contact(w.a.customer.id, "gone@a.test"));
        effects.afterCommit(() => events.push("after"));
        throw new Error("refused");
      }),
    ).rejects.toThrow("refused");
    expect(events).toEqual([]);
    expect(await h.db.select().from(customerContacts).where(eq(customerContacts.email, "gone@a.test"))).toEqual([]);
  });

  it("refuses an entry with no actor and rolls the change back", async () => {
    await expect(
      auditedChange({ db: h.db }, async (tx) => {
        await tx.insert(customerContacts).values(contact(w.a.customer.id, "nobody@a.test"));
        return { result: null, audit: { action: "test.nobody", targetType: "contact" } };
      }),
    ).rejects.toThrow(/needs an actor/);
    expect(await entriesFor("test.nobody")).toEqual([]);
    expect(await h.db.select().from(customerContacts).where(eq(customerContacts.email, "nobody@a.test"))).toEqual([]);
  });
});
