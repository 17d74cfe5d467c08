/**
 * Monthly reports: a SOC manager runs "generate all" for a month and watches the progress bar finish; a customer
 * opens their archive in the portal and downloads a report in Chromium (the PDF holds their name and the month);
 * another customer's report id answers 404.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { after, before, test } from "node:test";
import type { Browser } from "playwright-core";
import { BASE_URL, DEMO_PASSWORD, launch, shot, signInStaffWithTwoFactor, tmpDir } from "./lib";

const otherTenantReport = process.env.E2E_OTHER_REPORT_ID ?? "";

let browser: Browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test("a customer downloads their monthly report from the portal; another tenant's report is not found", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`${BASE_URL}/sign-in`);
  await page.getByLabel("E-mail address").fill("ingrid@halvorsen.example");
  await page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/portal/);

  await page.goto(`${BASE_URL}/portal/reports`);
  const download = page.getByRole("link", { name: /^Download / }).first();
  await download.waitFor();
  const label = ((await download.getAttribute("aria-label")) ?? "").replace(/^Download /, "");
  await shot(page, "20-portal-reports");

  const [file] = await Promise.all([page.waitForEvent("download"), download.click()]);
  assert.match(file.suggestedFilename(), /^halvorsen-\d{4}-\d{2}-security-report(-v\d+)?\.pdf$/);
  const saved = path.join(tmpDir("wk-e2e-report-"), file.suggestedFilename());
  await file.saveAs(saved);
  const text = execFileSync("pdftotext", ["-layout", saved, "-"], { encoding: "utf8" });
  assert.match(text, /Halvorsen/);
  const month = label.match(/[A-Z][a-z]+ \d{4}/)?.[0];
  assert.ok(month && text.includes(month), `the PDF names the month (${month})`);
  assert.match(text, /Page 1 of \d+|Page \d+ of \d+/);

  assert.ok(otherTenantReport, "run.ts passes another customer's report id");
  const theirs = await page.request.get(`${BASE_URL}/api/reports/${otherTenantReport}/pdf`);
  assert.equal(theirs.status(), 404);
  const signedOut = await browser.newContext();
  const anonymous = await signedOut.request.get(`${BASE_URL}/api/reports/${otherTenantReport}/pdf`);
  assert.equal(anonymous.status(), 401);
  await signedOut.close();
  await context.close();
});

test("a SOC manager generates every customer's report for a month and the progress bar runs to the end", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await signInStaffWithTwoFactor(page, "manager@northwatch.example", DEMO_PASSWORD);
  await page.goto(`${BASE_URL}/console/reports`);
  await page.getByRole("button", { name: /^Generate all for / }).click();
  // The month-end run has its own bar; the one for "generate all" is named "Reports for <month>".
  assert.match(
    (await page.getByRole("progressbar", { name: /^Month-end run for / }).getAttribute("aria-valuetext")) ?? "",
    /^\d+ of \d+ reports finished/,
  );
  const bar = page.getByRole("progressbar", { name: /^Reports for / });
  await bar.waitFor();
  await page.waitForFunction(
    () => {
      const el = document.querySelector('[role="progressbar"][aria-label^="Reports for"]');
      const now = el?.getAttribute("aria-valuenow");
      return now !== null && now !== undefined && now === el?.getAttribute("aria-valuemax");
    },
    null,
    { timeout: 120_000 },
  );
  const summary = (await bar.getAttribute("aria-valuetext")) ?? "";
  assert.match(summary, /^(\d+) of \1 reports finished$/, summary);
  await page.waitForTimeout(800); // the bar's width animates for 500 ms
  await shot(page, "21-console-reports-generated");
  // The matrix shows the new versions: no cell of the month is still queued or generating.
  await page.getByRole("table").waitFor();
  assert.equal(await page.getByText(/^(Queued|Generating)$/).count(), 0);
  await page.close();
});
