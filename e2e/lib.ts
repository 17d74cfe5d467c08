import { spawnSync } from "node:child_process";
import { createHmac } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after } from "node:test";
import { type Browser, type BrowserContext, chromium, type Page, type Response } from "playwright-core";
import { withAccessibilityAudit } from "./a11y";

export const BASE_URL = process.env.E2E_BASE_URL ?? "http://localhost:3210";
export const DEMO_PASSWORD = "watchkeeper-demo";
export const SHOTS = path.resolve(import.meta.dirname, "artifacts");

/** Debian's Chromium; every page the specs visit is audited with axe-core (WCAG 2.1 A/AA, both themes). */
export async function launch(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  // Every context and page the specs open is watched: security headers on each navigation, CSP violations in the
  // console (server/security/headers.ts is what they are checked against).
  const newContext = browser.newContext.bind(browser);
  const newPage = browser.newPage.bind(browser);
  security.launched = true;
  browser.newContext = async (o) => watch(await newContext(o));
  browser.newPage = async (o) => {
    const page = await newPage(o);
    watch(page.context());
    return page;
  };
  return withAccessibilityAudit(browser);
}

const security = { launched: false, navigations: 0, problems: [] as string[] };

/** What every document (page, or the report PDF in its frame) must carry; the problems found. */
export function headerProblems(url: string, h: Record<string, string>): string[] {
  const path = new URL(url).pathname;
  const csp = h["content-security-policy"] ?? "";
  const out: string[] = [];
  const need = (ok: boolean, what: string) => {
    if (!ok) out.push(`${path}: ${what}`);
  };
  need(h["x-content-type-options"] === "nosniff", "X-Content-Type-Options: nosniff");
  need(Boolean(h["referrer-policy"]), "Referrer-Policy");
  need(Boolean(h["permissions-policy"]), "Permissions-Policy");
  if (/^\/api\/reports\/[^/]+\/pdf/.test(path)) {
    need(csp.includes("frame-ancestors 'self'"), "the PDF may be framed by our pages only");
  } else if (path.startsWith("/api/")) {
    need(/^default-src 'none'/.test(csp) && csp.includes("frame-ancestors 'none'"), "API CSP");
  } else {
    need(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/.test(csp), "CSP script-src with a nonce");
    need(!/script-src[^;]*'unsafe-/.test(csp), "no unsafe script sources");
    need(csp.includes("frame-ancestors 'none'") && h["x-frame-options"] === "DENY", "not framable");
  }
  return out;
}

function watch(ctx: BrowserContext): BrowserContext {
  ctx.on("response", (r: Response) => {
    const req = r.request();
    if (!req.isNavigationRequest() || !r.url().startsWith(BASE_URL)) return;
    // Chrome's PDF viewer hands the already-fetched PDF to its own frame again: no server response, no headers.
    if (req.frame().parentFrame()?.url().startsWith("chrome-extension:") || !r.headers().date) return;
    security.navigations++;
    security.problems.push(...headerProblems(r.url(), r.headers()));
  });
  ctx.on("console", (m) => {
    if (/Content Security Policy|Refused to (load|execute|apply|frame|connect)/i.test(m.text())) {
      security.problems.push(`CSP violation on ${m.page()?.url() ?? "?"}: ${m.text()}`);
    }
  });
  return ctx;
}

// Checked once per spec file, after its tests: a missing header or a blocked resource anywhere fails the run.
after(() => {
  if (security.launched && security.navigations === 0)
    throw new Error("e2e: no navigation seen; header checks not wired");
  if (security.problems.length) {
    throw new Error(`security headers / CSP:\n${[...new Set(security.problems)].join("\n")}`);
  }
});

export async function shot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/** RFC 6238 TOTP (SHA-1, 30 s, 6 digits) from a base32 secret, as an authenticator app computes it. */
export function totp(secretBase32: string, at = Date.now()): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  const clean = secretBase32.replace(/=+$/, "").replace(/\s+/g, "").toUpperCase();
  let bits = "";
  for (const ch of clean) {
    const v = alphabet.indexOf(ch);
    if (v < 0) throw new Error(`bad base32 character ${ch}`);
    bits += v.toString(2).padStart(5, "0");
  }
  const bytes = Buffer.from(bits.match(/.{8}/g)!.map((b) => Number.parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 1000 / 30)));
  const mac = createHmac("sha1", bytes).update(counter).digest();
  const offset = mac[mac.length - 1]! & 0xf;
  const code = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return code.toString().padStart(6, "0");
}

export function tmpDir(prefix: string) {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Signs in a demo staff member and enrols TOTP as the deployment requires; returns on the console. */
export async function signInStaffWithTwoFactor(page: Page, email: string, password: string) {
  await page.goto(`${BASE_URL}/sign-in`);
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/two-factor\/setup/);
  return enrolTwoFactor(page, email, password);
}

/** On the two-factor setup page after signing in: enrols TOTP, keeps the secret for later specs; ends on the console. */
async function enrolTwoFactor(page: Page, email: string, password: string) {
  await page.getByLabel("Confirm your password").fill(password);
  await page.getByRole("button", { name: "Continue" }).click();
  const secret = ((await page.locator("code").first().textContent()) ?? "").replace(/\s+/g, "");
  if (!/^[A-Z2-7]{16,}$/.test(secret)) throw new Error(`no TOTP secret on the setup page (${secret})`);
  await page.getByLabel("I have saved my backup codes somewhere safe").check();
  await page.getByLabel("6-digit code").fill(totp(secret));
  await page.getByRole("button", { name: "Turn on two-factor" }).click();
  await page.getByText("Two-factor authentication is on").waitFor();
  fs.writeFileSync(secretFile(email), secret);
  await page.getByRole("button", { name: "Continue" }).click();
  await page.waitForURL(/\/console/);
  return secret;
}

// Specs run in separate processes against one server: a secret enrolled by one spec is kept for the next.
const secretFile = (email: string) =>
  path.join(os.tmpdir(), `wk-e2e-totp-${new URL(BASE_URL).port}-${email.replace(/[^a-z0-9]+/gi, "_")}`);

/**
 * Signs in a demo staff member whether or not an earlier spec of this run enrolled their two-factor: enrols it the
 * first time, else answers the TOTP prompt with the secret that spec kept. Returns on the console.
 */
export async function signInStaff(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto(`${BASE_URL}/sign-in`);
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/two-factor|\/console/);
  if (/\/two-factor\/setup/.test(page.url())) {
    await enrolTwoFactor(page, email, password);
    return;
  }
  if (/\/two-factor/.test(page.url())) {
    const secret = fs.readFileSync(secretFile(email), "utf8").trim();
    await page.getByLabel("Authentication code").fill(totp(secret));
    await page.getByRole("button", { name: "Verify and sign in" }).click();
    await page.waitForURL(/\/console/);
  }
}

/** Signs in a customer user (no second factor for customers); returns on the portal. */
export async function signInCustomer(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto(`${BASE_URL}/sign-in`);
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/portal/);
}

/** A sensor made with the admin CLI (before a server holds the database); returns its one-time API key. */
export function createSensorKey(cwd: string, env: NodeJS.ProcessEnv, name: string): string {
  const r = spawnSync(
    process.execPath,
    [
      "--import",
      "tsx",
      "scripts/admin.ts",
      "sensor:create",
      "--customer",
      "halvorsen",
      "--source",
      "crowdstrike",
      "--name",
      name,
    ],
    { cwd, env, encoding: "utf8" },
  );
  if (r.status !== 0) throw new Error(`sensor:create failed: ${r.stderr}`);
  return r.stdout.trim().split("\n").at(-1)!;
}

/** How many pages a walk opens side by side (E2E_LANES): the server's idle waits overlap, its work does not. */
export const LANES = Math.max(1, Number(process.env.E2E_LANES ?? 3));

/**
 * Runs `work` over `items` in `LANES` pages side by side, each in its own context signed in as `signedIn` is (its own
 * storage, so one page's theme is not another's). Every item runs even when one fails; the first error is thrown.
 */
export async function inLanes<T>(
  browser: Browser,
  signedIn: BrowserContext,
  items: readonly T[],
  work: (page: Page, item: T) => Promise<void>,
) {
  const storageState = await signedIn.storageState();
  let next = 0;
  const errors: unknown[] = [];
  const lane = async () => {
    const context = await browser.newContext({ storageState, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    try {
      while (next < items.length) {
        const item = items[next++] as T;
        await work(page, item).catch((e) => errors.push(e));
      }
    } finally {
      await context.close();
    }
  };
  await Promise.all(Array.from({ length: Math.min(LANES, items.length) }, lane));
  if (errors.length) throw errors[0];
}
