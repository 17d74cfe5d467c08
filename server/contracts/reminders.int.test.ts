import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { emailOutbox } from "@/db/schema";
import { closeTestDatabase, createTestDatabase } from "@/server/testing/db";
import { callerAs, createWorld } from "@/server/testing/factories";
import { runContractReminders } from "./reminders";
import { defaultTerms } from "./service";

let h: DatabaseHandle;
let w: Awaited<ReturnType<typeof createWorld>>;
beforeAll(async () => {
  h = await createTestDatabase();
  w = await createWorld(h.db);
});
afterAll(closeTestDatabase);

describe("contract reminders", () => {
  it("e-mails admins and managers once about a renewal coming due, and again only when it grows louder", async () => {
    const now = new Date();
    const day = (n: number) => new Date(now.getTime() + n * 86_400_000).toISOString().slice(0, 10);
    const terms = { ...defaultTerms("mdr", "UTC", day(-300)), endDate: day(70), noticeDays: 30, autoRenew: false };
    await callerAs(h.db, w.staff.manager).contracts.create({
      customerId: w.a.customer.id,
      reference: "A-1",
      terms,
      effectiveFrom: new Date(now.getTime() - 300 * 86_400_000),
    });
    const first = await runContractReminders(h.db, now);
    expect(first.customers).toBe(1);
    const mails = await h.db.select().from(emailOutbox).where(eq(emailOutbox.template, "contract-reminder"));
    expect(mails.map((m) => m.to).sort()).toEqual([w.staff.admin.email, w.staff.manager.email].sort());
    expect(mails[0]!.subject).toContain("Renewal decision due");
    expect((await runContractReminders(h.db, now)).emails).toBe(0);
    // Two weeks before the notice deadline it becomes a warning: one more reminder.
    const later = new Date(now.getTime() + 30 * 86_400_000);
    expect((await runContractReminders(h.db, later)).customers).toBe(1);
    expect((await runContractReminders(h.db, later)).customers).toBe(0);
  });
});
