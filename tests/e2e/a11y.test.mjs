// End-to-end: accessibility. axe-core (the engine behind Lighthouse's and the browsers'
// accessibility audits) runs on every view of the page — the empty checker, a KubeSphere and a
// Rancher report with each of their tabs, the range playground and the rules pages — in the
// light and the dark theme, in English and in Chinese, and must find no violation (WCAG 2 A/AA rules, including colour
// contrast, names of controls, ARIA use and keyboard-reachable scrolling regions).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CORPUS, ROOT, openPage, useBrowser } from "./lib.mjs";

const AXE = readFileSync(join(ROOT, "tests/e2e/node_modules/axe-core/axe.min.js"), "utf8");

const session = useBrowser();

/** The violations axe finds on the page as it is now, as readable lines. */
async function audit(page) {
  // The page's CSP forbids inline scripts, so axe is injected into a context that bypasses it.
  if (!(await page.evaluate(() => typeof window.axe === "object"))) await page.addScriptTag({ content: AXE });
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } }),
  );
  assert.ok(result.passes.length > 20, "axe ran its checks");
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(" ")}`));
}

// In English and in Chinese (a zh-CN browser gets the page in Chinese, `<html lang="zh-CN">`).
for (const [colorScheme, locale] of [["light", "en-US"], ["dark", "en-US"], ["light", "zh-CN"], ["dark", "zh-CN"]]) {
  test(`no accessibility violations on any view (${colorScheme} theme, ${locale})`, async () => {
    const { page, context, problems } = await openPage(session.browser, session.server.url, { colorScheme, locale, bypassCSP: true });
    assert.equal(await page.getAttribute("html", "lang"), locale === "zh-CN" ? "zh-CN" : "en");
    const found = [];
    const check = async (where) => found.push(...(await audit(page)).map((v) => `${where}: ${v}`));
    await check("empty checker");
    for (const input of ["kubesphere/packaged/cert-manager-1.0.0.tgz", "rancher/charts/clock-0.1.0.tgz"]) {
      await page.setInputFiles("#file-input", join(CORPUS, input));
      await page.waitForFunction((name) => document.querySelector(".package .source")?.textContent.startsWith(name), input.split("/").pop());
      for (const tab of ["report", "compatibility", "cards", "fix", "manifests"]) {
        await page.click(`.package .tab[data-tab="${tab}"]`);
        if (tab === "fix") await page.waitForSelector(".fix-summary");
        if (tab === "cards") await page.waitForSelector(".card-preview, .cards");
        if (tab === "manifests") await page.waitForSelector(".manifest-files, .render-error, .manifests-empty");
        await check(`${input} ${tab}`);
      }
    }
    for (const route of ["#/range", "#/rules", "#/rules/RANGE003"]) {
      await page.goto(session.server.url + route);
      await page.waitForSelector("main h1, main h2");
      // The worker sends the catalogue and the verdicts: audit them drawn.
      await page.waitForSelector(route === "#/range" ? ".judgements tbody tr" : ".rule");
      await check(route);
    }
    assert.deepEqual(found, []);
    assert.deepEqual(problems, []);
    await context.close();
  });
}
