// The web app's performance in headless Chromium, side by side with the native CLI on the same
// files (scripts/bench-browser runs this; it builds nothing and measures dist/ as it is):
//
// - first load: the bytes fetched (gzip -9 of each file, as a static host would serve them)
//   before the drop zone is interactive, and the time to interactive; the checking worker's
//   bytes, fetched in parallel, separately;
// - per corpus archive: file picked → report painted (median and worst of several runs), the
//   longest main-thread task during the check (PerformanceObserver `longtask`, which reports
//   tasks of 50 ms or more) and the longest stall of a 4 ms heartbeat timer (how long the page
//   could not respond); next to it the native CLI's wall time (`extcheck check --format json`);
// - a generated archive of 90 MiB of content against native `gzip -dc`.
//
// Usage: node tests/e2e/bench/browser.mjs [--runs N] [--json]
// Env: EXTCHECK_BIN (the CLI; default target/release/extcheck, then target/debug/extcheck).
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join, basename } from "node:path";
import { gzipSync } from "node:zlib";
import { randomBytes } from "node:crypto";
import { CORPUS, DIST, ROOT, launch, serve } from "../lib.mjs";

const args = process.argv.slice(2);
const RUNS = (args.includes("--runs") && Number(args[args.indexOf("--runs") + 1])) || 7;
const JSON_OUT = args.includes("--json");
const log = (...a) => JSON_OUT || console.log(...a);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (x) => `${x.toFixed(1)} ms`;
const kb = (x) => `${(x / 1000).toFixed(0)} KB`;

// Records, in the page, when the drop zone becomes interactive, when a file is picked, long
// tasks, and heartbeat stalls. Injected before the page's own scripts (not subject to its CSP).
const PROBE = () => {
  window.__bench = { interactive: null, t0: null, longtasks: [], beats: [] };
  new MutationObserver((_, mo) => {
    if (document.querySelector("#example option") && window.__bench.interactive === null) {
      window.__bench.interactive = performance.now();
      mo.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
  document.addEventListener("change", (e) => { if (e.target.id === "file-input") window.__bench.t0 = performance.now(); }, true);
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__bench.longtasks.push([e.startTime, e.duration]);
  }).observe({ type: "longtask", buffered: true });
  let last = performance.now();
  setInterval(() => {
    const now = performance.now();
    window.__bench.beats.push([now, now - last]);
    if (window.__bench.beats.length > 20000) window.__bench.beats.splice(0, 10000);
    last = now;
  }, 4);
};

function gz(path) {
  return gzipSync(readFileSync(path), { level: 9 }).length;
}

async function firstLoad(browser, url) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(PROBE);
    await page.goto(url);
    await page.waitForFunction(() => window.__bench.interactive !== null);
    const { interactive, resources } = await page.evaluate(() => ({
      interactive: window.__bench.interactive,
      resources: performance.getEntriesByType("resource").map((r) => ({ name: r.name, end: r.responseEnd })),
    }));
    // Wait for the worker's wasm too, to report its bytes.
    await page.waitForTimeout(1500);
    const all = await page.evaluate(() => performance.getEntriesByType("resource").map((r) => r.name));
    const rel = (u) => new URL(u).pathname.slice(new URL(url).pathname.length);
    const before = ["index.html", ...resources.filter((r) => r.end <= interactive).map((r) => rel(r.name))];
    const bytes = before.reduce((n, p) => n + (existsSync(join(DIST, p)) ? gz(join(DIST, p)) : 0), 0);
    // The worker's own fetches (importScripts, its wasm) are not in the page's resource timing.
    const later = [...all.map(rel), "extcheck-worker.js", "extcheck-worker_bg.wasm"].filter((p) => !before.includes(p) && existsSync(join(DIST, p)));
    runs.push({ interactive, bytes, before, later: [...new Set(later)] });
    await context.close();
  }
  const workerFiles = [...new Set(runs.flatMap((r) => r.later))];
  return {
    interactive_ms: median(runs.map((r) => r.interactive)),
    interactive_worst_ms: Math.max(...runs.map((r) => r.interactive)),
    first_load_gzip_bytes: runs[0].bytes,
    first_load_files: runs[0].before,
    parallel_files: workerFiles,
    parallel_gzip_bytes: workerFiles.reduce((n, p) => n + gz(join(DIST, p)), 0),
  };
}

/** Picks `path` in the page and measures until the report is painted. */
async function pickAndMeasure(page, path) {
  await page.evaluate(() => {
    for (const el of document.querySelectorAll(".package")) el.dataset.stale = "1";
    window.__bench.t0 = null;
  });
  await page.setInputFiles("#file-input", path);
  const name = basename(path);
  await page.waitForFunction((name) => {
    const fresh = document.querySelector(".package:not([data-stale]) .source");
    return fresh && fresh.textContent.startsWith(name);
  }, name, { polling: "raf" , timeout: 120000 });
  const t1 = await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => setTimeout(() => ok(performance.now()), 0))));
  await page.waitForTimeout(80); // late long-task entries
  return page.evaluate((t1) => {
    const b = window.__bench;
    const during = (start) => start >= b.t0 - 1 && start <= t1;
    const longest = Math.max(0, ...b.longtasks.filter(([s]) => during(s)).map(([, d]) => d));
    const stall = Math.max(0, ...b.beats.filter(([t]) => t >= b.t0 && t <= t1 + 50).map(([, d]) => d - 4));
    // The page's marks (src/browser/checker.rs): request sent, reply received, reply decoded.
    const at = (name) => performance.getEntriesByName(name).at(-1)?.startTime ?? NaN;
    const [sent, reply, decoded] = ["extcheck:sent", "extcheck:reply", "extcheck:decoded"].map(at);
    performance.clearMarks();
    return { total: t1 - b.t0, longest, stall, worker: reply - sent, decode: decoded - reply, paint: t1 - decoded };
  }, t1);
}

function nativeTime(bin, path) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const t = process.hrtime.bigint();
    spawnSync(bin, ["check", "--format", "json", path], { stdio: "ignore" });
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return median(times);
}

/** A chart of 90 MiB of content: Chart.yaml and 18 files of base64 text, just under 5 MiB each. */
function bigArchive() {
  const dir = join(tmpdir(), "extcheck-bench-90mib");
  const tgz = join(dir, "big-1.0.0.tgz");
  if (existsSync(tgz)) return tgz;
  mkdirSync(join(dir, "big/files"), { recursive: true });
  writeFileSync(join(dir, "big/Chart.yaml"), "apiVersion: v2\nname: big\nversion: 1.0.0\nkubeVersion: \">=1.19.0-0\"\n");
  const per = 5 * 1024 * 1024;
  for (let i = 0; i < 18; i++) {
    // Half random, half repeated: about 55% compression, like real chart payloads.
    const random = randomBytes(per * 0.375).toString("base64");
    writeFileSync(join(dir, `big/files/data-${String(i).padStart(2, "0")}.txt`), (random + random).slice(0, per - 1));
  }
  execFileSync("tar", ["-czf", tgz, "-C", dir, "big"]);
  return tgz;
}

function gunzipTime(path) {
  const times = [];
  for (let i = 0; i < 3; i++) {
    const t = process.hrtime.bigint();
    execFileSync("sh", ["-c", `gzip -dc "${path}" > /dev/null`]);
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return median(times);
}

const cli = [process.env.EXTCHECK_BIN, join(ROOT, "target/release/extcheck"), join(ROOT, "target/debug/extcheck")].find((p) => p && existsSync(p));
const archives = [];
const walk = (d) => {
  for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (e.isDirectory()) walk(join(d, e.name));
    else if (e.name.endsWith(".tgz")) archives.push(join(d, e.name));
  }
};
walk(CORPUS);

const result = { machine: { cpus: cpus().length, load_before: loadavg() }, runs: RUNS, cli: cli ?? null };
const server = await serve(DIST, "/bench/");
const browser = await launch();
try {
  log(`load average ${loadavg().map((x) => x.toFixed(2)).join(" ")} on ${cpus().length} cores; ${RUNS} runs each`);
  result.first_load = await firstLoad(browser, server.url);
  const f = result.first_load;
  log(`\nfirst load: ${kb(f.first_load_gzip_bytes)} gzipped before interactive (${f.first_load_files.join(", ")})`);
  log(`interactive: median ${ms(f.interactive_ms)}, worst ${ms(f.interactive_worst_ms)}`);
  log(`in parallel: ${kb(f.parallel_gzip_bytes)} gzipped (${f.parallel_files.join(", ")})`);

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(PROBE);
  await page.goto(server.url);
  await page.waitForFunction(() => window.__bench.interactive !== null);
  await page.waitForTimeout(1000);
  await pickAndMeasure(page, archives[0]); // warm-up: the worker's wasm compiled
  result.archives = [];
  log(`\n${"archive".padEnd(44)} ${"size".padStart(8)} ${"page median".padStart(12)} ${"worst".padStart(9)} ${"long task".padStart(10)} ${"stall".padStart(8)} ${"native CLI".padStart(11)}   worker / decode / paint (ms)`);
  for (const path of archives) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await pickAndMeasure(page, path));
    const row = {
      archive: path.slice(CORPUS.length + 1),
      bytes: statSync(path).size,
      median_ms: median(runs.map((r) => r.total)),
      worst_ms: Math.max(...runs.map((r) => r.total)),
      longest_task_ms: Math.max(...runs.map((r) => r.longest)),
      longest_stall_ms: Math.max(...runs.map((r) => r.stall)),
      native_ms: cli ? nativeTime(cli, path) : null,
      // Where the median run's time goes: the worker (read, inflate, check, encode), decoding
      // the reply on the page, and drawing until painted.
      split_ms: Object.fromEntries(["worker", "decode", "paint"].map((k) => [k, median(runs.map((r) => r[k]))])),
    };
    result.archives.push(row);
    log(
      `${row.archive.padEnd(44)} ${kb(row.bytes).padStart(8)} ${ms(row.median_ms).padStart(12)} ${ms(row.worst_ms).padStart(9)} ${(row.longest_task_ms ? ms(row.longest_task_ms) : "< 50 ms").padStart(10)} ${ms(row.longest_stall_ms).padStart(8)} ${(row.native_ms ? ms(row.native_ms) : "-").padStart(11)}   ${["worker", "decode", "paint"].map((k) => row.split_ms[k].toFixed(0)).join(" / ")}`,
    );
  }
  const a = result.archives;
  result.summary = {
    median_of_medians_ms: median(a.map((r) => r.median_ms)),
    worst_ms: Math.max(...a.map((r) => r.worst_ms)),
    longest_task_ms: Math.max(...a.map((r) => r.longest_task_ms)),
    longest_stall_ms: Math.max(...a.map((r) => r.longest_stall_ms)),
    worker_median_ms: median(a.map((r) => r.split_ms.worker)),
    native_median_ms: cli ? median(a.map((r) => r.native_ms)) : null,
  };
  log(`\nall archives: median ${ms(result.summary.median_of_medians_ms)}, worst ${ms(result.summary.worst_ms)}, longest main-thread task ${result.summary.longest_task_ms ? ms(result.summary.longest_task_ms) : "< 50 ms"}, longest stall ${ms(result.summary.longest_stall_ms)}; in the worker: median ${ms(result.summary.worker_median_ms)}${cli ? `, native CLI median ${ms(result.summary.native_median_ms)}` : ""}`);

  const big = bigArchive();
  const gunzip = gunzipTime(big);
  const bigRuns = [];
  for (let i = 0; i < 3; i++) bigRuns.push(await pickAndMeasure(page, big));
  const pageMs = median(bigRuns.map((r) => r.total));
  result.big = {
    bytes: statSync(big).size,
    content_bytes: 90 * 1024 * 1024,
    page_ms: pageMs,
    gzip_dc_ms: gunzip,
    ratio: gunzip / pageMs,
    longest_task_ms: Math.max(...bigRuns.map((r) => r.longest)),
    longest_stall_ms: Math.max(...bigRuns.map((r) => r.stall)),
    native_ms: cli ? nativeTime(cli, big) : null,
  };
  const b = result.big;
  log(`\n90 MiB of content (${(b.bytes / 1048576).toFixed(1)} MiB archive): page ${ms(b.page_ms)}, native gzip -dc ${ms(b.gzip_dc_ms)} → ${b.ratio.toFixed(2)}× native; longest main-thread task ${b.longest_task_ms ? ms(b.longest_task_ms) : "< 50 ms"}, longest stall ${ms(b.longest_stall_ms)}; native CLI ${b.native_ms ? ms(b.native_ms) : "-"}`);
  result.machine.load_after = loadavg();
  log(`load average after: ${loadavg().map((x) => x.toFixed(2)).join(" ")}`);

  // Every target of issue 14, met or not, on this run.
  const sm = result.summary;
  const longest = Math.max(sm.longest_task_ms, b.longest_task_ms);
  result.targets = [
    ["first load ≤ 350 KB gzipped", kb(f.first_load_gzip_bytes), f.first_load_gzip_bytes <= 350_000],
    ["interactive ≤ 400 ms (median)", ms(f.interactive_ms), f.interactive_ms <= 400],
    ["interactive ≤ 400 ms (worst)", ms(f.interactive_worst_ms), f.interactive_worst_ms <= 400],
    ["drop to report: median ≤ 50 ms", ms(sm.median_of_medians_ms), sm.median_of_medians_ms <= 50],
    ["drop to report: worst ≤ 100 ms", ms(sm.worst_ms), sm.worst_ms <= 100],
    ["no main-thread task over 50 ms during a check", longest ? ms(longest) : "< 50 ms", longest <= 50],
    ["90 MiB archive ≥ 0.5× native gzip -dc", `${b.ratio.toFixed(2)}×`, b.ratio >= 0.5],
  ].map(([target, figure, met]) => ({ target, figure, met }));
  log(`\ntargets (load average ${result.machine.load_before.map((x) => x.toFixed(2)).join(" ")} before, ${result.machine.load_after.map((x) => x.toFixed(2)).join(" ")} after):`);
  for (const t of result.targets) log(`  ${(t.met ? "met" : "not met").padEnd(8)} ${t.target.padEnd(48)} ${t.figure}`);
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
if (JSON_OUT) console.log(JSON.stringify(result, null, 2));
