import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { assembleMonthlyReport, type MonthlyReportModel } from "@/server/reports/model/assemble";
import { mintTenantId } from "@/server/tenancy/tenant";
import { closeTestDatabase, createTestDatabase } from "@/server/testing/db";
import { createWorld } from "@/server/testing/factories";
import { seedReportMonth } from "@/server/testing/reports";
import { closeRenderPool, renderInPool } from "./pool";
import { countPdfPages } from "./render";

let h: DatabaseHandle;
let model: MonthlyReportModel;

beforeAll(async () => {
  h = await createTestDatabase();
  const w = await createWorld(h.db);
  await seedReportMonth(h.db, w, [
    { minute: 0, severity: 5 },
    { minute: 300, severity: 4, share: false },
  ]);
  model = await assembleMonthlyReport(h.db, mintTenantId(w.a.customer.id), "2026-10");
});
afterAll(async () => {
  await closeRenderPool();
  await closeTestDatabase();
});

describe("rendering in worker threads", () => {
  it("renders the same report in a thread as in-process, and two at once on one thread", async () => {
    const at = new Date("2026-11-01T05:00:00Z");
    const local = await renderInPool(model, at, 0);
    const [a, b] = await Promise.all([renderInPool(model, at, 1), renderInPool(model, at, 1)]);
    for (const r of [a, b]) {
      expect(r.pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      expect(r.pages).toBe(local.pages);
      expect(countPdfPages(r.pdf)).toBe(local.pages);
      // Same template, same model, same clock: the same text stream length (creation dates aside).
      expect(Math.abs(r.pdf.length - local.pdf.length)).toBeLessThan(64);
    }
  }, 120_000);
});
