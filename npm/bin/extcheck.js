#!/usr/bin/env node
// `npx extcheck ...`: the extcheck CLI (crates/cli) compiled to wasm32-wasip1 and run by Node's
// WASI, so its arguments, output and exit codes are the native CLI's. Files are read through
// WASI with `/` preopened; the working directory is passed in EXTCHECK_CWD (WASI has none).
// Windows paths with drive letters are not mapped (use the static binary or WSL there).
'use strict';

// Node prints an ExperimentalWarning for WASI on stderr; the native CLI prints nothing there.
process.removeAllListeners('warning');

const { WASI } = require('node:wasi');
const fs = require('node:fs');
const path = require('node:path');

const wasi = new WASI({
  version: 'preview1',
  args: ['extcheck', ...process.argv.slice(2)],
  env: { ...process.env, EXTCHECK_CWD: process.cwd() },
  preopens: { '/': '/' },
  returnOnExit: true,
});
const bytes = fs.readFileSync(path.join(__dirname, '..', 'extcheck.wasm'));
const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), wasi.getImportObject());
process.exitCode = wasi.start(instance);
