// Shared helpers for the browser tests: a static server for dist/ and headless Chromium.
import { createServer } from "node:http";
import { after, before } from "node:test";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
// EXTCHECK_DIST measures or tests another build (e.g. one worker opt-level against another).
export const DIST = process.env.EXTCHECK_DIST ? resolve(process.env.EXTCHECK_DIST) : join(ROOT, "dist");
export const CORPUS = resolve(ROOT, "testdata/corpus");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".json": "application/json",
};

/** Serves `dir` on 127.0.0.1 at a free port, under `prefix` (to prove sub-path hosting). */
export async function serve(dir = DIST, prefix = "/") {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, "http://x");
    if (!url.pathname.startsWith(prefix)) {
      res.writeHead(404).end();
      return;
    }
    let path = normalize(join(dir, decodeURIComponent(url.pathname.slice(prefix.length))));
    if (!path.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(path)).isDirectory()) path = join(path, "index.html");
      const body = await readFile(path);
      res.writeHead(200, { "content-type": TYPES[extname(path)] ?? "application/octet-stream" }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}${prefix}`, close: () => new Promise((ok) => server.close(ok)) };
}

/** Headless Debian Chromium with the flags this machine needs (no network, no sandbox as root). */
export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** A page that records console errors, page errors and every request that leaves 127.0.0.1. */
export async function openPage(browser, url, options = {}) {
  // English unless a test asks for another locale (the page follows the browser language).
  const context = await browser.newContext({ acceptDownloads: true, locale: "en-US", ...options });
  const page = await context.newPage();
  const problems = [];
  const external = [];
  page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("request", (r) => {
    const u = new URL(r.url());
    if (!["127.0.0.1", "localhost"].includes(u.hostname) && !["data:", "blob:"].includes(u.protocol)) external.push(r.url());
  });
  await page.goto(url);
  await page.waitForSelector(".topbar");
  return { page, context, problems, external };
}

/**
 * Serves `dir` under `prefix` and launches Chromium before the file's tests, and stops both
 * after them. Returns an object whose `server` and `browser` are set once started.
 */
export function useBrowser(dir = DIST, prefix = "/") {
  const session = { server: undefined, browser: undefined };
  before(async () => {
    session.server = await serve(dir, prefix);
    session.browser = await launch();
  });
  after(async () => {
    await session.browser?.close();
    await session.server?.close();
  });
  return session;
}

/** Drags folders or files from disk onto the drop zone as the OS would (DevTools protocol):
 * a folder arrives as a directory entry, read through `webkitGetAsEntry` and `readEntries`. */
export async function dragFromDisk(page, context, paths) {
  const box = await page.locator(".dropzone").boundingBox();
  const cdp = await context.newCDPSession(page);
  const at = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  const data = { items: [], files: paths, dragOperationsMask: 1 };
  for (const type of ["dragEnter", "dragOver", "drop"]) await cdp.send("Input.dispatchDragEvent", { type, ...at, data });
}
