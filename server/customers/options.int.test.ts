import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { customers } from "@/db/schema";
import { closeTestDatabase, createTestDatabase } from "@/server/testing/db";
import { callerAs, createTestCustomer, createWorld } from "@/server/testing/factories";

// The customer picker's lookup: a bounded search, never the whole list of a thousand customers.
let h: DatabaseHandle;
let w: Awaited<ReturnType<typeof createWorld>>;
let odd: Awaited<ReturnType<typeof createTestCustomer>>;

beforeAll(async () => {
  h = await createTestDatabase();
  w = await createWorld(h.db);
  // 25 "Harbour …" customers (more than one answer holds), in shuffled order of creation.
  for (const i of [7, 19, 3, 24, 11, 0, 15, 22, 5, 9, 13, 1, 17, 20, 2, 23, 8, 14, 6, 21, 10, 4, 18, 12, 16])
    await createTestCustomer(h.db, `Harbour ${String(i).padStart(2, "0")}`);
  // Matched by slug only; and one whose name has "harbour" inside rather than at the start.
  odd = await createTestCustomer(h.db, "Quayside Logistics");
  await h.db.update(customers).set({ slug: "harbour-quay" }).where(eq(customers.id, odd.id));
  await createTestCustomer(h.db, "Old Harbour Bank");
  await createTestCustomer(h.db, "100% Pure_Water");
});
afterAll(closeTestDatabase);

const staff = () => callerAs(h.db, w.staff.analyst).customers;

describe("customers.options", () => {
  it("matches name or slug case-insensitively, at most 20, names starting with the term first, then by name", async () => {
    const r = await staff().options({ q: "hARBOUR" });
    expect(r).toHaveLength(20);
    expect(r.slice(0, 20).map((c) => c.name)).toEqual(
      Array.from({ length: 20 }, (_, i) => `Harbour ${String(i).padStart(2, "0")}`),
    );
    expect(Object.keys(r[0]!).sort()).toEqual(["id", "name", "slug"]);
    // Narrowed below the bound: the starts-with (by name or slug) before the contains, each by name.
    const few = await staff().options({ q: "harbour 2" });
    expect(few.map((c) => c.name)).toEqual(["Harbour 20", "Harbour 21", "Harbour 22", "Harbour 23", "Harbour 24"]);
    const quay = await staff().options({ q: "HARBOUR-Q" });
    expect(quay.map((c) => c.id)).toEqual([odd.id]);
    const inside = await staff().options({ q: "old harb" });
    expect(inside.map((c) => c.name)).toEqual(["Old Harbour Bank"]);
    const all = await staff().options({ q: "arbour" });
    expect(all.map((c) => c.name).slice(0, 2)).toEqual(["Harbour 00", "Harbour 01"]);
  });

  it("takes % and _ literally, trims the term, and lists the first 20 by name without one", async () => {
    expect((await staff().options({ q: "%" })).map((c) => c.name)).toEqual(["100% Pure_Water"]);
    expect((await staff().options({ q: "e%w" })).map((c) => c.name)).toEqual([]);
    expect((await staff().options({ q: "  _water " })).map((c) => c.name)).toEqual(["100% Pure_Water"]);
    const first = await staff().options({});
    expect(first).toHaveLength(20);
    const names = first.map((c) => c.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it("gives a picked customer's own row by id (its name for a page opened from a URL), none for an unknown id", async () => {
    expect(await staff().options({ id: w.b.customer.id })).toEqual([
      { id: w.b.customer.id, name: w.b.customer.name, slug: w.b.customer.slug },
    ]);
    expect(await staff().options({ id: crypto.randomUUID() })).toEqual([]);
    await expect(staff().options({ q: "x".repeat(81) })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("offers active customers only when asked (a new sensor's customer), every customer otherwise", async () => {
    const gone = await createTestCustomer(h.db, "Harbour Offboarded");
    await h.db.update(customers).set({ status: "offboarded" }).where(eq(customers.id, gone.id));
    try {
      expect((await staff().options({ q: "harbour off" })).map((c) => c.id)).toEqual([gone.id]);
      expect(await staff().options({ q: "harbour off", active: true })).toEqual([]);
      expect((await staff().options({ q: "harbour 0", active: true })).map((c) => c.name)).toEqual(
        Array.from({ length: 10 }, (_, i) => `Harbour 0${i}`),
      );
      // By id it names an offboarded customer still (a picked one), unless only active ones are asked for.
      expect((await staff().options({ id: gone.id })).map((c) => c.id)).toEqual([gone.id]);
      expect(await staff().options({ id: gone.id, active: true })).toEqual([]);
    } finally {
      await h.db.delete(customers).where(eq(customers.id, gone.id));
    }
  });

  it("answers every staff role", async () => {
    for (const u of Object.values(w.staff)) {
      const r = await callerAs(h.db, u).customers.options({ q: w.a.customer.slug });
      expect(r.map((c) => c.id)).toContain(w.a.customer.id);
    }
  });

  it("refuses customer users of either tenant, for their own customer and for another's", async () => {
    for (const u of [w.a.admin, w.a.viewer, w.b.admin, w.b.viewer]) {
      for (const input of [{ q: "a" }, { id: w.a.customer.id }, { id: w.b.customer.id }, { active: true }, {}]) {
        await expect(callerAs(h.db, u).customers.options(input)).rejects.toMatchObject({ code: "FORBIDDEN" });
      }
    }
    await expect(callerAs(h.db, null).customers.options({ q: "a" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
