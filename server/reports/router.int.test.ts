import { createHash } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { customerContacts, customers, emailOutbox, reportJobs, reportVersions } from "@/db/schema";
import { env } from "@/server/env";
import { monthRange } from "@/server/sla/report";
import { closeTestDatabase, createTestDatabase } from "@/server/testing/db";
import { callerAs, createWorld } from "@/server/testing/factories";
import type { TRPCContext } from "@/server/trpc/init";
import { reportDownload } from "./http";
import { processReportJobs, queueDueReports } from "./service";
import { monthEndRun, reportMatrix } from "./views";

let h: DatabaseHandle;
let w: Awaited<ReturnType<typeof createWorld>>;
const OCT = "2026-10";

beforeAll(async () => {
  h = await createTestDatabase();
  w = await createWorld(h.db);
  // Both customers existed before October; Bravo has one report contact, Alpha two (and one who gets none).
  await h.db
    .update(customers)
    .set({ createdAt: new Date("2026-01-01T00:00:00Z") })
    .where(inArray(customers.id, [w.a.customer.id, w.b.customer.id]));
  const contact = (customerId: string, name: string, email: string, receivesReports: boolean) => ({
    customerId,
    name,
    email,
    receivesReports,
    severities: [],
    channels: [],
  });
  await h.db
    .insert(customerContacts)
    .values([
      contact(w.a.customer.id, "Zoë Müller", "zoe@alpha.test", true),
      contact(w.a.customer.id, "Ari Report", "ari@alpha.test", true),
      contact(w.a.customer.id, "No Reports", "none@alpha.test", false),
      contact(w.b.customer.id, "Bea Bravo", "bea@bravo.test", true),
    ]);
});
afterAll(closeTestDatabase);

const work = () => processReportJobs(h.db);
const mailTo = (to: string) => h.db.select().from(emailOutbox).where(eq(emailOutbox.to, to));

/** A request context as the route handler builds it, for the user (or nobody). */
function routeCtx(u: { id: string; name: string; email: string } | null): TRPCContext {
  const now = new Date();
  return {
    db: h.db,
    headers: new Headers(),
    session: u
      ? ({
          user: { ...u, emailVerified: true, image: null, createdAt: now, updatedAt: now, twoFactorEnabled: true },
          session: { id: "s", token: "t", userId: u.id, expiresAt: new Date(now.getTime() + 3600_000) },
        } as unknown as TRPCContext["session"])
      : null,
  };
}

describe("the month-end schedule", () => {
  it("queues last month's report at 06:00 local on the 1st, once however often it ticks", async () => {
    expect(await queueDueReports(h.db, new Date("2026-11-01T04:59:00Z"))).toEqual({ due: 0, queued: 0 });
    const first = await queueDueReports(h.db, new Date("2026-11-01T05:00:00Z"));
    expect(first).toEqual({ due: 2, queued: 2 });
    expect(await queueDueReports(h.db, new Date("2026-11-01T05:01:00Z"))).toEqual({ due: 2, queued: 0 });
    const jobs = await h.db.select().from(reportJobs).where(eq(reportJobs.trigger, "schedule"));
    expect(jobs.map((j) => j.month)).toEqual([OCT, OCT]);
  });

  it("generates, stores with a checksum and e-mails each report contact once, with the PDF attached", async () => {
    expect(await work()).toEqual({ done: 2, failed: 0 });
    const [v] = await h.db.select().from(reportVersions).where(eq(reportVersions.customerId, w.a.customer.id));
    expect(v).toMatchObject({ month: OCT, version: 1, trigger: "schedule" });
    expect(v!.sha256).toBe(createHash("sha256").update(v!.pdf).digest("hex"));
    expect(v!.pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(v!.sizeBytes).toBe(v!.pdf.length);
    expect(v!.pages).toBeGreaterThanOrEqual(2);

    const mail = await mailTo("zoe@alpha.test");
    expect(mail).toHaveLength(1);
    expect(mail[0]!.subject).toContain("October 2026");
    expect(mail[0]!.html).toContain("/portal/reports?month=2026-10");
    expect(mail[0]!.attachments).toEqual([
      expect.objectContaining({ reportVersionId: v!.id, contentType: "application/pdf", sizeBytes: v!.sizeBytes }),
    ]);
    expect(await mailTo("ari@alpha.test")).toHaveLength(1);
    expect(await mailTo("none@alpha.test")).toHaveLength(0);
    expect(await mailTo("bea@bravo.test")).toHaveLength(1);
  });

  it("shows the month-end run's progress across time zones", async () => {
    const ctx = { db: h.db, actor: { side: "staff", role: "analyst" } as const, user: w.staff.analyst };
    expect(await monthEndRun(ctx, new Date("2026-11-02T12:00:00Z"))).toMatchObject({
      month: OCT,
      total: 2,
      done: 2,
      waiting: 0,
      finished: true,
    });
    // 1 December, 04:00 UTC: November has ended in UTC+14, but 06:00 in Berlin is an hour away.
    const early = await monthEndRun(ctx, new Date("2026-12-01T04:00:00Z"));
    expect(early).toMatchObject({ month: "2026-11", total: 2, waiting: 2, done: 0, finished: false });
    expect(early.nextAt?.toISOString()).toBe("2026-12-01T05:00:00.000Z");
    await expect(callerAs(h.db, w.a.admin).reports.monthEnd()).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await callerAs(h.db, w.staff.analyst).reports.monthEnd()).total).toBe(2);
  });

  it("a retried job (its worker died after storing) adds a version but never sends twice", async () => {
    const [job] = await h.db.select().from(reportJobs).where(eq(reportJobs.customerId, w.a.customer.id));
    await h.db
      .update(reportJobs)
      .set({ status: "running", claimedAt: new Date(Date.now() - 3600_000) })
      .where(eq(reportJobs.id, job!.id));
    expect(await work()).toEqual({ done: 1, failed: 0 });
    const versions = await callerAs(h.db, w.staff.manager).reports.versions({
      customerId: w.a.customer.id,
      month: OCT,
    });
    expect(versions.map((v) => v.version)).toEqual([2, 1]);
    expect(versions[1]!.sent).toMatchObject({ recipients: 2 });
    expect(versions[0]!.sent).toBeNull();
    expect(await mailTo("zoe@alpha.test")).toHaveLength(1);
  });
});

describe("reports (console)", () => {
  it("regenerates on request and keeps every earlier version downloadable", async () => {
    const manager = callerAs(h.db, w.staff.manager);
    const r = await manager.reports.generate({ customerId: w.b.customer.id, month: OCT, send: true });
    expect(r.queued).toBe(true);
    // Asking again while it waits returns the same job.
    expect(await manager.reports.generate({ customerId: w.b.customer.id, month: OCT })).toEqual({
      jobId: r.jobId,
      queued: false,
    });
    await work();
    const versions = await manager.reports.versions({ customerId: w.b.customer.id, month: OCT });
    expect(versions.map((v) => [v.version, v.trigger, v.generatedByName])).toEqual([
      [2, "manual", w.staff.manager.name],
      [1, "schedule", null],
    ]);
    // Already sent for October: asking to send again does not e-mail anyone.
    expect(await mailTo("bea@bravo.test")).toHaveLength(1);
    const old = await manager.reports.file({ id: versions[1]!.id });
    expect(old.filename).toMatch(/-2026-10-security-report\.pdf$/);
    expect(createHash("sha256").update(old.pdf).digest("hex")).toBe(versions[1]!.sha256);
  });

  it("stores each version's key figures, equal to the portal's numbers and to the live figures the console shows", async () => {
    const manager = callerAs(h.db, w.staff.manager);
    const [latest] = await manager.reports.versions({ customerId: w.a.customer.id, month: OCT });
    const live = await manager.reports.figures({ customerId: w.a.customer.id, month: OCT });
    expect(latest!.figures).toEqual(live);
    const portal = callerAs(h.db, w.a.viewer);
    const { from, to } = monthRange(OCT, "Europe/Berlin");
    const funnel = await portal.myAlerts.funnel({ from, to });
    const sla = await portal.mySla.month({ month: OCT });
    expect(live).toMatchObject({
      alertsReceived: funnel.received,
      alertsEscalated: funnel.escalated,
      slaMet: sla.attainment.overall.met,
      slaBreached: sla.attainment.overall.breached,
    });
    await expect(
      callerAs(h.db, w.a.admin).reports.figures({ customerId: w.a.customer.id, month: OCT }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("refuses a month that has not ended, and bad input", async () => {
    const manager = callerAs(h.db, w.staff.manager);
    await expect(manager.reports.generate({ customerId: w.a.customer.id, month: "2099-01" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(manager.reports.generate({ customerId: w.a.customer.id, month: "2026-13" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(manager.reports.generateAll({ month: "2099-01" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("generates all for a month as a batch whose progress the console follows", async () => {
    const manager = callerAs(h.db, w.staff.manager);
    const { batchId, total } = await manager.reports.generateAll({ month: "2026-09" });
    expect(total).toBe(2);
    expect(await manager.reports.batch({ id: batchId })).toMatchObject({
      total: 2,
      done: 0,
      pending: 2,
      finished: false,
    });
    await processReportJobs(h.db, { max: 1 });
    expect(await manager.reports.batch({ id: batchId })).toMatchObject({ done: 1, pending: 1, finished: false });
    await work();
    expect(await manager.reports.batch({})).toMatchObject({ id: batchId, done: 2, failed: 0, finished: true });
  });

  it("shows every customer × month with its status", async () => {
    const page = (months: number) => ({ months, sort: "name" as const, page: 1, pageSize: 25 });
    const ctx = { db: h.db, actor: { side: "staff", role: "analyst" } as const, user: w.staff.analyst };
    const m = await reportMatrix(ctx, page(3), new Date("2026-11-20T12:00:00Z"));
    expect(m.months).toEqual(["2026-10", "2026-09", "2026-08"]);
    expect((await callerAs(h.db, w.staff.analyst).reports.matrix({ months: 2 })).months).toHaveLength(2);
    const a = m.customers.find((c) => c.id === w.a.customer.id)!;
    expect(a.cells.map((c) => c.status)).toEqual(["sent", "ready", "missing"]);
    // Alpha became a customer on 1 January 2026: December 2025 is before its service, not a missing report.
    const year = await reportMatrix(ctx, page(12), new Date("2026-11-20T12:00:00Z"));
    const cells = year.customers.find((c) => c.id === w.a.customer.id)!.cells;
    expect(cells.find((c) => c.month === "2025-12")?.status).toBe("before-service");
    expect(cells.find((c) => c.month === "2026-01")?.status).toBe("missing");
    expect(a.cells[0]!.latest?.version).toBe(2);
    expect(a.cells[0]!.delivery?.recipients).toBe(2);
  });

  it("lets only admins and SOC managers generate; customers cannot reach the console's reports", async () => {
    const analyst = callerAs(h.db, w.staff.analyst);
    await expect(analyst.reports.generate({ customerId: w.a.customer.id, month: OCT })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(analyst.reports.generateAll({ month: OCT })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const customerAdmin = callerAs(h.db, w.a.admin);
    await expect(customerAdmin.reports.matrix({ months: 1 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(customerAdmin.reports.versions({ customerId: w.a.customer.id, month: OCT })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});

describe("myReports (portal) and the download route", () => {
  it("lists only the customer's own archive, newest month first", async () => {
    const list = await callerAs(h.db, w.a.viewer).myReports.list();
    expect(list.map((m) => m.month)).toEqual(["2026-10", "2026-09"]);
    expect(list[0]!.versions.map((v) => v.version)).toEqual([2, 1]);
    const bIds = new Set(
      (await h.db.select().from(reportVersions).where(eq(reportVersions.customerId, w.b.customer.id))).map((v) => v.id),
    );
    expect(list.flatMap((m) => m.versions).some((v) => bIds.has(v.id))).toBe(false);
  });

  it("downloads the customer's own report and answers 404 for another tenant's id", async () => {
    const [mine] = await h.db
      .select()
      .from(reportVersions)
      .where(and(eq(reportVersions.customerId, w.a.customer.id), eq(reportVersions.month, OCT)));
    const [theirs] = await h.db.select().from(reportVersions).where(eq(reportVersions.customerId, w.b.customer.id));

    const ok = await reportDownload(routeCtx(w.a.viewer), mine!.id, true);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toBe("application/pdf");
    expect(ok.headers.get("content-disposition")).toMatch(/^attachment; filename=".+-2026-10-security-report/);
    expect(Buffer.from(await ok.arrayBuffer()).equals(mine!.pdf)).toBe(true);
    expect(ok.headers.get("x-checksum-sha256")).toBe(mine!.sha256);

    expect((await reportDownload(routeCtx(w.a.viewer), theirs!.id, false)).status).toBe(404);
    expect((await reportDownload(routeCtx(w.a.admin), "not-a-uuid", false)).status).toBe(404);
    expect((await reportDownload(routeCtx(null), mine!.id, false)).status).toBe(401);
    await expect(callerAs(h.db, w.a.admin).myReports.file({ id: theirs!.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });

    const staff = await reportDownload(routeCtx(w.staff.analyst), theirs!.id, false);
    expect(staff.status).toBe(200);
    expect(staff.headers.get("content-disposition")).toMatch(/^inline;/);
  });

  it("sends a link only when the PDF is over the attachment limit", async () => {
    const limit = env.REPORT_ATTACH_MAX_BYTES;
    env.REPORT_ATTACH_MAX_BYTES = 1000;
    try {
      await queueDueReports(h.db, new Date("2026-10-01T04:00:00Z"));
      await work();
    } finally {
      env.REPORT_ATTACH_MAX_BYTES = limit;
    }
    const sept = (await mailTo("bea@bravo.test")).find((m) => m.subject.includes("September 2026"));
    expect(sept?.attachments).toBeNull();
    expect(sept?.text).toContain("too large to attach");
  });
});

describe("provider branding", () => {
  const input = {
    name: "Northwatch Security",
    legalName: "Northwatch Security Operations Ltd",
    primaryColor: "#123456",
    accentColor: "#abcdef",
    logoSvg: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>',
    supportEmail: "soc@northwatch.test",
  };

  it("lets a provider admin change it, and shows it to staff", async () => {
    await callerAs(h.db, w.staff.admin).provider.updateBranding(input);
    expect(await callerAs(h.db, w.staff.analyst).provider.settings()).toEqual(input);
  });

  it("refuses other roles, customers and unsafe logos", async () => {
    await expect(callerAs(h.db, w.staff.manager).provider.updateBranding(input)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(callerAs(h.db, w.a.admin).provider.settings()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      callerAs(h.db, w.staff.admin).provider.updateBranding({
        ...input,
        logoSvg: '<svg onload="alert(1)"><script>alert(1)</script></svg>',
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      callerAs(h.db, w.staff.admin).provider.updateBranding({ ...input, primaryColor: "teal" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect((await callerAs(h.db, w.staff.admin).provider.settings()).primaryColor).toBe("#123456");
  });
});
