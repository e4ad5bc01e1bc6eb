// End-to-end: real corpus packages dropped into the real page (release build in dist/), in
// headless Chromium. Run with `node --test tests/e2e/` after `trunk build --release`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, basename } from "node:path";
import { CORPUS, ROOT, dragFromDisk, openPage, useBrowser } from "./lib.mjs";

// A sub-path proves the page works from any static-hosting prefix.
const session = useBrowser(undefined, "/tools/extcheck/");

/** Dispatches a real `drop` event carrying `files` (path on disk → File) on the drop zone. */
async function dropFiles(page, paths) {
  const files = await Promise.all(
    paths.map(async (p) => ({ name: basename(p), bytes: [...(await readFile(p))] })),
  );
  await page.evaluate((files) => {
    const dt = new DataTransfer();
    for (const f of files) dt.items.add(new File([new Uint8Array(f.bytes)], f.name));
    const zone = document.querySelector(".dropzone");
    for (const type of ["dragenter", "dragover", "drop"]) {
      zone.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
    }
  }, files);
}


/** The diagnostics shown, as `CODE@file:line:col` strings, in page order. */
async function shown(page) {
  return page.$$eval(".diagnostic", (items) => items.map((li) => `${li.dataset.code}@${li.dataset.line}`));
}

async function packageTitles(page) {
  return page.$$eval(".package-title", (hs) => hs.map((h) => h.textContent.trim()));
}

function assertClean(problems, external) {
  assert.deepEqual(problems, [], "console errors or page errors (CSP violations show here)");
  assert.deepEqual(external, [], "requests that left the machine");
}

test("dropping the KubeSphere devops-1.1.3.tgz shows its report", async () => {
  const { page, context, problems, external } = await openPage(session.browser, session.server.url);
  await dropFiles(page, [join(CORPUS, "kubesphere/packaged/devops-1.1.3.tgz")]);
  await page.waitForSelector(".package");
  assert.deepEqual(await packageTitles(page), ["devops 1.1.3"]);
  assert.equal(await page.textContent(".package .kind"), "KubeSphere extension");
  assert.match(await page.textContent(".package .source"), /devops-1\.1\.3\.tgz → devops\//);
  assert.match(await page.textContent(".status"), /Checked 1 package/);
  assertClean(problems, external);
  await context.close();
});

test("dragging the hello-world source folder onto the page shows its report", async () => {
  const { page, context, problems, external } = await openPage(session.browser, session.server.url);
  await dragFromDisk(page, context, [join(CORPUS, "kubesphere/source/hello-world")]);
  await page.waitForSelector(".package");
  assert.deepEqual(await packageTitles(page), ["hello-world 0.1.0"]);
  assert.match(await page.textContent(".package .source"), /^hello-world$/);
  assert.match(await page.textContent(".package .size"), /^11 files · /);
  assertClean(problems, external);
  await context.close();
});

test("a dropped folder is read past the browser's 100-entry batches", async () => {
  const dir = await mkdtemp(join(tmpdir(), "extcheck-e2e-"));
  await cp(join(CORPUS, "kubesphere/source/hello-world"), join(dir, "hello-world"), { recursive: true });
  await mkdir(join(dir, "hello-world/static/many"), { recursive: true });
  for (let i = 0; i < 250; i++) await writeFile(join(dir, `hello-world/static/many/${i}.txt`), `${i}\n`);
  const { page, context, problems, external } = await openPage(session.browser, session.server.url);
  await dragFromDisk(page, context, [join(dir, "hello-world")]);
  await page.waitForSelector(".package");
  assert.match(await page.textContent(".package .size"), /^261 files · /);
  assertClean(problems, external);
  await context.close();
  await rm(dir, { recursive: true });
});

test("choosing the hello-world source folder shows its report", async () => {
  const { page, context, problems, external } = await openPage(session.browser, session.server.url);
  await page.setInputFiles("#folder-input", join(CORPUS, "kubesphere/source/hello-world"));
  await page.waitForSelector(".package");
  assert.deepEqual(await packageTitles(page), ["hello-world 0.1.0"]);
  assert.equal(await page.textContent(".package .kind"), "KubeSphere extension");
  assertClean(problems, external);
  await context.close();
});

test("dropping a Rancher chart shows its diagnostics at file:line:col with the source line", async () => {
  const { page, context, problems, external } = await openPage(session.browser, session.server.url);
  await dropFiles(page, [join(CORPUS, "rancher/charts/clock-0.1.0.tgz")]);
  await page.waitForSelector(".diagnostic");
  assert.deepEqual(await shown(page), [
    "RC010@Chart.yaml:1:1",
    "RC025@Chart.yaml:1:1",
    "RANGE003@Chart.yaml:3:35",
    "RANGE004@Chart.yaml:3:35",
    "RANGE005@Chart.yaml:7:38",
  ]);
  assert.equal(await page.textContent(".diagnostic .snippet mark"), "annotations");
  assert.equal(await page.getAttribute(".diagnostic a.code", "href"), "#/rules/RC010");
  assertClean(problems, external);
  await context.close();
});

test("a broken KubeSphere package: codes, file:line, grouping and the severity filter", async () => {
  const { page, context, problems, external } = await openPage(session.browser, session.server.url);
  const fixtures = join(ROOT, "crates/core/tests/fixtures");
  await page.setInputFiles("#folder-input", join(fixtures, "SYN004/input"));
  await page.waitForSelector(".diagnostic");
  assert.deepEqual(await shown(page), ["SYN004@extension.yaml:3:10"]);
  assert.equal(await page.textContent(".file-group .file-path"), "extension.yaml");
  // Hide errors: nothing left to show; show them again.
  await page.click(".sev-toggle.sev-error");
  assert.equal(await page.$$eval(".diagnostic", (d) => d.length), 0);
  assert.match(await page.textContent(".package"), /Nothing to show with this filter/);
  await page.click(".sev-toggle.sev-error");
  assert.equal(await page.$$eval(".diagnostic", (d) => d.length), 1);
  assertClean(problems, external);
  await context.close();
});

test("hostile input: a zip renamed to .tgz gets PKG001, not a crash", async () => {
  const { page, context, problems, external } = await openPage(session.browser, session.server.url);
  await page.setInputFiles("#file-input", join(ROOT, "crates/core/tests/fixtures/PKG001/input.tgz"));
  await page.waitForSelector(".diagnostic");
  assert.deepEqual(await shown(page), ["PKG001@"]);
  assert.match(await page.textContent(".diagnostic .message"), /zip archive/);
  assertClean(problems, external);
  await context.close();
});

test("examples, the rules page and keyboard use", async () => {
  const { page, context, problems, external } = await openPage(session.browser, session.server.url);
  await page.selectOption("#example", "hello-world");
  await page.waitForSelector(".package");
  assert.deepEqual(await packageTitles(page), ["hello-world 0.1.0"]);
  await page.selectOption("#example", "kubewarden-4.2.1");
  await page.waitForFunction(() => document.querySelector(".package-title")?.textContent.includes("kubewarden"));
  // The file picker button is reachable and labelled.
  await page.focus("text=Choose file…");
  assert.equal(await page.evaluate(() => document.activeElement.textContent), "Choose file…");
  await page.goto(`${session.server.url}#/rules/RC010`);
  await page.waitForSelector("#rule-RC010.focused");
  assert.match(await page.textContent("#rule-RC010"), /ui-extensions-version/);
  assertClean(problems, external);
  await context.close();
});

test("the range playground judges as you type", async () => {
  const { page, context, problems, external } = await openPage(session.browser, `${session.server.url}#/range`);
  await page.waitForSelector(".judgements tbody tr");
  // The worker judges: wait until a component's verdict matches (it follows the inputs).
  const verdict = (component, pattern) =>
    page.waitForFunction(
      ([c, p]) =>
        [...document.querySelectorAll(".judgements tbody tr")].some(
          (r) => r.querySelector("th").textContent === c && new RegExp(p).test(r.querySelector(".verdict").textContent),
        ),
      [component, pattern],
      { timeout: 5000 },
    );
  await page.fill("#range-constraint", ">=1.19.0-0 <1.30.0");
  await page.fill("#range-version", "v1.28.3-gke.100");
  await verdict("KubeSphere server (ks-core recommended version)", "rejected");
  await verdict("Helm ≥ 3.19 at install", "accepted");
  await verdict("KubeSphere console", "accepted");
  assert.match(await page.textContent(".judgements"), /1\.28\.3-gke\.100 is a prerelease and comparator <1\.30\.0 has none/);
  await page.click(".suggestion button");
  assert.equal(await page.inputValue("#range-constraint"), ">=1.19.0-0 <1.30.0-0");
  await verdict("KubeSphere server (ks-core recommended version)", "accepted");
  await page.click("text=Comma range on Rancher");
  await verdict("Rancher Extensions page, 2.10+ (Gate B)", "invalid constraint");
  await page.waitForFunction(() => /Does not parse in node-semver 7\.5\.4/.test(document.querySelector(".portability")?.textContent ?? ""));
  assertClean(problems, external);
  await context.close();
});

test("a diagnostic's code opens its rule's explanation", async () => {
  const { page, context, problems, external } = await openPage(session.browser, session.server.url);
  await page.selectOption("#example", "clock-0.1.0");
  await page.click('.diagnostic[data-code="RC010"] a.code');
  await page.waitForSelector("#rule-RC010[open]");
  const text = await page.textContent("#rule-RC010");
  assert.match(text, /Why it matters/);
  assert.match(text, /How to fix/);
  assertClean(problems, external);
  await context.close();
});

test("the compatibility matrix: build switch, keyboard focus and gate reasons", async () => {
  const { page, context, problems, external } = await openPage(session.browser, session.server.url);
  await page.setInputFiles("#folder-input", join(ROOT, "crates/core/tests/fixtures/RANGE003/input"));
  await page.waitForSelector(".package");
  await page.click('.tab[data-tab="compatibility"]');
  assert.match(await page.textContent(".matrix-summary"), /installable on KubeSphere 4\.1\.0–4\.2\.1 with Kubernetes 1\.21–1\.30; blocked on EKS by Helm at install/);
  const cell = (row, minor) => page.locator(".grid tbody tr", { hasText: row }).locator(`td:nth-child(${minor - 19 + 2}) button`);
  assert.equal((await cell("4.1.3", 28).textContent()).trim(), "✓");
  await page.check('input[value="eks"]');
  assert.equal((await cell("4.1.3", 28).textContent()).trim(), "✗");
  assert.match(await cell("4.1.3", 28).getAttribute("aria-label"), /KubeSphere 4\.1\.3 on Kubernetes 1\.28 \(EKS\): blocked by Helm at install/);
  await cell("4.1.3", 28).focus();
  assert.match(await page.textContent('.gate[data-gate="helm"]'), /chart requires kubeVersion: >=1\.19\.0 which is incompatible with Kubernetes v1\.28\.0-eks-2d98532/);
  assert.match(await page.textContent('.gate[data-gate="console"]'), /both constraints are satisfied/);
  // Keyboard: arrows move between the tabs.
  await page.focus('.tab[data-tab="compatibility"]');
  await page.keyboard.press("ArrowLeft");
  assert.equal(await page.getAttribute('.tab[data-tab="report"]', "aria-selected"), "true");
  assertClean(problems, external);
  await context.close();
});
