// End-to-end: narrow screens. At 390 CSS px (a phone held upright) the header, the drop zone,
// the example picker, the report tabs and the code blocks fit: the page never scrolls sideways;
// wide content (source lines, the matrix grid, diffs) scrolls inside its own box.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { CORPUS, openPage, useBrowser } from "./lib.mjs";

const session = useBrowser();
const WIDTH = 390;

/** What sticks out of the 390 px viewport: the page's own horizontal overflow, and every
 * element among `selectors` whose box ends right of the viewport or starts left of it. */
async function overflow(page, selectors) {
  return page.evaluate(
    ({ selectors, width }) => {
      const out = [];
      const doc = document.documentElement;
      if (doc.scrollWidth > width) out.push(`the page is ${doc.scrollWidth} px wide`);
      for (const selector of selectors) {
        const found = document.querySelectorAll(selector);
        if (found.length === 0) out.push(`${selector}: not on the page`);
        for (const el of found) {
          const box = el.getBoundingClientRect();
          if (box.width === 0 && box.height === 0) continue; // hidden (another tab's panel)
          if (box.right > width + 0.5 || box.left < -0.5) out.push(`${selector}: ${Math.round(box.left)}..${Math.round(box.right)} px`);
        }
      }
      return out;
    },
    { selectors, width: WIDTH },
  );
}

test("at 390 px nothing overflows the page: header, drop zone, examples, tabs, code blocks", async () => {
  const { page, context, problems } = await openPage(session.browser, session.server.url, { viewport: { width: WIDTH, height: 844 } });
  assert.deepEqual(await overflow(page, [".topbar", ".topbar nav", ".dropzone", ".drop-actions", "#example", ".example-picker"]), []);
  for (const input of ["rancher/charts/clock-0.1.0.tgz", "kubesphere/packaged/cert-manager-1.0.0.tgz"]) {
    await page.setInputFiles("#file-input", join(CORPUS, input));
    await page.waitForFunction((name) => document.querySelector(".package .source")?.textContent.startsWith(name), input.split("/").pop());
    assert.deepEqual(await overflow(page, [".package", ".tabs", ".package .tab", ".snippet", ".exports"]), [], `${input}: report`);
    for (const tab of ["compatibility", "cards", "fix"]) {
      await page.click(`.package .tab[data-tab="${tab}"]`);
      if (tab === "fix") await page.waitForSelector(".fix-summary");
      assert.deepEqual(await overflow(page, [".package", ".tabs"]), [], `${input}: ${tab}`);
    }
  }
  assert.deepEqual(problems, []);
  await context.close();
});
