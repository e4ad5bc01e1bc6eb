// End-to-end: the fix panel in headless Chromium. A real package goes in, the corrected package
// is downloaded through the page's Blob link, and the native CLI checks the downloaded bytes.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CORPUS, ROOT, openPage, useBrowser } from "./lib.mjs";

const MANY = join(ROOT, "crates/core/tests/fixtures/_fix/rancher-chart-many/input");

const session = useBrowser(undefined, "/extcheck/");
let dir;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), "extcheck-fix-"));
});
after(async () => {
  if (dir) await rm(dir, { recursive: true });
});

/** Runs the native CLI (built by the native tests; cargo builds it if needed). */
function extcheck(...args) {
  return spawnSync("cargo", ["run", "--quiet", "-p", "extcheck", "--", ...args], { cwd: ROOT, encoding: "utf8" });
}

function assertClean(problems, external) {
  assert.deepEqual(problems, [], "console errors or page errors");
  assert.deepEqual(external, [], "requests that left the machine");
}

async function openFixTab(page) {
  await page.click('.package .tab[data-tab="fix"]');
  await page.waitForSelector(".fix-summary");
}

/** Clicks the download button and saves the file; returns its path and suggested name. */
async function download(page) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.click(".fix-actions button.primary")]);
  const path = join(dir, file.suggestedFilename());
  await file.saveAs(path);
  return { path, name: file.suggestedFilename() };
}

test("a chart breaking four rules: tick the unsafe fix, see the diff, download a chart the CLI finds clean", async () => {
  const { page, context, problems, external } = await openPage(session.browser, session.server.url);
  await page.setInputFiles("#folder-input", MANY);
  await page.waitForSelector(".package");
  await openFixTab(page);
  // Safe fixes are ticked, the unsafe RC010 is not.
  const ticks = await page.$$eval(".fix-item", (items) =>
    items.map((li) => `${li.dataset.code}:${li.querySelector("input").checked}`),
  );
  assert.deepEqual(ticks, ["RC010:false", "RC012:true", "RANGE001:true"]);
  assert.match(await page.textContent(".fix-file-applied"), /^2 fixes applied/);
  await page.check('.fix-item[data-code="RC010"] input');
  await page.waitForFunction(() => /^4 fixes applied in 2 passes/.test(document.querySelector(".fix-file-applied")?.textContent ?? ""));
  assert.match(await page.textContent(".fix-later"), /RC021/);
  assert.match(await page.textContent(".fix-recheck"), /0 errors, 0 warnings, 0 info/);
  // The diff shows both files, with the renamed key and the copied metadata.
  assert.deepEqual(await page.$$eval(".diff", (ds) => ds.map((d) => d.dataset.path)), ["Chart.yaml", "values.yaml"]);
  const added = await page.$$eval('.diff[data-path="values.yaml"] .dl-added code', (cs) => cs.map((c) => c.textContent));
  assert.ok(added.includes('    catalog.cattle.io/ui-extensions-version: ">= 3.0.0 < 4.0.0"'), added.join("\n"));
  const { path, name } = await download(page);
  assert.equal(name, "demo-0.1.0.tgz");
  const cli = extcheck("check", path, "--format", "json");
  assert.equal(cli.status, 0, cli.stderr);
  const report = JSON.parse(cli.stdout);
  assert.equal(report.packages[0].kind, "rancher-chart");
  assert.deepEqual(report.packages[0].diagnostics, []);
  // Re-checking in place replaces the report with the corrected package's.
  await page.click(".fix-actions button:not(.primary)");
  await page.waitForFunction(() => document.querySelector(".package .source")?.textContent.includes("demo-0.1.0.tgz"));
  assert.equal(await page.textContent(".all-clear"), "✓ No problems found.");
  assertClean(problems, external);
  await context.close();
});

test("the cert-manager source folder downloads as the package ksbuilder made", async () => {
  const { page, context, problems, external } = await openPage(session.browser, session.server.url);
  await page.setInputFiles("#folder-input", join(CORPUS, "kubesphere/source/cert-manager"));
  await page.waitForSelector(".package");
  await openFixTab(page);
  assert.match(await page.textContent(".fix-layout"), /ksbuilder package/);
  const { path, name } = await download(page);
  assert.equal(name, "cert-manager-1.0.0.tgz");
  const packaged = join(CORPUS, "kubesphere/packaged/cert-manager-1.0.0.tgz");
  const list = (tgz) => execFileSync("tar", ["tzf", tgz], { encoding: "utf8" });
  assert.equal(list(path), list(packaged), "same entries in the same order");
  const chart = (tgz) => execFileSync("tar", ["xzOf", tgz, "cert-manager/Chart.yaml"]);
  assert.ok(chart(path).equals(chart(packaged)), "Chart.yaml is byte-identical");
  const cli = extcheck("check", path, "--format", "json");
  assert.equal(cli.status, 0, cli.stderr);
  assert.equal(JSON.parse(cli.stdout).packages[0].kind, "kubesphere");
  assertClean(problems, external);
  await context.close();
});
