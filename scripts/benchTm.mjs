#!/usr/bin/env node
// npm run bench:tm — translation-memory lookup at newsroom scale, through Verso's own TM store
// (main/memory/tmStore.ts over a database created by Verso's migrations).
// For each corpus shape (--corpus zipf | lowvocab | neardup | all; default zipf; the generators are
// in scripts/benchTm/corpora.mjs: zipf is the generated newsroom corpus, lowvocab word-bigram chains
// over the GNU GPL 3 text at /usr/share/common-licenses/GPL-3 restricted to under 1,000 distinct
// words, neardup families of units differing by one or two words) it builds a TM of --units N
// (default 1,000,000) units, runs --queries N lookups (default 1000: edited copies of stored units
// and new sentences of the same shape) and prints:
//   build time (insert + index) and database size, lookup p50/p95/max (goal p95 ≤ 20 ms),
//   recall (goal ≥ 98 %): for --recall N queries (default 200) a brute-force scan of every unit
//   (scripts/benchTm/bruteForce.mjs, the same score) finds the best score; a query counts as
//   recalled when a match shown (at most 5, ≥ 50 %) has that score.
// Figures only: nothing is asserted. Options: --units, --queries, --recall, --seed, --misses, --db FILE
// (keep the database there, FILE-<corpus> with --corpus all; reuse it when it exists).
import { build } from 'esbuild';
import { CORPORA, createCorpus } from './benchTm/corpora.mjs';
import { createBruteForce } from './benchTm/bruteForce.mjs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

// --vs-omegat: Verso beside OmegaT 3.6 on one generated project and TMX (scripts/benchTm/vsOmegat.mjs).
if (process.argv.includes('--vs-omegat')) process.exit(await (await import('./benchTm/vsOmegat.mjs')).runVsOmegat(process.argv.slice(2)));

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 && process.argv[at + 1] ? Number(process.argv[at + 1]) : fallback;
};
const option = (name) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : undefined;
};
const UNITS = arg('units', 1_000_000);
const QUERIES = arg('queries', 1000);
const RECALL = Math.min(arg('recall', 200), QUERIES);
const SEED = arg('seed', 20261129);
const corpusOption = option('corpus') ?? 'zipf';
const corpora = corpusOption === 'all' ? CORPORA : [corpusOption];

// Bundled inside the project (dist/, per worktree) so that better-sqlite3 resolves from its node_modules.
const bundle = path.join(root, 'dist', 'bench', 'verso-bench-tm.cjs');
await build({
  stdin: {
    contents: `export { openDatabase } from './main/db/openDatabase.ts';
      export { createTmStore, DEFAULT_TUNING, TOKEN_SEPARATOR } from './main/memory/tmStore.ts';
      export { matchTokens } from './shared/memory/matchScore.ts';`,
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  outfile: bundle,
  external: ['better-sqlite3'],
  logLevel: 'error',
});
const require = createRequire(path.join(root, 'package.json'));
const { openDatabase, createTmStore, DEFAULT_TUNING, TOKEN_SEPARATOR, matchTokens } = require(bundle);
// Tuning experiments: --rareTerms, --postingsCap, --postingsBudget, --candidates (default: the app's).
const tuning = Object.fromEntries(Object.entries(DEFAULT_TUNING).map(([k, v]) => [k, arg(k, v)]));
console.log(`bench:tm: tuning ${JSON.stringify(tuning)}`);

/** Inserts UNITS units of the corpus (unless reusing) and indexes them; returns sampled sources for queries. */
async function buildTm(store, corpus, reuse, label, dbFile) {
  const samples = [];
  const t0 = performance.now();
  const CHUNK = 50_000;
  for (let done = 0; done < UNITS; done += CHUNK) {
    const units = [];
    for (let i = 0; i < Math.min(CHUNK, UNITS - done); i++) {
      const source = corpus.makeSource();
      if (samples.length < QUERIES && corpus.rand() < (QUERIES * 2) / UNITS) samples.push(source);
      units.push({
        sourceLang: 'en',
        targetLang: 'es',
        source,
        target: `ES ${source}`,
        origin: 'tmx',
        createdBy: 'bench',
        createdAt: '2026-11-29T00:00:00.000Z',
      });
    }
    if (!reuse) store.addUnits(units, false);
  }
  const tInserted = performance.now();
  // As after a TMX import: in bulk (main/memory/bulkIndex.ts), the same index as small batches.
  await store.drainIndex();
  const tBuilt = performance.now();
  const s = (ms) => (ms / 1000).toFixed(1);
  const mb = (fs.statSync(dbFile).size / 1048576).toFixed(0);
  console.log(
    reuse
      ? `${label}: reusing ${dbFile} (${mb} MB)`
      : `${label}: ${UNITS.toLocaleString('en')} units built in ${s(tBuilt - t0)} s (insert ${s(tInserted - t0)} s, index ${s(tBuilt - tInserted)} s); database ${mb} MB`,
  );
  return samples;
}

function timeLookups(store, queries, label) {
  const times = [];
  const cpu = [];
  const shown = [];
  let slowest = { ms: 0, at: -1 };
  for (const [i, q] of queries.entries()) {
    const s = performance.now();
    const c = process.cpuUsage();
    const matches = store.lookup('en', 'es', q);
    const ms = performance.now() - s;
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
    times.push(ms);
    if (ms > slowest.ms) slowest = { ms, at: i };
    shown.push(matches);
  }
  if (process.argv.includes('--misses'))
    console.log(`slowest: lookup ${slowest.at + 1}, ${slowest.ms.toFixed(1)} ms: ${queries[slowest.at]}`);
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const pct = (xs, p) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))].toFixed(1);
  console.log(
    `${label}: ${queries.length} lookups: p50 ${pct(times, 50)} ms, p95 ${pct(times, 95)} ms, max ${times.at(-1).toFixed(1)} ms (goal p95 ≤ 20 ms); ${shown.filter((m) => m.length > 0).length} had a match ≥ 50 %`,
  );
  // CPU time of this process per lookup: the part of the above that the load of a shared machine does not inflate.
  console.log(`${label}: CPU per lookup: p50 ${pct(cpu, 50)} ms, p95 ${pct(cpu, 95)} ms, max ${cpu.at(-1).toFixed(1)} ms`);
  return shown;
}

function measureRecall(store, queries, shown, label, bruteFile) {
  const bruteBest = createBruteForce(store, TOKEN_SEPARATOR);
  // With --db, the brute-force results are kept beside the database for the next run.
  const cache = bruteFile && fs.existsSync(bruteFile) ? JSON.parse(fs.readFileSync(bruteFile, 'utf8')) : {};
  let considered = 0;
  let recalled = 0;
  let cachedHits = 0;
  const tb = performance.now();
  for (let i = 0; i < RECALL; i++) {
    if (queries[i] in cache) cachedHits++;
    else cache[queries[i]] = bruteBest(matchTokens(queries[i], 'en'));
    const best = cache[queries[i]];
    if (best === null) continue;
    considered++;
    if (shown[i].some((m) => m.score === best)) recalled++;
    else if (process.argv.includes('--misses'))
      console.log(`miss: best ${best}, shown ${shown[i].map((m) => m.score).join(' ')}: ${queries[i]}`);
  }
  const bruteMs = (performance.now() - tb) / RECALL;
  if (bruteFile) fs.writeFileSync(bruteFile, JSON.stringify(cache));
  console.log(
    `${label}: recall ${considered === 0 ? 'n/a' : ((100 * recalled) / considered).toFixed(1) + ' %'} (${recalled} of ${considered} queries whose brute-force best is ≥ 50 %; goal ≥ 98 %); brute force ${bruteMs.toFixed(0)} ms per query${cachedHits > 0 ? ` (${cachedHits} of ${RECALL} from the cache of an earlier run)` : ''}`,
  );
}

for (const name of corpora) {
  const label = `bench:tm ${name}`;
  const corpus = createCorpus(name, SEED);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'verso-bench-tm-'));
  // --db FILE keeps the database there, and reuses it when it exists (the same --units and --seed).
  const kept = option('db') ? path.resolve(option('db')) : null;
  const dbFile = kept ? (corpora.length > 1 ? `${kept}-${name}` : kept) : path.join(tmp, 'verso.sqlite');
  const reuse = kept !== null && fs.existsSync(dbFile);
  const db = openDatabase(dbFile);
  db.pragma('cache_size = -131072'); // 128 MB page cache
  const store = createTmStore(db, tuning);
  const samples = await buildTm(store, corpus, reuse, label, dbFile);
  // As after the first lookup of a session: the units' lengths are read in the background (not timed below).
  const tw = performance.now();
  await store.warmLengths();
  console.log(`${label}: unit lengths read in ${(performance.now() - tw).toFixed(0)} ms (in the background, between lookups)`);
  const queries = Array.from({ length: QUERIES }, () => corpus.makeQuery(samples));
  const shown = timeLookups(store, queries, label);
  measureRecall(store, queries, shown, label, kept ? `${dbFile}.brute-${SEED}.json` : null);
  db.close();
  fs.rmSync(tmp, { recursive: true, force: true });
}
