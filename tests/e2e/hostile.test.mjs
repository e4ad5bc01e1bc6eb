// The hostile set (scripts/hostile-gen: malformed, oversized, deeply nested, aliased, damaged and
// terminal-hostile packages) dropped into the real page, as a person drags them from disk: each
// shows its diagnostic, the page never stops responding for a second or more (no long task of
// 1,000 ms on the main thread), and nothing reaches the console as an error.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT, dragFromDisk, openPage, useBrowser } from "./lib.mjs";

const session = useBrowser();

/** Inputs a browser cannot be given: not files (a FIFO, a socket, a device). */
const NOT_DROPPABLE = new Set(["fifo", "socket", "char-device"]);

/** Longest main-thread task the page may run while checking one input, ms. */
const MAX_TASK_MS = 1000;

/** Records the longest main-thread task from now on in `window.__longest` (ms). */
function watchLongTasks(page) {
  return page.evaluate(() => {
    window.__longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
    }).observe({ type: "longtask", buffered: false });
  });
}

test("every hostile input dropped into the page shows its code and keeps the page responsive", async () => {
  const dir = await mkdtemp(join(tmpdir(), "extcheck-hostile-"));
  try {
    execFileSync("python3", [join(ROOT, "scripts/hostile-gen"), dir], { stdio: "ignore" });
    const cases = (await readFile(join(dir, "cases.tsv"), "utf8"))
      .split("\n")
      .filter(Boolean)
      .map((l) => l.split("\t"))
      .filter(([name, rel]) => !NOT_DROPPABLE.has(name) && !rel.startsWith("/"));
    assert.ok(cases.length >= 60, `${cases.length} droppable hostile inputs`);
    const failures = [];
    const { page, context, problems } = await openPage(session.browser, session.server.url);
    await watchLongTasks(page);
    for (const [name, rel, expected] of cases) {
      // A folder case is dropped as its folder; a single-file case as its file.
      const path = join(dir, rel.includes("/") && !rel.endsWith("/") ? rel : name);
      await page.evaluate(() => {
        window.__longest = 0;
      });
      await dragFromDisk(page, context, [path]);
      try {
        await page.waitForFunction(
          () => /Checked|Could not read/.test(document.querySelector(".status")?.textContent ?? ""),
          null,
          { timeout: 20_000 },
        );
      } catch {
        failures.push(`${name}: no report within 20 s`);
        await page.reload();
        continue;
      }
      // Codes shown: on diagnostics, and in the folded list of suppressed findings (`[SYN002]`).
      const codes = await page.evaluate(() => [
        ...new Set([
          ...[...document.querySelectorAll("[data-code]")].map((e) => e.dataset.code),
          ...[...document.querySelectorAll(".suppressed code")].flatMap((e) => e.textContent.match(/[A-Z]+\d+/g) ?? []),
        ]),
      ]);
      const status = (await page.textContent(".status")) ?? "";
      // As scripts/hostile-test: the expected code is a prefix (`KS0` is any KubeSphere metadata rule).
      if (expected !== "-" && !codes.some((c) => c.startsWith(expected))) {
        failures.push(`${name}: expected ${expected}, shown ${codes.join(",") || status.trim()}`);
      }
      const longest = await page.evaluate(() => window.__longest);
      if (longest >= MAX_TASK_MS) failures.push(`${name}: a main-thread task of ${Math.round(longest)} ms`);
      // Back to the drop zone for the next input.
      await page.reload();
      await page.waitForSelector(".dropzone");
      await watchLongTasks(page);
    }
    assert.deepEqual(failures, []);
    assert.deepEqual(problems, [], "console errors or page errors");
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
