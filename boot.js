// Loads the extcheck wasm module. Kept out of index.html so that the Content-Security-Policy
// can forbid inline scripts.
import init from "./extcheck-web.js";

init({ module_or_path: new URL("./extcheck-web_bg.wasm", import.meta.url) }).catch((error) => {
  const main = document.getElementById("boot-error");
  if (main) {
    main.hidden = false;
    main.textContent = `extcheck could not start: ${error}`;
  }
});
