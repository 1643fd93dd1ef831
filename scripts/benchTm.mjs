#!/usr/bin/env node
// npm run bench:tm — translation-memory lookup at newsroom scale, through Verso's own TM store
// (main/memory/tmStore.ts over a database created by Verso's migrations).
// Builds a TM of --units N (default 1,000,000) generated English sentences (deterministic PRNG; a
// Zipf-distributed vocabulary of function words and 40,000 invented words; 60 % newsroom
// boilerplate from 400 templates with names, numbers and days in slots, so many units are near
// duplicates), then runs --queries N lookups (default 1000: edited copies of stored units, new fills
// of the templates, and new free sentences) and prints:
//   build time (insert + index), lookup p50/p95/max (goal p95 ≤ 20 ms),
//   recall (goal ≥ 98 %): for --recall N queries (default 200) a brute-force scan of every unit finds
//   the best score; a query counts as recalled when a match shown (at most 5, ≥ 50 %) has that score.
// Figures only: nothing is asserted. Options: --units, --queries, --recall, --seed, --db FILE (keep the
// database there; reuse it when it exists).
import { build } from 'esbuild';
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
const UNITS = arg('units', 1_000_000);
const QUERIES = arg('queries', 1000);
const RECALL = Math.min(arg('recall', 200), QUERIES);
const SEED = arg('seed', 20261129);

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'verso-bench-tm-'));
// Bundled inside the project so that better-sqlite3 resolves from its node_modules.
const bundle = path.join(root, 'node_modules', '.cache', 'verso-bench-tm.cjs');
await build({
  stdin: {
    contents: `export { openDatabase } from './main/db/openDatabase.ts';
      export { createTmStore, DEFAULT_TUNING, TOKEN_SEPARATOR } from './main/memory/tmStore.ts';
      export { matchTokens, lengthBound } from './shared/memory/matchScore.ts';`,
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

// ---- deterministic generator ----
function mulberry32(a) {
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = mulberry32(SEED);
const int = (n) => Math.floor(rand() * n);
const pick = (xs) => xs[int(xs.length)];

const FUNCTION_WORDS = (
  'the of and to a in that is for on it with as was he said by at from his an be has have are ' +
  'but not they this had were which who will been their its after more one also would we new ' +
  'there up or about than other into could when last two over her year people first government ' +
  'minister police president officials country city state week some told while under years'
).split(' ');
const SYLLABLES =
  'ba be bi bo bu ca ce ci co cu da de di do du fa fe fi fo ga ge gi go la le li lo lu ma me mi mo mu na ne ni no nu pa pe pi po ra re ri ro ru sa se si so ta te ti to tu va ve vi vo za ze zi zo an en in on ar er or al el il ol'.split(
    ' ',
  );
const invented = new Set();
while (invented.size < 40_000) {
  let w = '';
  for (let k = 2 + int(3); k > 0; k--) w += pick(SYLLABLES);
  invented.add(w);
}
const VOCAB = [...FUNCTION_WORDS, ...invented];
// Zipf (s = 1.05): cumulative weights, sampled by binary search.
const cumulative = new Float64Array(VOCAB.length);
let acc = 0;
for (let r = 0; r < VOCAB.length; r++) cumulative[r] = acc += 1 / Math.pow(r + 1, 1.05);
function zipfWord() {
  const x = rand() * acc;
  let lo = 0;
  let hi = VOCAB.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return VOCAB[lo];
}
const NAMES = Array.from({ length: 5000 }, () => {
  const w = pick(SYLLABLES) + pick(SYLLABLES) + pick(SYLLABLES);
  return w[0].toUpperCase() + w.slice(1);
});
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const SLOTS = {
  NAME: () => pick(NAMES) + ' ' + pick(NAMES),
  NUM: () => String(1 + int(5000)),
  DAY: () => pick(DAYS),
  PLACE: () => pick(NAMES),
};
const TEMPLATES = Array.from({ length: 400 }, () => {
  const words = Array.from({ length: 10 + int(16) }, zipfWord);
  const kinds = Object.keys(SLOTS);
  for (let s = 2 + int(3); s > 0; s--) words.splice(int(words.length + 1), 0, `{${pick(kinds)}}`);
  if (rand() < 0.5) words.splice(1 + int(words.length - 1), 0, ',');
  return words;
});
const sentence = (words) => {
  const text = words.join(' ').replace(/ ,/g, ',');
  return text[0].toUpperCase() + text.slice(1) + (rand() < 0.1 ? '?' : '.');
};
const fillTemplate = () => sentence(pick(TEMPLATES).map((w) => (w.startsWith('{') ? SLOTS[w.slice(1, -1)]() : w)));
const freeSentence = () => sentence(Array.from({ length: 8 + int(23) }, zipfWord));
const makeSource = () => (rand() < 0.6 ? fillTemplate() : freeSentence());
function edit(text) {
  const words = text.slice(0, -1).split(' ');
  for (let e = 1 + int(3); e > 0; e--) {
    const at = int(words.length);
    const op = int(4);
    if (op === 0) words[at] = zipfWord();
    else if (op === 1 && words.length > 3) words.splice(at, 1);
    else if (op === 2) words.splice(at, 0, zipfWord());
    else words[at] = words[at].toUpperCase() === words[at] ? words[at].toLowerCase() : words[at].toUpperCase();
  }
  return words.join(' ') + text.slice(-1);
}

// ---- build ----
// --db FILE keeps the database there, and reuses it when it exists (the same --units and --seed).
const dbAt = process.argv.indexOf('--db');
const dbFile = dbAt > 0 ? path.resolve(process.argv[dbAt + 1]) : path.join(tmp, 'verso.sqlite');
const reuse = dbAt > 0 && fs.existsSync(dbFile);
const db = openDatabase(dbFile);
db.pragma('cache_size = -131072'); // 128 MB page cache
// Tuning experiments: --rareTerms, --postingsCap, --postingsBudget, --candidates (default: the app's).
const tuning = Object.fromEntries(Object.entries(DEFAULT_TUNING).map(([k, v]) => [k, arg(k, v)]));
const store = createTmStore(db, tuning);
const samples = [];
const t0 = performance.now();
const CHUNK = 50_000;
for (let done = 0; done < UNITS; done += CHUNK) {
  const units = [];
  for (let i = 0; i < Math.min(CHUNK, UNITS - done); i++) {
    const source = makeSource();
    if (samples.length < QUERIES && rand() < (QUERIES * 2) / UNITS) samples.push(source);
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
store.syncIndex(50_000);
const tBuilt = performance.now();
const fileMb = fs.statSync(dbFile).size / 1048576;
console.log(
  reuse
    ? `bench:tm: reusing ${dbFile}`
    : `bench:tm: ${UNITS.toLocaleString('en')} units built in ${((tBuilt - t0) / 1000).toFixed(1)} s (insert ${((tInserted - t0) / 1000).toFixed(1)} s, index ${((tBuilt - tInserted) / 1000).toFixed(1)} s); database ${fileMb.toFixed(0)} MB`,
);

// ---- queries ----
const queries = [];
for (let i = 0; i < QUERIES; i++) {
  const r = rand();
  if (r < 0.5 && samples.length > 0) queries.push(edit(pick(samples)));
  else if (r < 0.75) queries.push(fillTemplate());
  else queries.push(freeSentence());
}
const times = [];
const shown = [];
let slowest = { ms: 0, at: -1 };
for (const [i, q] of queries.entries()) {
  const s = performance.now();
  const matches = store.lookup('en', 'es', q);
  const ms = performance.now() - s;
  times.push(ms);
  if (ms > slowest.ms) slowest = { ms, at: i };
  shown.push(matches);
}
if (process.argv.includes('--misses'))
  console.log(`slowest: lookup ${slowest.at + 1} of ${QUERIES}, ${slowest.ms.toFixed(1)} ms: ${queries[slowest.at]}`);
times.sort((a, b) => a - b);
const pct = (p) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))];
console.log(
  `bench:tm: ${QUERIES} lookups: p50 ${pct(50).toFixed(1)} ms, p95 ${pct(95).toFixed(1)} ms, max ${times.at(-1).toFixed(1)} ms (goal p95 ≤ 20 ms); ${shown.filter((m) => m.length > 0).length} had a match ≥ 50 %`,
);

// ---- brute force over every unit (tokens interned to integers) ----
const ids = new Map();
const lowerOf = [];
const intern = (t) => {
  let id = ids.get(t);
  if (id === undefined) {
    id = ids.size;
    ids.set(t, id);
    const l = t.toLowerCase();
    lowerOf.push(l === t ? id : intern(l));
  }
  return id;
};
const offsets = new Int32Array(UNITS + 1);
let flat = new Int32Array(0);
let count = 0;
let pos = 0;
let loaded = false;
function loadAll() {
  loaded = true;
  flat = new Int32Array(UNITS * 24);
  for (const row of store.iterateTokens('en', 'es')) {
    const toks = row.tokens === '' ? [] : row.tokens.split(TOKEN_SEPARATOR);
    if (pos + toks.length > flat.length) {
      const bigger = new Int32Array(flat.length * 2);
      bigger.set(flat);
      flat = bigger;
    }
    for (const t of toks) flat[pos++] = intern(t);
    offsets[++count] = pos;
  }
}
const prevRow = new Int32Array(512);
const curRow = new Int32Array(512);
function bruteBest(q) {
  if (!loaded) loadAll();
  const qt = q.map(intern);
  const n = qt.length;
  let best = 49; // only scores ≥ 50 are shown
  for (let u = 0; u < count; u++) {
    const a = offsets[u];
    const m = offsets[u + 1] - a;
    const L = Math.max(n, m);
    if (L === 0) continue;
    // the doubled distance a score above `best` allows
    const allowed = Math.floor((2 * L * (100 - (best + 1))) / 100);
    if (2 * Math.abs(n - m) > allowed) continue;
    for (let j = 0; j <= m; j++) prevRow[j] = 2 * j;
    let p = prevRow;
    let c = curRow;
    let abandoned = false;
    for (let i = 1; i <= n; i++) {
      c[0] = 2 * i;
      let rowMin = c[0];
      const x = qt[i - 1];
      const xl = lowerOf[x];
      for (let j = 1; j <= m; j++) {
        const y = flat[a + j - 1];
        const sub = x === y ? 0 : xl === lowerOf[y] ? 1 : 2;
        let v = p[j - 1] + sub;
        if (p[j] + 2 < v) v = p[j] + 2;
        if (c[j - 1] + 2 < v) v = c[j - 1] + 2;
        c[j] = v;
        if (v < rowMin) rowMin = v;
      }
      if (rowMin > allowed) {
        abandoned = true;
        break;
      }
      const t = p;
      p = c;
      c = t;
    }
    if (abandoned) continue;
    const d = p[m];
    const score = Math.floor((100 * (2 * L - d)) / (2 * L));
    if (score > best) best = score;
  }
  return best >= 50 ? best : null;
}
// With --db, the brute-force results are kept beside the database for the next run.
const bruteFile = dbAt > 0 ? `${dbFile}.brute-${SEED}.json` : null;
const bruteCache = bruteFile && fs.existsSync(bruteFile) ? JSON.parse(fs.readFileSync(bruteFile, 'utf8')) : {};
let considered = 0;
let recalled = 0;
let cachedHits = 0;
const tb = performance.now();
for (let i = 0; i < RECALL; i++) {
  if (queries[i] in bruteCache) cachedHits++;
  const best = queries[i] in bruteCache ? bruteCache[queries[i]] : (bruteCache[queries[i]] = bruteBest(matchTokens(queries[i], 'en')));
  if (best === null) continue;
  considered++;
  if (shown[i].some((m) => m.score === best)) recalled++;
  else if (process.argv.includes('--misses'))
    console.log(`miss: best ${best}, shown ${shown[i].map((m) => m.score).join(' ')}: ${queries[i]}`);
}
const bruteMs = (performance.now() - tb) / RECALL;
if (bruteFile) fs.writeFileSync(bruteFile, JSON.stringify(bruteCache));
console.log(`bench:tm: tuning ${JSON.stringify(tuning)}`);
console.log(
  `bench:tm: recall ${considered === 0 ? 'n/a' : ((100 * recalled) / considered).toFixed(1) + ' %'} (${recalled} of ${considered} queries whose brute-force best is ≥ 50 %; goal ≥ 98 %); brute force ${bruteMs.toFixed(0)} ms per query${cachedHits > 0 ? ` (${cachedHits} of ${RECALL} from the cache of an earlier run)` : ''}`,
);
db.close();
fs.rmSync(tmp, { recursive: true, force: true });
