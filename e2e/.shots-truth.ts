import { chromium } from "playwright-core";

const base = process.env.BASE ?? "http://localhost:3171";
const pages = (process.env.PAGES ?? "/console").split(",");
const who = process.env.WHO ?? "manager@northwatch.example";
(async () => {
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu"],
  });
  for (const theme of ["light", "dark"]) {
    for (const width of [1280, 390]) {
      const ctx = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await ctx.newPage();
      await page.goto(`${base}/sign-in`);
      await page.getByLabel("E-mail address").fill(who);
      await page.getByLabel("Password", { exact: true }).fill("watchkeeper-demo");
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL(/\/(console|portal|two-factor)/);
      if (page.url().includes("two-factor")) {
        const skip = page
          .getByRole("link", { name: /skip|later/i })
          .or(page.getByRole("button", { name: /skip|later/i }));
        if (await skip.count()) await skip.first().click();
      }
      for (const p of pages) {
        await page.goto(`${base}${p}`);
        await page.evaluate((t) => {
          localStorage.setItem("wk-theme", t);
          document.documentElement.classList.toggle("dark", t === "dark");
        }, theme);
        await page.waitForTimeout(2500);
        const name = `${p.replaceAll("/", "_")}-${width}-${theme}`;
        await page.screenshot({ path: `/tmp/truth-shots/${name}.png`, fullPage: true });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
        console.log(name, page.url(), overflow ? "OVERFLOW" : "");
      }
      await ctx.close();
    }
  }
  await browser.close();
})();
