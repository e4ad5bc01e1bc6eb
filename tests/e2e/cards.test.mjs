// End-to-end: the "Marketplace card" tab on real corpus packages chosen in the real page
// (release build in dist/), in headless Chromium. Run with `node --test tests/e2e/` after
// `trunk build --release`. Expected texts come from the packages themselves and from the core's
// card tests (crates/core/tests/cards.rs).
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { CORPUS, openPage, useBrowser } from "./lib.mjs";

const session = useBrowser(undefined, "/tools/extcheck/");

function assertClean(problems, external) {
  assert.deepEqual(problems, [], "console errors or page errors (CSP violations show here)");
  assert.deepEqual(external, [], "requests that left the machine");
}

/** Chooses a corpus file (or folder) and opens its "Marketplace card" tab. */
async function openCards(page, rel, { folder = false, kind } = {}) {
  await page.setInputFiles(folder ? "#folder-input" : "#file-input", join(CORPUS, rel));
  await page.waitForSelector(kind ? `.package[data-kind="${kind}"]` : ".package");
  await page.click('.tab[data-tab="cards"]');
  await page.waitForSelector(".cards-main > *");
}

const text = async (page, selector) => (await page.textContent(selector)).trim();

/** The KubeSphere card and detail page of the language shown (both are drawn; one is hidden). */
const CARD = ".ks-stage:not([hidden]) .ks-card";
const DETAIL = ".ks-detail-lang:not([hidden])";

/** Every `<img>` source in the cards panel. */
const imageSources = (page) => page.$$eval(".cards img", (imgs) => imgs.map((i) => i.getAttribute("src")));

test("KubeSphere card of cert-manager-1.0.0.tgz in English and Chinese, with its detail page", async () => {
  const { page, context, problems, external } = await openPage(session.browser, session.server.url, { locale: "en-US" });
  await openCards(page, "kubesphere/packaged/cert-manager-1.0.0.tgz");
  // English: the browser's language.
  assert.equal(await page.isChecked('.lang-switch input[value="en"]'), true);
  assert.equal(await text(page, `${CARD} .ks-title`), "cert-manager");
  assert.equal(await text(page, `${CARD} .ks-by`), "by QingCloud Technologies");
  assert.equal(await page.getAttribute(`${CARD} .ks-by`, "title"), "QingCloud Technologies");
  assert.match(await text(page, `${CARD} .ks-desc`), /^cert-manager creates TLS certificates/);
  assert.equal(await text(page, `${CARD} .ks-category`), "Security");
  // The icon is the archive's static/favicon.svg, through a blob: URL, and it decodes.
  const icon = page.locator(`${CARD} .ks-icon img`);
  assert.match(await icon.getAttribute("src"), /^blob:/);
  assert.equal(await icon.getAttribute("alt"), "Icon of cert-manager");
  await page.waitForFunction((selector) => document.querySelector(selector)?.naturalWidth > 0, `${CARD} .ks-icon img`);
  // The detail page in English.
  assert.equal(await text(page, `${DETAIL} .ks-overview .file-source code`), "README.md");
  assert.match(await text(page, `${DETAIL} .ks-overview .markdown`), /cert-manager/);
  const info = async (label) =>
    (await page.locator(`${DETAIL} .ks-basic-info .info-row`, { has: page.locator(`dt:text-is("${label}")`) }).locator("dd").textContent()).trim();
  assert.equal(await info("Kubernetes version"), ">=1.22.0-0");
  assert.equal(await info("KubeSphere version"), ">=4.0.0-0");
  assert.equal(await info("Installation mode"), "Multicluster");
  assert.equal(await info("Homepage"), "https://cert-manager.io/");
  assert.equal(await info("Repositories"), "https://github.com/kubesphere");
  assert.match(await info("Provider"), /^QingCloud Technologies/);

  // Chinese, chosen with the switch.
  await page.click('.lang-switch label:has(input[value="zh"])');
  assert.equal(await page.isChecked('.lang-switch input[value="zh"]'), true);
  assert.equal(await text(page, `${CARD} .ks-title`), "cert-manager");
  assert.equal(await text(page, `${CARD} .ks-by`), "来自 北京青云科技股份有限公司");
  assert.equal(await text(page, `${CARD} .ks-desc`), "cert-manager 可以为您集群中的 workload 自动创建和更新证书");
  assert.equal(await text(page, `${CARD} .ks-category`), "安全");
  assert.equal(await page.getAttribute(CARD, "lang"), "zh");
  assert.equal(await text(page, `${DETAIL} .ks-overview .file-source code`), "README_zh.md");
  assert.match(await info("Provider"), /^北京青云科技股份有限公司/);
  // The detail page's tabs: Changelog and Permission requirements, by keyboard too.
  await page.click(`${DETAIL} .subtab[data-tab="changelog"]`);
  assert.equal(await page.isVisible(`${DETAIL} .ks-overview`), false);
  assert.match(await text(page, `${DETAIL} .ks-tabpanel:not([hidden]) .file-source`), /CHANGELOG_zh\.md/);
  await page.focus(`${DETAIL} .subtab[data-tab="changelog"]`);
  await page.keyboard.press("ArrowRight");
  assert.equal(await page.getAttribute(`${DETAIL} .subtab[data-tab="permissions"]`, "aria-selected"), "true");
  assert.match(await text(page, `${DETAIL} .ks-tabpanel:not([hidden]) .permissions`), /kind:/);

  // Back to English with the keyboard: the radios are real and labelled.
  await page.focus('.lang-switch input[value="zh"]');
  await page.keyboard.press("ArrowLeft");
  assert.equal(await text(page, `${CARD} .ks-by`), "by QingCloud Technologies");
  assert.equal(await text(page, ".lang-switch legend"), "Console language");

  // The checklist: a symbol and a word for each status.
  const item = (id) => page.locator(`.check-item[data-item="${id}"]`);
  assert.match(await item("icon").getAttribute("class"), /check-provided/);
  assert.equal(await item("icon").locator(".check-symbol").textContent(), "✓");
  assert.equal(await item("icon").locator(".check-status").textContent(), "Provided");
  assert.equal(await item("docs").locator(".check-status").textContent(), "Missing");
  assert.equal(await item("docs").locator(".check-symbol").textContent(), "✗");

  // Images come only from the package.
  for (const src of await imageSources(page)) assert.match(src, /^(blob|data):/);
  assertClean(problems, external);

  // The blob: URLs are revoked when the package's view goes (here: another package is chosen).
  const blob = await icon.getAttribute("src");
  const loads = (url) =>
    page.evaluate(
      (url) => new Promise((ok) => { const i = new Image(); i.onload = () => ok(true); i.onerror = () => ok(false); i.src = url; }),
      url,
    );
  assert.equal(await loads(blob), true, "the icon's blob: URL loads while its view is shown");
  await page.setInputFiles("#file-input", join(CORPUS, "rancher/charts/clock-0.3.3.tgz"));
  await page.waitForFunction(() => document.querySelector(".package-title")?.textContent.includes("clock"));
  assert.equal(await loads(blob), false, "the old icon's blob: URL was revoked");
  await context.close();
});

test("a Chinese browser starts the KubeSphere card in Chinese", async () => {
  const { page, context, problems, external } = await openPage(session.browser, session.server.url, { locale: "zh-CN" });
  await openCards(page, "kubesphere/packaged/cert-manager-1.0.0.tgz");
  assert.equal(await page.isChecked('.lang-switch input[value="zh"]'), true);
  assert.equal(await text(page, `${CARD} .ks-by`), "来自 北京青云科技股份有限公司");
  // The page is in Chinese too in this browser (its own language, not the card's).
  assert.match(await text(page, ".ks-preview .hint"), /navigator\.language 为 zh-CN，读作 zh/);
  assertClean(problems, external);
  await context.close();
});

test("Rancher card of kubewarden-4.2.1.tgz in both layouts; its remote icon is not fetched", async () => {
  const { page, context, problems, external } = await openPage(session.browser, session.server.url);
  await openCards(page, "rancher/charts/kubewarden-4.2.1.tgz");
  for (const layout of ["rc-inline", "rc-item"]) {
    assert.equal(await text(page, `.${layout} .rc-name`), "kubewarden");
    assert.equal(await text(page, `.${layout} .rc-version`), "4.2.1");
    assert.equal(await text(page, `.${layout} .rc-desc`), "Kubewarden extension for Rancher Manager");
    // `certified: rancher`: no Third-Party tag.
    assert.equal(await page.locator(`.${layout} .rc-tag`).count(), 0);
  }
  // The icon is an https URL: a placeholder, the URL as text, no <img>, no request.
  assert.equal(await page.locator(".rc-card img").count(), 0);
  assert.equal(await page.locator(".rc-item .rc-icon .icon-remote").count(), 1);
  assert.match(
    await text(page, ".rc-preview .card-notes"),
    /https:\/\/raw\.githubusercontent\.com\/rancher\/kubewarden-ui\/main\/pkg\/kubewarden\/assets\/icon-kubewarden\.svg: Rancher would load this URL/,
  );
  // The newest line is chosen first: the item card, installable.
  assert.equal(await page.inputValue(".rc-line"), "2.15");
  assert.deepEqual(
    await page.$$eval(".rc-line option", (os) => os.map((o) => o.value)),
    ["2.15", "2.14", "2.13", "2.12", "2.11", "2.10", "2.9", "2.8", "2.7"],
  );
  assert.equal(await page.getAttribute('.rc-layout[data-layout="item-card"]', "class"), "rc-layout active");
  assert.match(await text(page, ".rc-status .facts"), /✓ Card listed\s*✓ Install offered/);
  assert.equal(await text(page, ".rc-item .rc-actions"), "Install");
  // On 2.12 the inline layout carries the status.
  await page.selectOption(".rc-line", "2.12");
  assert.equal(await page.getAttribute('.rc-layout[data-layout="inline"]', "class"), "rc-layout active");
  assert.match(await text(page, '.rc-layout[data-layout="inline"] figcaption'), /As on Rancher 2\.12/);
  assert.equal(await page.locator(".rc-status-message").count(), 0);
  // The checklist.
  assert.equal(await page.locator('.check-item[data-item="display-name"] .check-status').textContent(), "Missing");
  assertClean(problems, external);
  await context.close();
});

test("clock-0.1.0 on Rancher 2.10: the incompatibility message, tooltip and failing checks", async () => {
  const { page, context, problems, external } = await openPage(session.browser, session.server.url);
  await openCards(page, "rancher/charts/clock-0.1.0.tgz");
  await page.selectOption(".rc-line", "2.10");
  const message =
    "The latest version of this extension (0.1.0) is not compatible with the current Rancher version (>= 2.7.0 < 2.10.0).";
  assert.equal(await text(page, ".rc-status .rc-message-text"), message);
  assert.equal(await text(page, ".rc-status .rc-status-tooltip q"), "Requires Rancher >= 2.7.0 < 2.10.0");
  assert.match(await text(page, ".rc-status .facts"), /✗ Card not listed\s*✗ Install not offered/);
  assert.match(await text(page, ".rc-status .rc-evaluated"), /Rancher 2\.10\.12, local cluster Kubernetes v1\.31\.0 · inline card/);
  assert.deepEqual(
    await page.$$eval(".incompatibilities > li > code:first-child", (cs) => cs.map((c) => c.textContent)),
    ["catalog.cattle.io/rancher-version", "catalog.cattle.io/ui-extensions-version"],
  );
  assert.match(await text(page, ".rc-status .rc-note"), /removes this chart version from the repository index/);
  // The ≤ 2.12 card shows the grey paragraph; the item card is not this line's.
  assert.equal(await text(page, ".rc-inline .rc-incompatible"), message);
  assert.equal(await page.locator(".rc-item .rc-alert:not([hidden])").count(), 0);
  assert.match(await text(page, '.rc-layout[data-layout="inline"] figcaption'), /✗ Not listed on Rancher 2\.10/);
  // On 2.9 its ranges admit it.
  await page.selectOption(".rc-line", "2.9");
  assert.match(await text(page, ".rc-status .facts"), /✓ Card listed\s*✓ Install offered/);
  assert.equal(await page.locator(".rc-status-message").count(), 0);
  // On 2.15 the item card's red status icon carries the message as its tooltip.
  await page.selectOption(".rc-line", "2.15");
  assert.match(await page.getAttribute(".rc-item .rc-alert:not([hidden])", "title"), /^The latest version of this extension \(0\.1\.0\)/);
  assertClean(problems, external);
  await context.close();
});

test("rancher-ai-ui: Prime only tag on the item card, Install on Rancher Prime only", async () => {
  const { page, context, problems, external } = await openPage(session.browser, session.server.url);
  await openCards(page, "rancher/charts/rancher-ai-ui-1.0.1.tgz");
  await page.selectOption(".rc-line", "2.13");
  assert.equal(await text(page, ".rc-item .rc-name"), "AI Assistant");
  assert.deepEqual(await page.$$eval(".rc-item .rc-tag", (ts) => ts.map((t) => t.textContent)), ["Prime only"]);
  assert.equal(await page.locator(".rc-inline .rc-tag").count(), 0);
  assert.match(await text(page, ".rc-status .facts"), /! Install offered on Rancher Prime only/);
  assert.equal(
    await text(page, ".rc-status .rc-message-text"),
    "The latest version of this extension (1.0.1) needs Rancher Prime in order to be installed.",
  );
  assertClean(problems, external);
  await context.close();
});

test("a package.json without an icon gets Rancher's generic icon, drawn by extcheck", async () => {
  const { page, context, problems, external } = await openPage(session.browser, session.server.url);
  await openCards(page, "rancher/source/node-driver", { folder: true });
  assert.equal(await text(page, ".rc-item .rc-name"), "OpenStack Node Driver UI");
  assert.equal(await page.getAttribute(".rc-item .rc-icon .icon-placeholder", "aria-label"), "Rancher's generic extension icon");
  assert.match(await text(page, ".rc-preview .card-notes"), /No icon: Rancher shows its generic extension icon/);
  assertClean(problems, external);
  await context.close();
});

test("plugin archives and plain Helm charts have no card: an explanation instead", async () => {
  const { page, context, problems, external } = await openPage(session.browser, session.server.url);
  await openCards(page, "rancher/plugin/extension-crd-0.2.5.tgz");
  assert.match(await text(page, ".no-card"), /plugin archive .* has no card of its own/);
  assert.equal(await page.locator(".checklist").count(), 0);
  await openCards(page, "kubesphere/source/hello-world/charts/frontend", { folder: true, kind: "helm-chart" });
  assert.match(await text(page, ".no-card"), /A plain Helm chart has no marketplace card/);
  assertClean(problems, external);
  await context.close();
});
