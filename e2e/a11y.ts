/**
 * WCAG 2.1 A/AA checks with axe-core on every page the e2e visits, in both themes. `launch()` (lib.ts) wraps the
 * browser: each context remembers the pages its tabs navigated to; before the context closes, every remembered page
 * is opened again in that context (same session) and audited in the light and the dark theme. A violation fails the
 * run, printing the rule and the offending nodes.
 */
import { createRequire } from "node:module";
import type { Browser, BrowserContext, Page } from "playwright-core";

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve("axe-core/axe.min.js");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

type Violation = {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary: string }[];
};
export const violations: string[] = [];
const audited = new Set<string>();

function trackable(url: string): string | null {
  const u = new URL(url);
  if (!/^https?:$/.test(u.protocol) || u.pathname.startsWith("/api/")) return null;
  return `${u.origin}${u.pathname}${u.search}`;
}

async function auditPage(page: Page, url: string) {
  const found: string[] = [];
  for (const theme of ["light", "dark"] as const) {
    await page.evaluate((t) => {
      localStorage.setItem("wk-theme", t);
      document.documentElement.classList.toggle("dark", t === "dark");
    }, theme);
    // The theme's colours transition: audit the colours they end on, however slow the machine is today.
    await page.waitForTimeout(50);
    await page.evaluate(() =>
      Promise.all(
        document
          .getAnimations()
          .filter((a) => a instanceof CSSTransition)
          .map((a) => a.finished.catch(() => undefined)),
      ).then(() => undefined),
    );
    await page.addScriptTag({ path: AXE_PATH }).catch(() => {});
    const result = (await page.evaluate(
      (tags) =>
        // biome-ignore lint/suspicious/noExplicitAny: axe is injected as a global
        (window as any).axe.run(document, {
          runOnly: { type: "tag", values: tags },
          // Label in name (2.5.3, level A) is marked experimental in axe; WCAG 2.1 A requires it.
          rules: { "label-content-name-mismatch": { enabled: true } },
          resultTypes: ["violations"],
        }),
      TAGS,
    )) as { violations: Violation[] };
    for (const v of result.violations) {
      const nodes = v.nodes
        .slice(0, 8)
        .map((n) => `      ${n.target.join(" ")}\n        ${n.failureSummary.replaceAll("\n", "\n        ")}`)
        .join("\n");
      found.push(`  [${theme}] ${v.id} (${v.impact}): ${v.help} — ${v.nodes.length} node(s)\n${nodes}`);
    }
  }
  if (found.length) violations.push(`${url}\n${found.join("\n")}`);
}

/**
 * `auditPage`, again once the page has settled if it navigated in the middle (a client-side redirect that came after
 * the network went idle on a busy machine destroys the page's JavaScript context); a failure names the page.
 */
async function auditSettled(page: Page, url: string) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await auditPage(page, url);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      if (attempt >= 3 || !/context was destroyed|navigat/i.test(message)) throw new Error(`${url}: ${message}`);
      await page.waitForLoadState("networkidle").catch(() => {});
    }
  }
}

/**
 * Audits the page where it stands (a spec that has just loaded it at 1280 px), so the context's close need not open it
 * again; the theme the page had is put back afterwards.
 */
export async function auditHere(page: Page) {
  const url = trackable(page.url());
  if (!url || audited.has(url)) return;
  audited.add(url);
  const theme = await page.evaluate(() => localStorage.getItem("wk-theme"));
  await auditSettled(page, url);
  await page.evaluate((t) => {
    if (t === null) localStorage.removeItem("wk-theme");
    else localStorage.setItem("wk-theme", t);
    document.documentElement.classList.toggle("dark", t === "dark");
  }, theme);
}

type NewContext = Browser["newContext"];

/** Re-opens each page this context visited, in a fresh context with its session, and audits it. */
async function auditContext(newContext: NewContext, context: BrowserContext, urls: Set<string>) {
  const todo = [...urls].filter((u) => !audited.has(u));
  if (!todo.length) return;
  const storageState = await context.storageState();
  const auditor = await newContext({ storageState, viewport: { width: 1280, height: 900 } });
  const page = await auditor.newPage();
  try {
    for (const url of todo) {
      audited.add(url);
      const r = await page.goto(url, { waitUntil: "networkidle" }).catch(() => null);
      if (!r || !(r.headers()["content-type"] ?? "").includes("text/html")) continue;
      await auditSettled(page, url);
    }
  } finally {
    await auditor.close().catch(() => {});
  }
}

function trackContext(newContext: NewContext, context: BrowserContext) {
  const urls = new Set<string>();
  const watch = (p: Page) =>
    p.on("framenavigated", (f) => {
      if (f !== p.mainFrame()) return;
      const u = trackable(f.url());
      if (u) urls.add(u);
    });
  context.on("page", watch);
  for (const p of context.pages()) watch(p);
  const close = context.close.bind(context);
  let flushed = false;
  const flush = async () => {
    if (flushed) return;
    flushed = true;
    await auditContext(newContext, context, urls);
  };
  context.close = async (options?: Parameters<BrowserContext["close"]>[0]) => {
    await flush().catch((e) => violations.push(`audit failed: ${e instanceof Error ? e.message : e}`));
    return close(options);
  };
  return flush;
}

/** Wraps a browser so every context it makes is audited before it closes, and `close()` fails on violations. */
export function withAccessibilityAudit(browser: Browser): Browser {
  const flushes: (() => Promise<void>)[] = [];
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options?: Parameters<Browser["newContext"]>[0]) => {
    const context = await newContext(options);
    flushes.push(trackContext(newContext, context));
    return context;
  };
  const close = browser.close.bind(browser);
  browser.close = async (options?: Parameters<Browser["close"]>[0]) => {
    for (const f of flushes) await f().catch(() => {});
    await close(options);
    if (violations.length) {
      const text = violations.splice(0).join("\n\n");
      console.error(`\nWCAG 2.1 A/AA violations (axe-core):\n${text}\n`);
      throw new Error("axe-core found WCAG 2.1 A/AA violations (listed above)");
    }
  };
  return browser;
}
