#!/usr/bin/env node
// npm run bench:mt — machine translation speed on one ~500-paragraph English text (Apertium eng-spa):
//   A. through Verso's engine layer (main/engines/apertium.ts → apertiumSession.ts: one analysis
//      process, a few taggers routed by state, one generation process; every paragraph independent):
//      A0: the first batch of a new engine (it starts every process);
//      A:  a new engine whose pipeline is running (after a one-line batch), knowing nothing yet;
//      W:  one engine kept across runs, as a running app is;
//   B. the raw `apertium eng-spa` on the whole text at once,
//   C. one raw `apertium eng-spa` process per paragraph.
// Prints A ÷ B (goal ≤ 1.1; A0 and W too) and A ÷ C (goal ≤ 0.05), and checks that A0, A and W
// translated every paragraph the same. Figures only: nothing is timed against a limit.
// Options: --paragraphs N (default 500), --runs N (A and B, median; default 3), --per-paragraph N
// (how many paragraphs C times, then scaled to all; default all).
import { build } from 'esbuild';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 && process.argv[at + 1] ? Number(process.argv[at + 1]) : fallback;
};
const wanted = arg('paragraphs', 500);
const runs = arg('runs', 3);

function fail(message) {
  console.error(`bench:mt: ${message}`);
  process.exit(1);
}

try {
  if (
    !execFileSync('apertium', ['-l'], { encoding: 'utf8' })
      .split('\n')
      .some((l) => l.trim() === 'eng-spa')
  )
    throw new Error('no eng-spa');
} catch {
  fail('Apertium with the eng-spa pair is needed (Debian: apt-get install apertium apertium-eng-spa).');
}

// The text: the reference article, then English prose every Debian system has (the common licences,
// from the essential package base-files), split into paragraphs, duplicates removed.
const sources = [
  path.join(root, 'main/testing/fixtures/reference-article-body.txt'),
  ...['GPL-3', 'Apache-2.0', 'MPL-2.0', 'LGPL-2.1', 'GPL-2', 'GFDL-1.3', 'Artistic', 'MPL-1.1'].map(
    (f) => `/usr/share/common-licenses/${f}`,
  ),
];
const paragraphs = [
  ...new Set(
    sources
      .filter((f) => fs.existsSync(f))
      .flatMap((f) => fs.readFileSync(f, 'utf8').split(/\n\s*\n/))
      .map((p) => p.trim())
      .filter((p) => p !== ''),
  ),
].slice(0, wanted);
if (paragraphs.length < wanted) console.warn(`bench:mt: only ${paragraphs.length} paragraphs available.`);
const text = paragraphs.join('\n\n') + '\n';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'verso-bench-'));
const textFile = path.join(tmp, 'text.txt');
fs.writeFileSync(textFile, text);

// The engine layer, bundled from the TypeScript sources.
const bundle = path.join(tmp, 'engine.cjs');
await build({
  entryPoints: [path.join(root, 'main/engines/apertium.ts')],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  outfile: bundle,
  logLevel: 'error',
});
const { createApertiumEngine } = createRequire(import.meta.url)(bundle);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pair = { source: 'en', target: 'es' };

// Raw apertium is given the file: its wrapper cannot read a socket as stdin, which is what Node's pipes are.
function rawWhole() {
  const t = performance.now();
  const r = spawnSync('apertium', ['eng-spa', textFile], { maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - t;
  if (r.status !== 0 || r.stdout.length === 0) fail(`raw apertium failed: ${r.stderr}`);
  return ms;
}

// A fresh engine per run ("cold": it learns during the batch which words narrow the tagger) and
// one engine kept across runs ("warm": it knows them from earlier batches, as a running app does).
async function freshEngine({ warmUp = true } = {}) {
  const e = createApertiumEngine();
  await e.describe(pair); // discovery
  if (warmUp) await e.translateBatch(['Warm up.'], pair, { signal: new AbortController().signal }); // the pipeline starts
  return e;
}
rawWhole(); // warm the page cache
const warmEngine = await freshEngine();
await warmEngine.translateBatch(paragraphs, pair, { signal: new AbortController().signal });

const outputs = new Set();
async function timeBatch(engine, into, close = true) {
  const before = { ...engine.stats };
  const t = performance.now();
  const out = await engine.translateBatch(paragraphs, pair, { signal: new AbortController().signal });
  into.push(performance.now() - t);
  if (out.length !== paragraphs.length || out.some((o) => o.text === '')) fail('the engine layer returned an empty translation');
  outputs.add(JSON.stringify(out.map((o) => o.text)));
  if (close) engine.close();
  const d = (k) => engine.stats[k] - before[k];
  return `${d('processesSpawned')} spawned by Node, ${d('taggersStarted')} taggers, ${d('retagged')} tagged again`;
}

const first = [];
const cold = [];
const warm = [];
const raw = [];
let firstStats = '';
let coldStats = '';
let warmStats = '';
for (let i = 0; i < runs; i++) {
  firstStats = await timeBatch(await freshEngine({ warmUp: false }), first);
  raw.push(rawWhole());
  coldStats = await timeBatch(await freshEngine(), cold);
  warmStats = await timeBatch(warmEngine, warm, false);
}
warmEngine.close();

const perCount = Math.min(arg('per-paragraph', paragraphs.length), paragraphs.length);
const perFile = path.join(tmp, 'one.txt');
const t = performance.now();
for (const p of paragraphs.slice(0, perCount)) {
  fs.writeFileSync(perFile, p + '\n');
  const r = spawnSync('apertium', ['eng-spa', perFile]);
  if (r.status !== 0) fail(`raw apertium failed on one paragraph: ${r.stderr}`);
}
const perParagraph = ((performance.now() - t) / perCount) * paragraphs.length;
fs.rmSync(tmp, { recursive: true, force: true });

const A0 = median(first);
const A = median(cold);
const W = median(warm);
const B = median(raw);
const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
console.log(
  `Apertium eng-spa, ${paragraphs.length} paragraphs (${text.length} characters), ${os.cpus().length} CPUs, median of ${runs} runs:`,
);
console.log(`  A0 Verso engine layer, first batch of a new engine: ${s(A0)}  [${firstStats}]`);
console.log(`  A  Verso engine layer, new engine, pipeline running: ${s(A)}  [${coldStats}]`);
console.log(`  W  Verso engine layer, engine already used:         ${s(W)}  [${warmStats}]`);
console.log(`  B  raw apertium, whole text at once:                ${s(B)}`);
console.log(
  `  C  raw apertium, one process per paragraph:         ${s(perParagraph)}${perCount < paragraphs.length ? ` (timed on ${perCount}, scaled)` : ''}`,
);
console.log(`  A0 ÷ B = ${(A0 / B).toFixed(3)}`);
console.log(`  A ÷ B = ${(A / B).toFixed(3)}   (goal ≤ 1.1)`);
console.log(`  W ÷ B = ${(W / B).toFixed(3)}`);
console.log(`  A ÷ C = ${(A / perParagraph).toFixed(4)}  (goal ≤ 0.05)`);
console.log(`  A0, A and W translated every paragraph the same: ${outputs.size === 1 ? 'yes' : `NO (${outputs.size} different results)`}`);
if (outputs.size !== 1) process.exitCode = 1;
