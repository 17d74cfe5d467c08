import { launch, shot } from "./lib";
const BASE = "http://localhost:3150";
const browser = await launch();
async function as(email: string, pages: string[], tag: string) {
  for (const scheme of ["light", "dark"] as const) {
    for (const width of [1280, 390]) {
      const ctx = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme, timezoneId: "Asia/Kathmandu" });
      const page = await ctx.newPage();
      await page.goto(`${BASE}/sign-in`);
      await page.getByLabel("E-mail address").fill(email);
      await page.getByLabel("Password", { exact: true }).fill("watchkeeper-demo");
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL(/\/console/, { timeout: 60_000 });
      for (const p of pages) {
        await page.goto(`${BASE}${p}`, { timeout: 120_000 });
        await page.waitForLoadState("networkidle", { timeout: 120_000 }).catch(() => {});
        await page.waitForTimeout(1500);
        const name = `${tag}${p.replaceAll("/", "-")}-${width}-${scheme}`;
        await shot(page, name);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
        console.log(name, overflow ? "OVERFLOW" : "ok");
      }
      if (width === 1280 && scheme === "light") {
        await page.getByRole("button", { name: /On duty/ }).click();
        await page.waitForTimeout(800);
        await page.screenshot({ path: `e2e/artifacts/${tag}-onduty.png` });
      }
      await ctx.close();
    }
  }
}
await as("manager@northwatch.example", ["/console/roster"], "mgr");
await as("lukas.brandt@northwatch.example", ["/console/roster/me"], "ana");
await browser.close();
