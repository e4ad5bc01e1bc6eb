// End-to-end: an `extcheck.toml` inside a chosen folder applies on the page as the CLI applies
// it on disk (the nearest one at or above each package): an ignored finding is folded with its
// reason, a severity override re-grades a finding, and a malformed file is reported as SUP002
// naming the file, the line and the key. Run with `node --test tests/e2e/` after
// `trunk build --release`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT, openPage, useBrowser } from "./lib.mjs";

const session = useBrowser();

/** A folder `project/` holding `extcheck.toml` (with `config`) and, in `demo/`, the RANGE003
 * fixture: a KubeSphere extension with one RANGE003 and one RANGE004 warning. */
async function project(config) {
  const dir = await mkdtemp(join(tmpdir(), "extcheck-e2e-config-"));
  const root = join(dir, "project");
  await mkdir(root);
  await cp(join(ROOT, "crates/core/tests/fixtures/RANGE003/input"), join(root, "demo"), { recursive: true });
  await writeFile(join(root, "extcheck.toml"), config);
  return { dir, root };
}

/** The diagnostics shown, as `CODE:severity` strings, in page order. */
async function shown(page) {
  return page.$$eval(".diagnostic", (items) =>
    items.map((li) => `${li.dataset.code}:${[...li.classList].find((c) => c.startsWith("sev-")).slice(4)}`),
  );
}

test("a dropped folder's extcheck.toml folds an ignored finding with its reason and re-grades another", async () => {
  const { dir, root } = await project('ignore = ["RANGE004"]\n\n[severity]\nRANGE003 = "error"\n');
  const { page, context, problems } = await openPage(session.browser, session.server.url);
  await page.setInputFiles("#folder-input", root);
  await page.waitForSelector(".diagnostic");
  // Without the file the page shows two warnings (RANGE003, RANGE004).
  assert.deepEqual(await shown(page), ["RANGE003:error"]);
  assert.equal(await page.textContent(".package details.suppressed summary"), "1 suppressed finding");
  const folded = await page.textContent(".package details.suppressed li");
  assert.match(folded, /warning\[RANGE004\] extension\.yaml:17/);
  assert.match(folded, /Suppressed by project\/extcheck\.toml: ignore = \["RANGE004"\]/);
  assert.deepEqual(problems, []);
  await context.close();
  await rm(dir, { recursive: true });
});

test("a malformed extcheck.toml in a dropped folder is SUP002 naming file, line and key", async () => {
  const { dir, root } = await project('ignore = ["RANGE004"]\n\n[severity]\nKS999 = "error"\n');
  const { page, context, problems } = await openPage(session.browser, session.server.url);
  await page.setInputFiles("#folder-input", root);
  await page.waitForSelector(".diagnostic");
  // The package is checked without the file: nothing ignored.
  assert.deepEqual(await shown(page), ["SUP002:warning", "RANGE003:warning", "RANGE004:warning"]);
  assert.match(
    await page.textContent('.diagnostic[data-code="SUP002"]'),
    /extcheck\.toml cannot be used: project\/extcheck\.toml:4:1: key severity\.KS999: no rule KS999/,
  );
  assert.deepEqual(problems, []);
  await context.close();
  await rm(dir, { recursive: true });
});

test("an inline `# extcheck:ignore` is folded with its reason; an unused one is SUP001", async () => {
  const { page, context, problems } = await openPage(session.browser, session.server.url);
  await page.setInputFiles("#folder-input", join(ROOT, "crates/core/tests/fixtures/SUP001/input"));
  await page.waitForSelector(".diagnostic");
  assert.deepEqual(await shown(page), ["SUP001:warning", "SUP001:warning", "SUP001:warning"]);
  assert.equal(await page.textContent(".package details.suppressed summary"), "1 suppressed finding");
  const folded = await page.textContent(".package details.suppressed li");
  assert.match(folded, /warning\[HELM002\] Chart\.yaml:13/);
  assert.match(folded, /Suppressed by `# extcheck:ignore HELM002` in Chart\.yaml/);
  assert.deepEqual(problems, []);
  await context.close();
});
