// Takes screenshots of the real page for the README: node screenshot.mjs [out-dir]
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { launch, openPage, serve, ROOT } from "./lib.mjs";

const out = process.argv[2] ?? join(ROOT, "docs");
await mkdir(out, { recursive: true });
const server = await serve();
const browser = await launch();
try {
  for (const scheme of ["light", "dark"]) {
    const { page } = await openPage(browser, server.url, { viewport: { width: 1200, height: 900 }, colorScheme: scheme });
    await page.selectOption("#example", "clock-0.1.0");
    await page.waitForSelector(".package");
    await page.screenshot({ path: join(out, `report-${scheme}.png`), fullPage: true });
  }
  const { page } = await openPage(browser, server.url, { viewport: { width: 1200, height: 800 } });
  await page.screenshot({ path: join(out, "start.png") });
  console.log(`screenshots written to ${out}`);
} finally {
  await browser.close();
  await server.close();
}
