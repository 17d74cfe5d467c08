import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { emailOutbox, incidents, recommendations } from "@/db/schema";
import { incidentReference } from "@/server/incidents/severity";
import { assembleMonthlyReport } from "@/server/reports/model/assemble";
import { renderReportPdf } from "@/server/reports/pdf/render";
import { mintTenantId } from "@/server/tenancy/tenant";
import { closeTestDatabase, createTestDatabase } from "@/server/testing/db";
import { callerAs, createWorld } from "@/server/testing/factories";
import { seedReportMonth } from "@/server/testing/reports";
import { evaluateCustomer } from "./evaluation";

const run = promisify(execFile);
const HIDDEN_TITLE = "Quiet insider staging on FIN-SECRET-9";

let h: DatabaseHandle;
let w: Awaited<ReturnType<typeof createWorld>>;
let dir: string;
let hidden: { id: string; reference: string };
let shown: string[];

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "wk-rec-hidden-"));
  h = await createTestDatabase();
  w = await createWorld(h.db);
  // Three true-positive incidents with the same technique (T1003.001); the second is never opened to the customer.
  await seedReportMonth(h.db, w, [
    { minute: 0, severity: 4, title: "Credential dumping on WS-1" },
    { minute: 600, severity: 4, title: HIDDEN_TITLE, share: false },
    { minute: 1200, severity: 3, title: "Credential dumping on WS-2" },
  ]);
  const rows = await h.db
    .select({ id: incidents.id, number: incidents.number, visible: incidents.visibleToCustomer })
    .from(incidents)
    .where(eq(incidents.customerId, w.a.customer.id));
  const ref = (n: number) => incidentReference(w.a.customer.slug, n);
  const h0 = rows.find((r) => !r.visible)!;
  hidden = { id: h0.id, reference: ref(h0.number) };
  shown = rows
    .filter((r) => r.visible)
    .sort((a, b) => a.number - b.number)
    .map((r) => ref(r.number));
  expect(shown).toHaveLength(2);
  await evaluateCustomer(h.db, w.a.customer.tenant, new Date("2026-10-06T12:00:00Z"));
});
afterAll(async () => {
  await closeTestDatabase();
  await rm(dir, { recursive: true, force: true });
});

const leaks = (text: string) =>
  [hidden.id, hidden.reference, HIDDEN_TITLE].filter((s) => new RegExp(`${s}(?!\\d)`).test(text));

describe("the repeated-technique recommendation names only incidents opened to the customer", () => {
  it("counts the hidden incident, names the others, and keeps the hidden one in the staff's evidence", async () => {
    const [rec] = await h.db
      .select()
      .from(recommendations)
      .where(
        and(
          eq(recommendations.customerId, w.a.customer.id),
          eq(recommendations.dedupKey, "technique-repeated:T1003.001"),
        ),
      );
    expect(rec).toBeDefined();
    expect(rec!.body).toBe(
      `T1003.001 LSASS Memory appeared in 3 true-positive incidents in the last 30 days: ${shown.join(", ")} and 1 more handled internally by our SOC.`,
    );
    const staff = await callerAs(h.db, w.staff.analyst).recommendations.byId({
      customerId: w.a.customer.id,
      recommendationId: rec!.id,
    });
    expect(staff.evidence.map((e) => e.id)).toContain(hidden.id);
  });

  it("shows the customer (admin and viewer, list, detail, answer) neither its id, reference nor title", async () => {
    for (const who of [w.a.admin, w.a.viewer]) {
      const list = await callerAs(h.db, who).myRecommendations.list({});
      const rec = list.find((r) => r.dedupKey === "technique-repeated:T1003.001")!;
      expect(rec.evidence.map((e) => e.label)).toEqual(shown);
      expect(leaks(JSON.stringify(list))).toEqual([]);
      const one = await callerAs(h.db, who).myRecommendations.byId({ recommendationId: rec.id });
      expect(leaks(JSON.stringify(one))).toEqual([]);
    }
    const rec = (await callerAs(h.db, w.a.admin).myRecommendations.list({})).find(
      (r) => r.dedupKey === "technique-repeated:T1003.001",
    )!;
    const answered = await callerAs(h.db, w.a.admin).myRecommendations.respond({
      recommendationId: rec.id,
      action: "accept",
    });
    expect(leaks(JSON.stringify(answered))).toEqual([]);
    const mails = await h.db.select().from(emailOutbox).where(eq(emailOutbox.customerId, w.a.customer.id));
    expect(leaks(JSON.stringify(mails))).toEqual([]);
  });

  it("keeps it out of the monthly PDF", async () => {
    const model = await assembleMonthlyReport(h.db, mintTenantId(w.a.customer.id), "2026-10");
    expect(model.recommendations.top.map((t) => t.title)).toContain("Harden against T1003.001 LSASS Memory");
    expect(leaks(JSON.stringify(model))).toEqual([]);
    const { pdf } = await renderReportPdf(model, { generatedAt: new Date("2026-11-02T08:00:00Z") });
    const file = path.join(dir, "r.pdf");
    await writeFile(file, pdf);
    const { stdout } = await run("pdftotext", ["-enc", "UTF-8", file, "-"]);
    expect(stdout).toContain("Harden against T1003.001");
    expect(leaks(stdout.replace(/\s+/g, " "))).toEqual([]);
  });

  it("names the incident once it is opened to the customer", async () => {
    await h.db.update(incidents).set({ visibleToCustomer: true }).where(eq(incidents.id, hidden.id));
    const res = await evaluateCustomer(h.db, w.a.customer.tenant, new Date("2026-10-06T13:00:00Z"));
    // The stored evidence already links every incident (the customer's reads filter by visibility), so only the
    // wording follows: silently, without a history line.
    expect(res).toMatchObject({ refreshed: 0, retexted: 1 });
    const rec = (await callerAs(h.db, w.a.viewer).myRecommendations.list({})).find(
      (r) => r.dedupKey === "technique-repeated:T1003.001",
    )!;
    expect(rec.body).toContain(hidden.reference);
    expect(rec.evidence.map((e) => e.id)).toContain(hidden.id);
    expect(await evaluateCustomer(h.db, w.a.customer.tenant, new Date("2026-10-06T14:00:00Z"))).toMatchObject({
      refreshed: 0,
      retexted: 0,
    });
  });
});
