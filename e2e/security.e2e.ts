/**
 * The walls as a browser and an attacker meet them on the production server: sign-in lockout whatever
 * X-Forwarded-For says (the server keys on the socket), headers on API answers, and the pages that need the most
 * from the CSP (charts, the PDF preview in its frame, the portal) rendering with no violation. lib.ts checks the
 * headers of every navigation and fails the file on any CSP message in the console.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Browser } from "playwright-core";
import { BASE_URL, DEMO_PASSWORD, headerProblems, launch, shot, signInStaffWithTwoFactor } from "./lib";

let browser: Browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test("ten wrong passwords lock an account whatever X-Forwarded-For claims", async () => {
  const email = `lockout-${Date.now().toString(36)}@nowhere.example`;
  const statuses: number[] = [];
  for (let i = 0; i < 12; i++) {
    const r = await fetch(`${BASE_URL}/api/auth/sign-in/email`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        origin: BASE_URL,
        "x-forwarded-for": `203.0.113.${i + 1}`,
        "x-watchkeeper-client-ip": `198.51.100.${i + 1}`,
      },
      body: JSON.stringify({ email, password: `wrong-password-${i}` }),
    });
    statuses.push(r.status);
    if (i === 0) assert.deepEqual(headerProblems(r.url, Object.fromEntries(r.headers)), []);
  }
  assert.deepEqual(statuses, [...Array(10).fill(401), 429, 429]);
});

test("charts, the report preview and the portal render under the CSP", async () => {
  const staff = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await signInStaffWithTwoFactor(staff, "lukas.brandt@northwatch.example", DEMO_PASSWORD);
  // The e2e seed has no history, so the SLA page shows its tables and empty chart states (charts: console reports).
  await staff.goto(`${BASE_URL}/console/sla`);
  await staff.getByRole("heading", { name: "Attainment" }).waitFor();
  await staff.waitForTimeout(800);
  await shot(staff, "30-csp-console-sla");

  await staff.goto(`${BASE_URL}/console/reports`);
  await staff
    .getByRole("button", { name: /^(Ready|Sent|Generated).* Halvorsen Logistics, .*\. Actions$/ })
    .first()
    .click();
  await staff.getByRole("menuitem", { name: "Preview" }).click();
  const frame = staff.locator("iframe[title$='(PDF)']");
  await frame.waitFor();
  await staff.waitForTimeout(2500);
  await shot(staff, "31-csp-report-preview");
  await staff.close();

  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${BASE_URL}/sign-in`);
  await page.getByLabel("E-mail address").fill("ingrid@halvorsen.example");
  await page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/portal/);
  await page.waitForTimeout(800);
  await shot(page, "32-csp-portal-home");
  await page.goto(`${BASE_URL}/portal/service`);
  await page.waitForTimeout(1500);
  await shot(page, "33-csp-portal-service");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${BASE_URL}/portal/incidents`);
  await page.waitForTimeout(800);
  await shot(page, "34-csp-portal-incidents-390");
  await context.close();
});
