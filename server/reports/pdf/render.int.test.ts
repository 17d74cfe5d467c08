import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db";
import { customers, providerSettings } from "@/db/schema";
import { assembleMonthlyReport, type MonthlyReportModel } from "@/server/reports/model/assemble";
import { mintTenantId } from "@/server/tenancy/tenant";
import { closeTestDatabase, createTestDatabase } from "@/server/testing/db";
import { createWorld, insertTestAlert } from "@/server/testing/factories";
import { seedReportMonth } from "@/server/testing/reports";
import { percent } from "./format";
import { countPdfPages, renderReportPdf } from "./render";

const run = promisify(execFile);
const NAME = "Zoë Müller Logistik Łódź";
const LOGO = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 40"><g transform="translate(4 4) scale(2)">
  <circle cx="8" cy="8" r="8" fill="#0f766e"/><path d="M8 2 L11 8 L8 14 L5 8 Z" style="fill:#f59e0b"/></g>
  <rect x="44" y="12" width="70" height="6" rx="3" fill="#0f172a"/></svg>`;

let h: DatabaseHandle;
let w: Awaited<ReturnType<typeof createWorld>>;
let dir: string;

/** The PDF's text as pdftotext reads it (poppler-utils), whitespace collapsed unless `layout`. */
async function textOf(pdf: Buffer, layout = false) {
  const file = path.join(dir, `r-${Math.random().toString(36).slice(2)}.pdf`);
  await writeFile(file, pdf);
  const { stdout } = await run("pdftotext", [...(layout ? ["-layout"] : []), "-enc", "UTF-8", file, "-"]);
  return layout ? stdout : stdout.replace(/\s+/g, " ");
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "wk-pdf-"));
  h = await createTestDatabase();
  w = await createWorld(h.db);
  await h.db.update(customers).set({ name: NAME }).where(eq(customers.id, w.a.customer.id));
  await h.db.update(providerSettings).set({ name: "Nordwacht Sicherheit", logoSvg: LOGO });
  const { at } = await seedReportMonth(h.db, w, [
    { minute: 0, severity: 5, title: "Credential dumping on WS-Ελληνικά-Кириллица" },
    { minute: 600, severity: 4, title: "Beaconing from LAB-7" },
    { minute: 1200, severity: 3, title: "Suspicious PowerShell on HR-2" },
  ]);
  await insertTestAlert(h.db, w.a.customer.id, { severity: 2, receivedAt: at(30), eventTime: at(30) });
});
afterAll(async () => {
  await closeTestDatabase();
  await rm(dir, { recursive: true, force: true });
});

describe("renderReportPdf", () => {
  let model: MonthlyReportModel;
  let small: { pdf: Buffer; pages: number };

  it("prints the customer's month: exact names, the key figures and numbered pages", async () => {
    model = await assembleMonthlyReport(h.db, mintTenantId(w.a.customer.id), "2026-10");
    expect(model.provider.logoSvg).toBe(LOGO);
    small = await renderReportPdf(model, { generatedAt: new Date("2026-11-02T08:00:00Z") });
    expect(small.pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(small.pages).toBeGreaterThanOrEqual(3);
    expect(small.pages).toBeLessThanOrEqual(12);

    const text = await textOf(small.pdf);
    expect(text).toContain(NAME);
    expect(text).toContain("Nordwacht Sicherheit");
    expect(text).not.toContain("NS Nordwacht Sicherheit"); // the logo, not the monogram
    expect(text).toContain("October 2026");
    expect(text).toContain("Credential dumping on WS-Ελληνικά-Кириллица");
    // Key-figure tiles read row by row: three labels, then their three values.
    const { funnel, incidents, sla } = model;
    expect([funnel.received, funnel.escalated, incidents.total]).toEqual([4, 3, 3]);
    expect(text).toContain(
      `Alerts received Alerts escalated Incidents ${funnel.received} ${funnel.escalated} ${incidents.total} `,
    );
    expect(text).toContain(
      // pdftotext's text with whitespace collapsed: the figure's no-break space reads as a space.
      `Mean time to resolve (MTTR) ${percent(sla.attainment.overall.attainment).replace(/\s/g, " ")} 5 min — 9 of 9 targets met`,
    );
    expect(text).toContain("Every SLA target was met (100 %).");
    expect(text).toContain("1 Oct 2026 – 31 Oct 2026");
    expect(text).toContain("Generated 2 Nov 2026");
    for (let p = 2; p <= small.pages; p++) expect(text).toContain(`Page ${p} of ${small.pages}`);
    expect(text).not.toContain("Page 1 of"); // the cover carries no footer
    expect(text).not.toMatch(/NaN|undefined|Infinity|\[object/);
  });

  it("puts the posture score and its drivers beside the summary, then the hunts and recommendations", async () => {
    const text = await textOf(small.pdf);
    const p = model.posture;
    expect(text).toContain("Executive summary Posture score");
    expect(text).toContain(`/ 100 · ${p.band[0]!.toUpperCase()}${p.band.slice(1)}`);
    for (const d of p.drivers) expect(text).toContain(d.label);
    expect(text).toContain("Six-month trend");
    expect(text).toContain(`Your posture score is ${p.score} of 100 (${p.band})`);
    expect(text).toContain("Threat hunts this month");
    expect(text).toContain("No threat hunt covering you concluded this month.");
    expect(text).toContain("Recommendations");
    expect(text).toMatch(/\d+ new and \d+ done this month; \d+ still open at month end/);
  });

  it("prints the score, each driver's value, and every section heading", async () => {
    const layout = await textOf(small.pdf, true);
    const p = model.posture;
    expect(layout).toMatch(new RegExp(`\\b${p.score}\\s+/ 100 · `));
    // The bar list prints each driver with its value (floored, as drawn) on the same line.
    for (const d of p.drivers) expect(layout).toMatch(new RegExp(`${d.label}\\s+${Math.floor(d.value)}\\b`));
    const text = await textOf(small.pdf);
    for (const heading of [
      "Executive summary",
      "Posture score",
      "Key figures",
      "Monitoring coverage",
      "Visibility per ATT&CK tactic at month end",
      "Threat hunts this month",
      "Recommendations",
    ])
      expect(text).toContain(heading);
  });

  it("tells the coverage section from the coverage and visibility domains' month data", async () => {
    const c = model.coverage;
    const text = await textOf(small.pdf);
    expect(c.tactics).toHaveLength(14);
    for (const t of c.tactics) expect(text).toContain(t.ratio === null ? "n/a" : `${Math.round(t.ratio * 100)}%`);
    expect(text).toContain(c.edr.known ? `EDR covered ${c.edr.covered} of ${c.edr.known}` : "No asset was known");
    for (const s of c.sensors) expect(text).toContain(s.name);
    expect(text).toContain(c.sensors.length ? "Sensor availability this month" : "No sensor reported");
  });

  it("counts pages as poppler does", async () => {
    const { stdout } = await run("pdfinfo", [path.join(dir, await writePdf(small.pdf))]);
    expect(Number(/Pages:\s+(\d+)/.exec(stdout)?.[1])).toBe(small.pages);
    expect(countPdfPages(small.pdf)).toBe(small.pages);
  });

  it("still renders with a broken logo, showing the monogram instead", async () => {
    for (const logoSvg of ['<svg viewBox="0 0 10 10"><path d="M 0 0 L 1e400 1"/></svg>', "<svg", "not a logo"]) {
      const r = await renderReportPdf({ ...model, provider: { ...model.provider, logoSvg } });
      expect(await textOf(r.pdf)).toContain("NS Nordwacht Sicherheit");
    }
  });

  it("produces clean pages for an empty month and a customer without a contract", async () => {
    const empty = await assembleMonthlyReport(h.db, mintTenantId(w.a.customer.id), "2026-05");
    const r = await renderReportPdf(empty);
    expect(r.pages).toBeGreaterThanOrEqual(2);
    expect(r.pages).toBeLessThanOrEqual(4);
    const text = await textOf(r.pdf);
    expect(text).toContain("No incidents were opened this month.");
    expect(text).toContain("No alerts were received this month.");
    expect(text).toContain(`Page 2 of ${r.pages}`);
    expect(text).not.toMatch(/NaN|undefined|Infinity|\[object/);

    const other = await renderReportPdf(await assembleMonthlyReport(h.db, mintTenantId(w.b.customer.id), "2026-10"));
    expect(await textOf(other.pdf)).toContain("No contract in force");
  });

  it("breaks a 60-incident table across pages, repeating its header row", async () => {
    const [first] = model.incidents.notable;
    const all = Array.from({ length: 60 }, (_, k) => ({
      ...first!,
      id: `i-${k}`,
      number: 100 + k,
      reference: `ZOE-${100 + k}`,
      title: `Incident number ${100 + k} with a title long enough to wrap onto a second line in the table`,
    }));
    const big = { ...model, incidents: { ...model.incidents, total: all.length, all } };
    const r = await renderReportPdf(big);
    expect(r.pages).toBeGreaterThan(small.pages + 1);
    const layout = await textOf(r.pdf, true);
    for (const ref of ["ZOE-100", "ZOE-130", "ZOE-159"]) expect(layout).toContain(ref);
    const headers = layout.split("\n").filter((l) => /Incident\s+Opened\s+Severity\s+Title\s+Status/.test(l));
    expect(headers.length).toBeGreaterThanOrEqual(2);
    // Every row prints whole: each reference sits on one line with its date.
    for (let k = 100; k < 160; k++) expect(layout).toMatch(new RegExp(`ZOE-${k}\\s+\\d{1,2} Oct 2026`));
  });
});

async function writePdf(pdf: Buffer) {
  const name = `p-${Math.random().toString(36).slice(2)}.pdf`;
  await writeFile(path.join(dir, name), pdf);
  return name;
}
