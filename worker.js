// Starts the checking worker's wasm. A same-origin file (the page's CSP admits workers from
// 'self' only); its URLs are relative to this file, so the page works from any sub-path.
// Messages that arrive while the wasm loads are queued and replayed once it has installed its
// own handler.
importScripts("./extcheck-worker.js");

const queued = [];
self.onmessage = (event) => queued.push(event);

wasm_bindgen({ module_or_path: "./extcheck-worker_bg.wasm" }).then(
  () => {
    for (const event of queued) self.onmessage(event);
  },
  (error) => {
    for (const event of queued) self.postMessage(["failed", event.data?.[0], `the checking engine could not start: ${error}`]);
    self.onmessage = (event) => self.postMessage(["failed", event.data?.[0], `the checking engine could not start: ${error}`]);
  },
);
