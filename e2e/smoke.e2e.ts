/**
 * The foundation smoke: staff sign-in (with two-factor enrolment, as the deployment requires) → create a customer →
 * invite its admin → open the invitation from the outbox → accept → the customer signs in → the portal shows their
 * organisation and no other.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { BASE_URL, DEMO_PASSWORD, launch, shot, signInStaffWithTwoFactor } from "./lib";

let browser: Browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

async function signIn(page: Page, email: string, password: string) {
  await page.goto(`${BASE_URL}/sign-in`);
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

const stamp = Date.now().toString(36);
const customer = { name: `Fjord Freight ${stamp}`, slug: `fjord-${stamp}` };
const invitee = { email: `it-lead-${stamp}@fjordfreight.example`, name: "Sigrid Aas", password: "fjord-freight-2026" };

test("staff enrol two-factor, create a customer and invite its admin; the admin accepts and sees only their organisation", async () => {
  const staff = await browser.newPage({ viewport: { width: 1280, height: 800 } });

  await signInStaffWithTwoFactor(staff, "admin@northwatch.example", DEMO_PASSWORD);
  await shot(staff, "01-console-after-two-factor");

  await staff.goto(`${BASE_URL}/console/customers`);
  await staff.getByRole("button", { name: /New customer/ }).click();
  await staff.getByLabel("Name").fill(customer.name);
  await staff.getByLabel("Slug").fill(customer.slug);
  await staff.getByLabel("Industry").selectOption("Logistics");
  await staff.getByLabel("Country").fill("NO");
  await staff.getByLabel("Time zone").selectOption("Europe/Oslo");
  await staff.getByRole("button", { name: /Create/ }).click();
  await staff.waitForURL(new RegExp(`/console/customers/${customer.slug}$`));
  await staff.getByRole("heading", { name: customer.name }).waitFor();

  await staff.getByRole("button", { name: /Invite user/ }).click();
  await staff.getByLabel("E-mail address").fill(invitee.email);
  await staff.getByLabel("Role").selectOption("admin");
  await staff
    .getByRole("button", { name: /Send invitation|Invite/ })
    .last()
    .click();
  await staff.getByText(invitee.email).first().waitFor();
  await shot(staff, "02-customer-invited");

  await staff.goto(`${BASE_URL}/console/outbox?q=${encodeURIComponent(invitee.email)}`);
  await staff
    .getByRole("link", { name: /You are invited/ })
    .first()
    .click();
  const link = staff.getByRole("link", { name: /\/invite\// }).first();
  const href = await link.getAttribute("href");
  assert.ok(href?.includes("/invite/"), "the outbox shows the invitation link");
  await shot(staff, "03-outbox-message");

  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const guest = await context.newPage();
  await guest.goto(href as string);
  await guest.getByText(customer.name).first().waitFor();
  await guest.getByLabel("Your name").fill(invitee.name);
  await guest.locator('input[name="new-password"]').fill(invitee.password);
  await guest.locator('input[name="confirm-password"]').fill(invitee.password);
  await guest.getByRole("button", { name: "Create account and sign in" }).click();
  await guest.waitForURL(/\/portal/);
  await shot(guest, "04-portal-after-accept");
  await context.close();

  // A fresh browser: the customer signs in with the new password.
  const fresh = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const cust = await fresh.newPage();
  await signIn(cust, invitee.email, invitee.password);
  await cust.waitForURL(/\/portal/);
  const body = (await cust.locator("body").textContent()) ?? "";
  assert.ok(body.includes(customer.name), "the portal names the customer's organisation");
  for (const other of ["Halvorsen Logistics", "Kestrel Bank", "Meridian Health Partners"]) {
    assert.ok(!body.includes(other), `the portal must not mention ${other}`);
  }
  // The console is not theirs.
  await cust.goto(`${BASE_URL}/console/customers`);
  await cust.waitForURL(/\/portal/);
  await shot(cust, "05-portal-customer");
  // A new customer has no reports yet: the archive says when the first one comes.
  await cust.goto(`${BASE_URL}/portal/reports`);
  await cust.getByText("No reports yet").waitFor();
  await shot(cust, "06-portal-reports-empty");
  await fresh.close();
  await staff.close();
});
