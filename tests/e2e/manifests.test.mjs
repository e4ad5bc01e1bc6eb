// End-to-end: the Manifests tab. A KubeSphere extension from the corpus renders in the checking
// worker as Helm renders it: the host release (metrics-server-0.7.1's chart is all agent, so
// Helm renders nothing for the host), the agent release with the Deployment's image from the chart's
// values, the values editor re-rendering as you type (a new registry reaches the image; values
// that break a template show Helm's message at template:line:col), and the Kubernetes select.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { CORPUS, openPage, useBrowser } from "./lib.mjs";

const session = useBrowser();
const DEPLOYMENT = "charts/metrics-server/templates/deployment.yaml";

test("Manifests: host and agent releases, values edited as you type, render errors located, Kubernetes versions", async () => {
  const { page, context, problems } = await openPage(session.browser, session.server.url);
  await page.setInputFiles("#file-input", join(CORPUS, "kubesphere/packaged/metrics-server-0.7.1.tgz"));
  await page.waitForSelector(".package .tab[data-tab='manifests']");
  await page.click(".package .tab[data-tab='manifests']");
  // Host release: metrics-server is tagged `agent`, so Helm renders nothing of it on the host.
  await page.waitForSelector(".manifests-empty");
  assert.equal(await page.$(".manifest-file"), null);
  // The chart's own values are in the editor.
  assert.match(await page.inputValue(".manifests-values textarea"), /repository: kubesphere\/metrics-server/);
  // KubeSphere v4's Kubernetes range, newest first and selected.
  const minors = await page.$$eval(".manifests-kube option", (os) => os.map((o) => o.textContent));
  assert.equal(minors[0], "1.30");
  assert.equal(minors.at(-1), "1.21");
  assert.equal(await page.$eval(".manifests-kube select", (s) => s.selectedOptions[0].textContent), "1.30");

  await page.selectOption(".manifests-release select", "agent");
  await page.waitForFunction((d) => [...document.querySelectorAll(".manifest-file")].some((b) => b.textContent === d), DEPLOYMENT);
  assert.equal(await page.$(".manifests-empty"), null);
  // Files a template left empty say so (pdb.yaml is off by default).
  assert.ok(await page.$(`.manifest-file:text-is("charts/metrics-server/templates/pdb.yaml (empty)")`));
  await page.click(`.manifest-file:text-is("${DEPLOYMENT}")`);
  await page.waitForFunction(() => document.querySelector(".manifest-text")?.textContent.includes("image: docker.io/kubesphere/metrics-server:v0.7.0"));

  // Typing re-renders (after a pause): a template that cannot range over a number fails at its line.
  await page.fill(".manifests-values textarea", "metrics-server:\n  args: 3\n");
  await page.waitForSelector(".render-error");
  const error = await page.textContent(".render-error");
  assert.ok(error.includes(`${DEPLOYMENT}:72:27`), error);
  assert.ok(error.includes("range can't iterate over 3"), error);

  await page.fill(".manifests-values textarea", "metrics-server:\n  image:\n    registry: r.example\n    repository: ms\n    tag: v1\n");
  await page.waitForFunction(() => !document.querySelector(".render-error") && document.querySelector(".manifest-text")?.textContent.includes("image: r.example/ms:v1"));

  // Another Kubernetes version renders again (still the edited values).
  await page.selectOption(".manifests-kube select", "21");
  await page.waitForFunction(() => document.querySelector(".manifests-kube select").selectedOptions[0].textContent === "1.21" && document.querySelector(".manifests-status").textContent === "");
  assert.match(await page.textContent(".manifest-text"), /image: r\.example\/ms:v1/);

  // A Rancher UI plugin package has no chart: no Manifests tab.
  await page.setInputFiles("#file-input", join(CORPUS, "rancher/plugin/extension-crd-0.2.5.tgz"));
  await page.waitForFunction(() => document.querySelector(".package .source")?.textContent.startsWith("extension-crd-0.2.5.tgz"));
  assert.equal(await page.$(".package .tab[data-tab='manifests']"), null);
  assert.deepEqual(problems, []);
  await context.close();
});
