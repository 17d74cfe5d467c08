import { eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { customers, reportJobs, reportVersions } from "@/db/schema";
import { closeTestDatabase, createTestDatabase } from "@/server/testing/db";
import { callerAs, createTestCustomer, createWorld } from "@/server/testing/factories";
import { reportMatrix } from "./views";

// The console's report matrix a page of customers at a time: search, paging and "needs attention first" in SQL.
let h: DatabaseHandle;
let w: Awaited<ReturnType<typeof createWorld>>;
const NOW = new Date("2026-11-20T12:00:00Z"); // months shown: 2026-10, 2026-09, 2026-08
const T = (iso: string) => new Date(iso);
/** Per customer: months with a version, and failed / pending jobs (with when they were made). */
const SETUP: { versions: string[]; failed?: [string, string][]; pending?: string[] }[] = [
  { versions: ["2026-10", "2026-09", "2026-08"] }, // nothing missing
  { versions: [] }, // three missing
  { versions: ["2026-10", "2026-09"], failed: [["2026-08", "2026-09-01T05:00:00Z"]] }, // one failed
  { versions: ["2026-10", "2026-09", "2026-08"], failed: [["2026-10", "2026-11-15T00:00:00Z"]] }, // failed after v1
  { versions: ["2026-09", "2026-08"], pending: ["2026-10"] }, // queued, not missing
  { versions: ["2026-10"] }, // two missing
];

beforeAll(async () => {
  h = await createTestDatabase();
  w = await createWorld(h.db); // Alpha and Bravo start today: every shown month is before their service
  for (const [i, s] of SETUP.entries()) {
    const c = await createTestCustomer(h.db, `Rep ${i}`);
    await h.db
      .update(customers)
      .set({ createdAt: T("2026-01-01T00:00:00Z") })
      .where(eq(customers.id, c.id));
    for (const month of s.versions) {
      await h.db.insert(reportVersions).values({
        customerId: c.id,
        month,
        version: 1,
        pdf: Buffer.from("%PDF"),
        sha256: "x",
        sizeBytes: 4,
        pages: 1,
        renderMs: 1,
        trigger: "schedule",
        generatedAt: T(`${month}-28T00:00:00Z`),
      });
    }
    for (const [month, at] of s.failed ?? []) {
      await h.db
        .insert(reportJobs)
        .values({ customerId: c.id, month, trigger: "manual", status: "failed", error: "Boom", createdAt: T(at) });
    }
    for (const month of s.pending ?? []) {
      await h.db.insert(reportJobs).values({ customerId: c.id, month, trigger: "manual", status: "pending" });
    }
  }
});
afterAll(closeTestDatabase);

const staff = () => ({ db: h.db, actor: { side: "staff", role: "analyst" } as const, user: w.staff.analyst });
const input = (over: Partial<Parameters<typeof reportMatrix>[1]> = {}) => ({
  months: 3,
  sort: "name" as const,
  page: 1,
  pageSize: 3,
  ...over,
});
const needs = (c: { cells: { status: string }[] }) =>
  c.cells.filter((x) => x.status === "missing" || x.status === "failed").length;

describe("reports.matrix, a page of customers at a time", () => {
  it("pages disjointly over every active customer, by name, with the total", async () => {
    const seen: string[] = [];
    for (let page = 1; page <= 3; page++) {
      const m = await reportMatrix(staff(), input({ page }), NOW);
      expect(m.total).toBe(8);
      seen.push(...m.customers.map((c) => c.name));
    }
    expect(seen).toHaveLength(8);
    expect(new Set(seen).size).toBe(8);
    expect(seen.slice(2)).toEqual(["Rep 0", "Rep 1", "Rep 2", "Rep 3", "Rep 4", "Rep 5"]);
    expect(await reportMatrix(staff(), input({ page: 5 }), NOW)).toMatchObject({ customers: [], total: 8 });
  });

  it("puts customers with a missing or failed report first, agreeing with the cells' statuses", async () => {
    const m = await reportMatrix(staff(), input({ sort: "attention", pageSize: 50 }), NOW);
    expect(m.customers.map((c) => c.name).slice(0, 4)).toEqual(["Rep 1", "Rep 5", "Rep 2", "Rep 3"]);
    expect(m.customers.map(needs)).toEqual([3, 2, 1, 1, 0, 0, 0, 0]);
    const rep3 = m.customers.find((c) => c.name === "Rep 3")!;
    expect(rep3.cells[0]).toMatchObject({ month: "2026-10", status: "failed", error: "Boom" });
    expect(m.customers.find((c) => c.name === "Rep 4")!.cells[0]!.status).toBe("queued");
  });

  it("filters by name in the database; a stray wildcard matches nothing; ended months stay provider-wide", async () => {
    const one = await reportMatrix(staff(), input({ search: "rep 2" }), NOW);
    expect(one.customers.map((c) => c.name)).toEqual(["Rep 2"]);
    expect(one.total).toBe(1);
    const none = await reportMatrix(staff(), input({ search: "_" }), NOW);
    expect(none).toMatchObject({ customers: [], total: 0 });
    expect(none.ended).toEqual(["2026-10", "2026-09", "2026-08"]);
  });

  it("leaves inactive customers out", async () => {
    await h.db.update(customers).set({ status: "offboarded" }).where(like(customers.name, "Rep 0"));
    const m = await reportMatrix(staff(), input({ pageSize: 50 }), NOW);
    expect(m.total).toBe(7);
    await h.db.update(customers).set({ status: "active" }).where(like(customers.name, "Rep 0"));
  });

  it("is staff only: a customer user of either tenant is refused, staff see every customer", async () => {
    for (const u of [w.a.admin, w.b.viewer]) {
      await expect(callerAs(h.db, u).reports.matrix({ months: 1 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    const r = await callerAs(h.db, w.staff.analyst).reports.matrix({ months: 2, pageSize: 50 });
    expect(r.total).toBe(8);
    expect(r.customers.map((c) => c.id)).toEqual(expect.arrayContaining([w.a.customer.id, w.b.customer.id]));
  });
});
