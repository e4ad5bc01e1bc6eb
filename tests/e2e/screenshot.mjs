// Takes the README's screenshots of the real page (release build in dist/):
//   node tests/e2e/screenshot.mjs [out-dir]
// The Chinese card needs a CJK font installed (e.g. Debian fonts-wqy-microhei); the tests do not.
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { CORPUS, launch, openPage, serve, ROOT } from "./lib.mjs";

const out = process.argv[2] ?? join(ROOT, "docs");
await mkdir(out, { recursive: true });
const server = await serve();
const browser = await launch();
const viewport = { width: 1200, height: 900 };
try {
  for (const scheme of ["light", "dark"]) {
    const { page } = await openPage(browser, server.url, { viewport, colorScheme: scheme });
    await page.selectOption("#example", "clock-0.1.0");
    await page.waitForSelector(".package");
    await page.screenshot({ path: join(out, `report-${scheme}.png`), fullPage: true });
  }
  // The marketplace card previews: the package's tabs and its "Marketplace card" panel, from the
  // top of the package down to `height` pixels, with Rancher line `line` chosen. The Chinese
  // labels need a CJK font (Debian: fonts-wqy-microhei or fonts-noto-cjk).
  const cards = async (page, file, name, { height = 1280, line } = {}) => {
    await page.setInputFiles("#file-input", join(CORPUS, file));
    await page.waitForSelector(".package");
    await page.click('.tab[data-tab="cards"]');
    await page.waitForSelector(".cards-main > *");
    if (line) await page.selectOption(".rc-line", line);
    await page.evaluate(() => document.fonts.ready);
    const box = await page.locator(".package").boundingBox();
    await page.evaluate((y) => window.scrollTo(0, y + window.scrollY - 8), box.y);
    const top = await page.locator(".package").boundingBox();
    await page.screenshot({
      path: join(out, name),
      clip: { x: top.x - 8, y: top.y, width: top.width + 16, height: Math.min(top.height + 8, height) },
    });
  };
  const tall = { width: 1200, height: 1300 };
  {
    const { page } = await openPage(browser, server.url, { viewport: tall, locale: "en-US" });
    await cards(page, "kubesphere/packaged/cert-manager-1.0.0.tgz", "card-kubesphere.png");
  }
  {
    const { page } = await openPage(browser, server.url, { viewport: tall });
    await cards(page, "rancher/charts/kubewarden-4.2.1.tgz", "card-rancher.png", { line: "2.15" });
  }
  {
    const { page } = await openPage(browser, server.url, { viewport });
    await page.selectOption("#example", "clock-0.1.0");
    await page.waitForSelector(".package");
    await page.click('.tab[data-tab="compatibility"]');
    await page.focus(".grid tbody tr:nth-child(4) td:nth-child(7) button");
    const matrix = page.locator(".package");
    await matrix.screenshot({ path: join(out, "matrix.png") });
  }
  {
    const { page } = await openPage(browser, `${server.url}#/range`, { viewport });
    await page.waitForSelector(".judgements tbody tr");
    await page.screenshot({ path: join(out, "range.png") });
  }
  {
    // The fix panel on the fixture that breaks four Rancher rules, with the unsafe fix ticked.
    const { page } = await openPage(browser, server.url, { viewport });
    await page.setInputFiles("#folder-input", join(ROOT, "crates/core/tests/fixtures/_fix/rancher-chart-many/input"));
    await page.waitForSelector(".package");
    await page.click('.tab[data-tab="fix"]');
    await page.waitForSelector(".fix-summary");
    await page.check('.fix-item[data-code="RC010"] input');
    await page.waitForFunction(() => /in 2 passes/.test(document.querySelector(".fix-file-applied")?.textContent ?? ""));
    await page.locator(".package").screenshot({ path: join(out, "fix.png") });
  }
  console.log(`screenshots written to ${out}`);
} finally {
  await browser.close();
  await server.close();
}
