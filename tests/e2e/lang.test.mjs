// End-to-end: the page in Simplified Chinese. A zh-CN browser gets the page's chrome and a
// dropped corpus package's diagnostics in Chinese; the header's language switch goes to English
// and back at once, with the report kept (the worker re-renders the session it keeps: same
// diagnostics, no re-drop); the choice is remembered over the browser's language after a reload.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { CORPUS, dragFromDisk, openPage, useBrowser } from "./lib.mjs";

const session = useBrowser();
const CJK = /[\u4e00-\u9fff]/;
const SWITCH = '[data-testid="lang-switch"]';

/** Every diagnostic's code and message, in report order. */
const diagnostics = (page) =>
  page.$$eval(".package .diagnostic", (items) =>
    items.map((d) => [d.dataset.code, d.querySelector(".message").textContent]),
  );

test("a zh-CN browser shows the page and the diagnostics in Chinese; the switch keeps the report and is remembered", async () => {
  const { page, context, problems, external } = await openPage(session.browser, session.server.url, { locale: "zh-CN" });
  assert.equal(await page.getAttribute("html", "lang"), "zh-CN");
  assert.equal(await page.inputValue(SWITCH), "zh-CN");
  assert.equal(await page.textContent("#drop-title"), "把包拖到这里");
  assert.equal(await page.textContent('nav a[href="#/"]'), "检查");
  assert.equal(await page.title(), "extcheck — 提交之前检查 KubeSphere 和 Rancher 扩展");
  // The switch is a labelled control in the header.
  assert.equal(await page.getByRole("combobox", { name: "语言" }).getAttribute("data-testid"), "lang-switch");

  const input = "metrics-server-0.7.1.tgz";
  await dragFromDisk(page, context, [join(CORPUS, "kubesphere/packaged", input)]);
  await page.waitForSelector(".package .diagnostic");
  const zh = await diagnostics(page);
  assert.ok(zh.length > 0);
  for (const [code, message] of zh) assert.match(message, CJK, `${code}: ${message}`);
  assert.match(await page.textContent(".status .outcome"), /^已检查 1 个包：/);
  assert.equal(await page.textContent('.package .tab[data-tab="report"]'), "报告");
  assert.match(await page.textContent(".package .help-label"), /^帮助/);

  // To English: the same diagnostics, in English, without dropping again.
  await page.selectOption(SWITCH, "en");
  await page.waitForFunction(() => document.querySelector("#drop-title")?.textContent === "Drop a package here");
  await page.waitForFunction(
    (cjk) => [...document.querySelectorAll(".package .diagnostic .message")].every((m) => !new RegExp(cjk).test(m.textContent)),
    CJK.source,
  );
  assert.equal(await page.getAttribute("html", "lang"), "en");
  const en = await diagnostics(page);
  assert.deepEqual(en.map(([code]) => code), zh.map(([code]) => code));
  assert.notDeepEqual(en, zh);
  assert.match(await page.textContent(".status .outcome"), /^Checked 1 package: /);
  assert.ok((await page.textContent(".package .source")).startsWith(input));

  // And back: the Chinese messages are what they were.
  await page.selectOption(SWITCH, "zh-CN");
  await page.waitForFunction(
    (cjk) => [...document.querySelectorAll(".package .diagnostic .message")].some((m) => new RegExp(cjk).test(m.textContent)),
    CJK.source,
  );
  assert.deepEqual(await diagnostics(page), zh);
  await page.click('.package .tab[data-tab="compatibility"]');
  assert.equal(await page.textContent(".matrix .cell-detail .hint"), "指向、聚焦或点击一个单元格，查看每道关卡及其理由。");
  await page.click('.package .tab[data-tab="fix"]');
  await page.waitForSelector(".fix-summary");
  assert.equal(await page.textContent(".fix-heading"), "修复");

  // English chosen in a Chinese browser: remembered after a reload.
  await page.selectOption(SWITCH, "en");
  await page.reload();
  await page.waitForSelector(".topbar");
  assert.equal(await page.inputValue(SWITCH), "en");
  assert.equal(await page.getAttribute("html", "lang"), "en");
  assert.equal(await page.textContent("#drop-title"), "Drop a package here");
  // The rules page shows the Chinese docs once Chinese is chosen again.
  await page.selectOption(SWITCH, "zh-CN");
  await page.goto(session.server.url + "#/rules/KS001");
  await page.waitForSelector("#rule-KS001");
  assert.match(await page.textContent("#rule-KS001"), /检查内容/);
  assert.deepEqual(problems, []);
  assert.deepEqual(external, []);
  await context.close();
});
