// End-to-end: the report exports in headless Chromium. A real package goes in; the JSON, SARIF
// and Markdown files downloaded from the page are byte-identical to what the native CLI prints
// for the same input, the SARIF log is valid against the OASIS SARIF 2.1.0 schema (the copy
// serde-sarif generates its model from), and "Copy Markdown" puts the Markdown on the clipboard.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { CORPUS, ROOT, openPage, useBrowser } from "./lib.mjs";

const session = useBrowser();
let dir;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), "extcheck-export-"));
});
after(async () => {
  if (dir) await rm(dir, { recursive: true });
});

/** The SARIF 2.1.0 JSON schema shipped in the serde-sarif crate the core builds with. */
async function sarifSchema() {
  const metadata = JSON.parse(
    execFileSync("cargo", ["metadata", "--format-version", "1", "--locked", "--offline"], {
      cwd: ROOT,
      encoding: "utf8",
      maxBuffer: 64 << 20,
    }),
  );
  const crate = metadata.packages.find((p) => p.name === "serde-sarif");
  assert.ok(crate, "serde-sarif is a dependency of extcheck-core");
  return JSON.parse(await readFile(join(dirname(crate.manifest_path), "src/schema.json"), "utf8"));
}

/** Runs the native CLI in `cwd`, so that the input is named as the page names it. */
function extcheck(cwd, ...args) {
  const manifest = join(ROOT, "Cargo.toml");
  return spawnSync("cargo", ["run", "--quiet", "--manifest-path", manifest, "-p", "extcheck", "--", ...args], {
    cwd,
    encoding: "utf8",
    maxBuffer: 256 << 20, // the JSON reports of the whole corpus (with matrices) pass 1 MiB
  });
}

async function download(page, selector) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.click(selector)]);
  const path = join(dir, file.suggestedFilename());
  await file.saveAs(path);
  return { name: file.suggestedFilename(), text: await readFile(path, "utf8") };
}

test("the report downloads as JSON, SARIF and Markdown, identical to the CLI's, and the SARIF is schema-valid", async () => {
  const charts = join(CORPUS, "rancher/charts");
  const { page, context, problems, external } = await openPage(session.browser, session.server.url);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.setInputFiles("#file-input", join(charts, "clock-0.1.0.tgz"));
  await page.waitForSelector(".exports");
  assert.equal(await page.getAttribute(".exports", "aria-label"), "Export the report");

  const formats = [
    ["json", "extcheck-clock-0.1.0.json"],
    ["sarif", "extcheck-clock-0.1.0.sarif"],
    ["markdown", "extcheck-clock-0.1.0.md"],
  ];
  const files = {};
  for (const [format, expected] of formats) {
    const ext = expected.split(".").pop();
    const { name, text } = await download(page, `.exports button[data-export="${ext}"]`);
    assert.equal(name, expected);
    const cli = extcheck(charts, "check", "clock-0.1.0.tgz", "--format", format);
    // No error: clock-0.1.0's own rancher-version excludes Rancher 2.10, so RC010 is a warning.
    assert.equal(cli.status, 0, cli.stderr);
    assert.equal(text, cli.stdout, `${format}: the page's export differs from the CLI's`);
    files[format] = text;
  }
  assert.match(await page.textContent(".exports-note"), /^Saved extcheck-clock-0\.1\.0\.md \(/);

  // SARIF: valid against the official schema, one result per diagnostic, nested in the archive.
  // The schema's `language` pattern has a stray `]`, which only non-Unicode regular expressions
  // accept (as JSON Schema draft-07's ECMA-262 dialect does).
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(await sarifSchema());
  const log = JSON.parse(files.sarif);
  assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
  assert.ok(!validate({ ...log, version: "2.0.0" }), "the validator rejects a wrong version");
  const report = JSON.parse(files.json);
  const codes = report.packages[0].diagnostics.map((d) => d.code);
  assert.deepEqual(log.runs[0].results.map((r) => r.ruleId), codes);
  assert.deepEqual(codes, ["RC010", "RC025", "RANGE003", "RANGE004", "RANGE005"]);
  const [archive, chart] = log.runs[0].artifacts;
  assert.equal(archive.location.uri, "clock-0.1.0.tgz");
  assert.deepEqual(chart, { location: { uri: "clock/Chart.yaml" }, parentIndex: 0 });

  // Markdown: the table, and the clipboard copy of the same text.
  assert.match(files.markdown, /\| warning \| `RC010` \| `clock-0\.1\.0\.tgz!\/clock\/Chart\.yaml:1:1` \|/);
  await page.click('.exports button[data-export="copy-markdown"]');
  await page.waitForFunction(() => /^Markdown copied/.test(document.querySelector(".exports-note")?.textContent ?? ""));
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), files.markdown);

  // Keyboard: the export buttons are reachable and work with Enter.
  await page.focus('.exports button[data-export="json"]');
  const [viaKeyboard] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
  assert.equal(viaKeyboard.suggestedFilename(), "extcheck-clock-0.1.0.json");

  assert.deepEqual(problems, [], "console errors or page errors");
  assert.deepEqual(external, [], "requests that left the machine");
  await context.close();
});

test("the CLI's SARIF for the whole corpus at once is schema-valid", async () => {
  const inputs = ["kubesphere/packaged", "kubesphere/source", "rancher/charts", "rancher/plugin", "rancher/source", "rancher/charts-unpacked"]
    .flatMap((d) => readdirSync(join(CORPUS, d)).map((f) => join(CORPUS, d, f)));
  assert.ok(inputs.length >= 28, `${inputs.length} corpus inputs`);
  const cli = extcheck(ROOT, "check", "--format", "sarif", ...inputs);
  assert.equal(cli.status, 0, cli.stderr); // the corpus holds no error (see docs/rules.md RC010)
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(await sarifSchema());
  const log = JSON.parse(cli.stdout);
  assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
  const reports = JSON.parse(extcheck(ROOT, "check", "--format", "json", ...inputs).stdout);
  const diagnostics = reports.flatMap((r) => r.packages.flatMap((p) => p.diagnostics));
  assert.ok(diagnostics.length > 20, `${diagnostics.length} diagnostics`);
  assert.deepEqual(log.runs[0].results.map((r) => r.ruleId), diagnostics.map((d) => d.code));
});
