/**
 * A walk through every console and portal page, as a SOC manager and as a customer admin, at 1280 and 390 px: each
 * page answers 200, nothing makes the document wider than the window (a table scrolls inside its own container), the
 * console names the time zone of its times, and every chart carries a text alternative (an accessible name and a
 * data table). Unknown addresses and unknown or other customers' ids answer 404 with the area's not-found page.
 * Every page visited here is also audited with axe-core in both themes (a11y.ts, on context close).
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Browser, Frame, Page } from "playwright-core";
import { auditHere } from "./a11y";
import { BASE_URL, inLanes, launch, shot, signInCustomer, signInStaff } from "./lib";

let browser: Browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const WIDTHS = [1280, 390] as const;

const CONSOLE_PAGES = [
  "/console",
  "/console/queue",
  "/console/incidents",
  "/console/sla",
  "/console/recommendations",
  "/console/hunts",
  "/console/posture",
  "/console/customers",
  "/console/roster",
  "/console/roster/me",
  "/console/contracts",
  "/console/reports",
  "/console/coverage",
  "/console/sensors",
  "/console/assets",
  "/console/visibility",
  "/console/staff",
  "/console/audit",
  "/console/outbox",
  "/console/settings",
];

const PORTAL_PAGES = [
  "/portal",
  "/portal/incidents",
  "/portal/coverage",
  "/portal/coverage/assets",
  "/portal/coverage/visibility",
  "/portal/service",
  "/portal/recommendations",
  "/portal/hunts",
  "/portal/reports",
  "/portal/team",
  "/account/security",
];

/** Elements that stick out of the window, when the document is wider than it (a page-level horizontal scroll). */
async function overflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = window.innerWidth;
    if (document.documentElement.scrollWidth <= width) return [];
    const out: string[] = [];
    for (const el of document.body.querySelectorAll<HTMLElement>("*")) {
      const r = el.getBoundingClientRect();
      if (r.right <= width + 1 || r.width === 0) continue;
      // Inside a container that scrolls or clips it: not the page's problem.
      let p = el.parentElement;
      let contained = false;
      while (p && p !== document.body) {
        const o = getComputedStyle(p).overflowX;
        if (o === "auto" || o === "scroll" || o === "hidden" || o === "clip") {
          contained = true;
          break;
        }
        p = p.parentElement;
      }
      if (contained) continue;
      const name = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}.${[...el.classList].slice(0, 3).join(".")}`;
      out.push(`${name} right=${Math.round(r.right)} "${(el.textContent ?? "").trim().slice(0, 40)}"`);
      if (out.length >= 5) break;
    }
    return out.length ? out : [`scrollWidth ${document.documentElement.scrollWidth} > ${width}`];
  });
}

/** Charts without a text alternative: each recharts surface sits in a <figure> with a name and a data table. */
async function chartsWithoutText(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll(".recharts-wrapper")].flatMap((chart, i) => {
      const figure = chart.closest("figure");
      const named = figure && (figure.getAttribute("aria-label") || figure.querySelector("figcaption")?.textContent);
      const table = figure?.querySelector("table");
      return named && table && table.querySelectorAll("tbody tr").length > 0 ? [] : [`chart ${i + 1}`];
    }),
  );
}

/** Each page at each width, the 1280 px visit first (it is the one audited with axe-core). */
const visits = (paths: string[]) => paths.flatMap((path) => WIDTHS.map((width) => [path, width] as const));

async function visit(page: Page, path: string, width: number, problems: string[]) {
  await page.setViewportSize({ width, height: 900 });
  const r = await page.goto(`${BASE_URL}${path}`, { waitUntil: "networkidle" });
  if (r?.status() !== 200) problems.push(`${path}: HTTP ${r?.status()}`);
  // A page that goes somewhere else by itself once loaded (a streamed redirect, a hard reload) is a fault of its own.
  const wentTo: string[] = [];
  const onNavigated = (frame: Frame) => {
    if (frame === page.mainFrame()) wentTo.push(frame.url());
  };
  page.on("framenavigated", onNavigated);
  let failed: unknown = null;
  try {
    await checkLoaded(page, path, width, problems);
  } catch (e) {
    failed = e;
  } finally {
    page.off("framenavigated", onNavigated);
  }
  // Filters written to the query string (history.replaceState) are navigations too, within the same page.
  const away = wentTo.filter((u) => new URL(u).pathname !== new URL(path, BASE_URL).pathname);
  if (away.length) problems.push(`${path} @${width}px: went to ${away.join(", ")} by itself`);
  else if (failed) throw failed;
}

async function checkLoaded(page: Page, path: string, width: number, problems: string[]) {
  // Data fetched after hydration can start after the network went idle: wait for the loading placeholders to go, so
  // what is checked and shot is the page with its data.
  const loaded = await page
    .waitForFunction(() => !document.querySelector('[role="status"] .animate-pulse'), null, { timeout: 15_000 })
    .then(() => true)
    .catch(() => false);
  if (!loaded) problems.push(`${path} @${width}px: still loading after 15 s`);
  await page.waitForTimeout(200);
  for (const o of await overflow(page)) problems.push(`${path} @${width}px overflows: ${o}`);
  if (width === 1280)
    for (const c of await chartsWithoutText(page)) problems.push(`${path}: ${c} has no text alternative`);
  if (path.startsWith("/console") && !(await page.getByText(/Times in\b/).count())) {
    problems.push(`${path}: does not say which time zone its times are in`);
  }
  const slug = path.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "") || "root";
  await shot(page, `walk-${slug}-${width}`);
  if (width === 1280) await auditHere(page);
}

/** The first link on a page whose address matches, e.g. the first incident of a list. */
async function firstHref(page: Page, path: string, pattern: RegExp): Promise<string | null> {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${BASE_URL}${path}`, { waitUntil: "networkidle" });
  const hrefs = await page.locator("a[href]").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
  return hrefs.find((h) => pattern.test(h)) ?? null;
}

async function expectNotFound(page: Page, path: string, heading: RegExp, problems: string[]) {
  const r = await page.goto(`${BASE_URL}${path}`, { waitUntil: "networkidle" });
  if (r?.status() !== 404) problems.push(`${path}: HTTP ${r?.status()} (want 404)`);
  const shown = await page
    .getByRole("heading", { name: heading })
    .first()
    .waitFor({ timeout: 10_000 })
    .then(() => true)
    .catch(() => false);
  if (!shown) problems.push(`${path}: no "${heading}" heading`);
  await auditHere(page);
}

/** A tRPC mutation as the signed-in page's user (superjson envelope), for setting up what the walk looks at. */
async function mutate(page: Page, path: string, input: unknown) {
  const r = await page.request.post(`${BASE_URL}/api/trpc/${path}`, {
    data: { json: input },
    headers: { origin: BASE_URL, "content-type": "application/json" },
  });
  if (!r.ok()) throw new Error(`${path}: HTTP ${r.status()} ${(await r.text()).slice(0, 300)}`);
}

/**
 * The e2e seed has no history: an alert the intake spec sent is escalated into an incident and opened to the
 * customer, so the incident pages of both sides have something to show.
 */
async function ensureIncident(page: Page) {
  if (await firstHref(page, "/console/incidents", /^\/console\/incidents\/[0-9a-f-]{36}$/)) return;
  const alert = await firstHref(page, "/console/queue", /^\/console\/alerts\/[0-9a-f-]{36}/);
  if (!alert) return;
  await mutate(page, "alerts.escalate", {
    alertIds: [alert.split("/")[3]!.slice(0, 36)],
    title: "Encoded PowerShell on HAL-WS-0999",
  });
  const incident = await firstHref(page, "/console/incidents", /^\/console\/incidents\/[0-9a-f-]{36}$/);
  if (incident) {
    await mutate(page, "incidents.openToCustomer", {
      incidentId: incident.split("/")[3],
      message: "We are investigating encoded PowerShell started from an Office application on HAL-WS-0999.",
    });
  }
}

const NO_SUCH_ID = "00000000-0000-4000-8000-000000000000";
let foreignIncident: string | null = null;

test("every console page, 1280 and 390 px: 200, no page-wide overflow, time zone named, charts with text", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await signInStaff(page, "manager@northwatch.example");
  await ensureIncident(page);
  const details = [
    await firstHref(page, "/console/incidents", /^\/console\/incidents\/[0-9a-f-]{36}$/),
    await firstHref(page, "/console/queue", /^\/console\/alerts\/[0-9a-f-]{36}/),
    await firstHref(page, "/console/customers", /^\/console\/customers\/[a-z0-9-]+$/),
    await firstHref(page, "/console/sensors", /^\/console\/sensors\/[0-9a-f-]{36}/),
    await firstHref(page, "/console/assets", /^\/console\/assets\/[0-9a-f-]{36}/),
    await firstHref(page, "/console/hunts", /^\/console\/hunts\/[0-9a-f-]{36}/),
    await firstHref(page, "/console/outbox", /^\/console\/outbox\/[0-9a-f-]{36}/),
  ].filter((h): h is string => Boolean(h));
  // The e2e seed has no history: at least the intake spec's alert and host, a customer and their incident.
  assert.ok(details.length >= Number(process.env.WALK_MIN_DETAILS ?? 4), `detail pages found: ${details.join(", ")}`);
  const customer = details.find((d) => d.startsWith("/console/customers/"));
  if (customer) details.push(`${customer}/contract`);
  // An incident of another customer than Halvorsen, for the portal's foreign-id check.
  await page.goto(`${BASE_URL}/console/incidents`, { waitUntil: "networkidle" });
  foreignIncident = await page
    .locator("tbody tr", { hasNotText: /Halvorsen/ })
    .locator('a[href^="/console/incidents/"]')
    .first()
    .getAttribute("href")
    .catch(() => null);

  const problems: string[] = [];
  await inLanes(browser, context, visits([...CONSOLE_PAGES, ...details]), (p, [path, width]) =>
    visit(p, path, width, problems),
  );
  assert.deepEqual(problems.sort(), []);
  await context.close();
});

test("every portal page, 1280 and 390 px: 200, no page-wide overflow, charts with text", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await signInCustomer(page, "ingrid@halvorsen.example");
  const details = [
    await firstHref(page, "/portal/incidents", /^\/portal\/incidents\/[0-9a-f-]{36}$/),
    await firstHref(page, "/portal/coverage/assets", /^\/portal\/coverage\/assets\/[0-9a-f-]{36}$/),
  ].filter((h): h is string => Boolean(h));
  assert.ok(details.length >= 1, `detail pages found: ${details.join(", ")}`);
  const problems: string[] = [];
  await inLanes(browser, context, visits([...PORTAL_PAGES, ...details]), (p, [path, width]) =>
    visit(p, path, width, problems),
  );
  assert.deepEqual(problems.sort(), []);
  await context.close();
});

test("unknown addresses and unknown or other customers' ids answer 404 with a not-found page", async () => {
  const problems: string[] = [];
  const staffContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const staff = await staffContext.newPage();
  await signInStaff(staff, "manager@northwatch.example");
  const consolePaths = [
    ["/console/no-such-page", /Page not found/],
    ["/console/queue/extra/segments", /Page not found/],
    [`/console/incidents/${NO_SUCH_ID}`, /Incident not found/],
    ["/console/incidents/not-a-uuid", /Incident not found/],
    [`/console/alerts/${NO_SUCH_ID}`, /Alert not found/],
    ["/console/customers/no-such-customer", /Customer not found/],
    ["/console/customers/no-such-customer/contract", /Customer not found/],
    [`/console/sensors/${NO_SUCH_ID}`, /Sensor not found/],
    [`/console/assets/${NO_SUCH_ID}?customer=${NO_SUCH_ID}`, /Asset not found/],
    [`/console/hunts/${NO_SUCH_ID}`, /Threat hunt not found/],
    [`/console/outbox/${NO_SUCH_ID}`, /not found/i],
  ] as const;
  await inLanes(browser, staffContext, consolePaths, async (page, [path, heading]) => {
    await expectNotFound(page, path, heading, problems);
    if (path === consolePaths[0][0]) await shot(page, "walk-404-console");
  });
  await staffContext.close();

  const customerContext = await browser.newContext({ viewport: { width: 390, height: 800 } });
  const customer = await customerContext.newPage();
  await signInCustomer(customer, "ingrid@halvorsen.example");
  // Another customer's incident when the seed has one (with history); the same lookup answers both cases.
  const foreign = foreignIncident?.replace("/console/", "/portal/");
  for (const [path, heading] of [
    ["/portal/no-such-page", /Page not found/],
    [`/portal/incidents/${NO_SUCH_ID}`, /not found/i],
    ...(foreign ? [[foreign, /not found/i] as const] : []),
    [`/portal/coverage/assets/${NO_SUCH_ID}`, /Asset not found/],
  ] as const) {
    await expectNotFound(customer, path, heading, problems);
  }
  await shot(customer, "walk-404-portal");
  await customerContext.close();

  // A moved address answers a redirect before any page renders.
  const moved = await fetch(`${BASE_URL}/portal/sensors`, { redirect: "manual" });
  if (moved.status !== 308 || moved.headers.get("location") !== "/portal/coverage") {
    problems.push(
      `/portal/sensors: HTTP ${moved.status} to ${moved.headers.get("location")} (want 308 to /portal/coverage)`,
    );
  }

  const anonymous = await fetch(`${BASE_URL}/no-such-page`);
  if (anonymous.status !== 404) problems.push(`/no-such-page: HTTP ${anonymous.status} (want 404)`);
  assert.deepEqual(problems, []);
});

test("the roster shows its shifts in the zone chosen in the header and names each roster's own zone", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await signInStaff(page, "manager@northwatch.example");
  await page.goto(`${BASE_URL}/console/roster`, { waitUntil: "networkidle" });
  for (const zone of ["Asia/Singapore", "Europe/Berlin", "America/New_York"]) {
    await page.getByLabel("Times in").selectOption(zone);
    await page.getByText(`Times in ${zone.replaceAll("_", " ")} (the zone chosen in the header)`).waitFor();
    await page.locator("[data-shift]").first().waitFor();
    const titles = await page.locator("[data-shift]").evaluateAll((els) => els.map((e) => e.getAttribute("title")));
    assert.ok(titles.length > 0, "no shifts on the timeline");
    const shown = zone.replaceAll("_", " ");
    let own = 0;
    for (const t of titles) {
      // "Berlin, Team A, Day 14:00–02:00 Asia/Singapore (07:00–19:00 Europe/Berlin): …": the chosen zone first; the
      // roster's own zone and times in brackets unless they are the same.
      const m = /(\d\d:\d\d)–(\d\d:\d\d) (.+?)(?: \((\d\d:\d\d)–(\d\d:\d\d) ([^)]+)\))?: /.exec(t ?? "");
      assert.ok(m && m[3] === shown, `shift not in ${shown}: ${t}`);
      if (m[6]) assert.notEqual(`${m[1]}–${m[2]}`, `${m[4]}–${m[5]}`, `same times in two zones: ${t}`);
      else own++;
    }
    // The demo's rosters include one in each of Berlin and Singapore: those shifts show their own slot times.
    if (zone !== "America/New_York") assert.ok(own > 0, `no ${zone} roster shifts`);
    else assert.equal(own, 0);
  }
  await page.getByLabel("Times in").selectOption("");
  await context.close();
});
