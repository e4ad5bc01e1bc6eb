// Satisfies-per-second of npm `semver` 7.5.4 on the 13,790 pairs of range-vectors.json, the
// counterpart of crates/core/benches/semver.rs. One round runs every pair once.
//
//   satisfies:  semver.satisfies(version, range[, options])  (node-semver keeps its own LRU
//               cache of parsed range segments, as in production)
//   preparsed:  new semver.Range(range[, options]) once, then range.test(version)
//
// Usage: node tests/e2e/bench/semver-node.mjs [--json]
// semver is looked up in $EXTCHECK_SEMVER_DIR, .tools/node_modules (scripts/setup) and
// tests/e2e/node_modules. The vectors come from $EXTCHECK_RANGE_VECTORS or
// testdata/conformance/range-vectors.json.
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../../..');
const candidates = [
  process.env.EXTCHECK_SEMVER_DIR,
  join(repo, '.tools/node_modules/semver'),
  join(repo, 'tests/e2e/node_modules/semver'),
].filter(Boolean);
const dir = candidates.find((d) => existsSync(join(d, 'package.json')));
if (!dir) {
  console.error(`semver not found in: ${candidates.join(', ')} (run scripts/setup)`);
  process.exit(2);
}
const require = createRequire(join(dir, 'package.json'));
const semver = require(dir);
const version = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;
if (version !== '7.5.4') console.error(`warning: semver ${version}, expected 7.5.4`);

const path = process.env.EXTCHECK_RANGE_VECTORS
  || resolve(repo, 'testdata/conformance/range-vectors.json');
const pairs = JSON.parse(readFileSync(path, 'utf8')).map((v) => [v.range, v.version]);

function measure(fn, minMs = 2000) {
  for (let i = 0; i < 3; i++) fn(); // warm-up (JIT, caches)
  let rounds = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0;
  while (elapsed < minMs * 1e6) {
    fn();
    rounds++;
    elapsed = Number(process.hrtime.bigint() - start);
  }
  return (rounds * pairs.length) / (elapsed / 1e9);
}

const sink = [];
const results = {};
for (const [name, opts] of [['node', undefined], ['node_include_prerelease', { includePrerelease: true }]]) {
  results[`${name}/satisfies`] = measure(() => {
    let n = 0;
    for (const [r, v] of pairs) if (semver.satisfies(v, r, opts)) n++;
    sink.push(n);
  });
  const parsed = pairs.map(([r, v]) => {
    try { return [new semver.Range(r, opts), v]; } catch { return [null, v]; }
  });
  results[`${name}/preparsed`] = measure(() => {
    let n = 0;
    for (const [r, v] of parsed) if (r && r.test(v)) n++;
    sink.push(n);
  });
}

if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ semver: version, node: process.version, pairs: pairs.length, pairs_per_second: results }));
} else {
  console.log(`npm semver ${version} on node ${process.version}, ${pairs.length} pairs`);
  for (const [k, v] of Object.entries(results)) console.log(`  ${k.padEnd(36)} ${Math.round(v).toLocaleString('en')} pairs/s`);
}
