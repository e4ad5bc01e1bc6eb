// End-to-end: every package of the shared corpus in the real page, every view — the report,
// the compatibility matrix, the marketplace card and the corrected package — with no console
// error and no request leaving the machine.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { CORPUS, openPage, useBrowser } from "./lib.mjs";

const DIRS = [
  "kubesphere/packaged",
  "kubesphere/source",
  "rancher/charts",
  "rancher/plugin",
  "rancher/source",
  "rancher/charts-unpacked",
];

const session = useBrowser();

test("every corpus package shows its report, matrix, card and corrected package", async () => {
  const inputs = [];
  for (const dir of DIRS) {
    for (const entry of (await readdir(join(CORPUS, dir), { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
      inputs.push({ path: join(CORPUS, dir, entry.name), folder: entry.isDirectory(), label: `${dir}/${entry.name}` });
    }
  }
  assert.equal(inputs.length, 28);
  const { page, context, problems, external } = await openPage(session.browser, session.server.url);
  for (const { path, folder, label } of inputs) {
    await page.goto(session.server.url);
    await page.waitForSelector(".dropzone");
    await page.setInputFiles(folder ? "#folder-input" : "#file-input", path);
    await page.waitForSelector(".package");
    const kind = await page.getAttribute(".package", "data-kind");
    assert.ok(kind && kind !== "", `${label}: recognised`);
    await page.click('.package .tab[data-tab="compatibility"]');
    assert.ok((await page.locator(".package .grid td").count()) > 0, `${label}: matrix cells`);
    await page.click('.package .tab[data-tab="cards"]');
    await page.waitForSelector(".package .cards-main > *");
    const card = await page.locator(".package .ks-card, .package .rc-card, .package .no-card").count();
    assert.ok(card > 0, `${label}: a card or the reason there is none`);
    await page.click('.package .tab[data-tab="fix"]');
    await page.waitForSelector(".package .fix-summary, .package .fix-error", { timeout: 60_000 });
    assert.equal(await page.locator(".package .fix-error").count(), 0, `${label}: a corrected package`);
    assert.match(await page.textContent(".package .fix-actions button.primary"), /^Download .+/, label);
  }
  assert.deepEqual(problems, [], "console errors or page errors");
  assert.deepEqual(external, [], "requests that left the machine");
  await context.close();
});
