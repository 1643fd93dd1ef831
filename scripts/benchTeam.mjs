#!/usr/bin/env node
// npm run bench:team — issue 16: N simulated team members against one PostgreSQL on this machine.
// Each member is a real Verso in browser mode (dist/main/web.cjs, its own data directory and backend
// process), set up as an admin would (`verso team init`, `verso team add-user` with the member's
// public key) and connected in Settings → Team through its own loopback proxy, so its network can be
// cut. For --seconds, every member runs a seeded random mix over the loopback API — edits, confirms,
// sign-offs (editors), comments, TM matches applied, glossary terms — while the bench cuts members'
// connections for a few seconds and kill -9s members (both processes) right after a write, then
// starts them again on the same data directory. At the end every member syncs until nothing waits;
// the bench compares the state hashes (main/team/local/stateHash.ts over each library), checks that
// no acknowledged write was lost (each member's last text of each paragraph, every comment and term
// it wrote, is in the server's history), and prints operations/s, sync latency p50/p95 (a write on
// one member → visible through another member's API, sampled by polling every 100 ms) and the
// server's connection count. Figures only; the exit code is 1 when states differ or work was lost.
// One extra member only reads (the latency observer: its own writes would hold remote edits back).
// Options: --clients N (20), --seconds S (60), --paragraphs P (30), --kills K (5), --think MS (1000), --seed N (1).
import { spawnSync } from 'node:child_process';
import { build } from 'esbuild';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { mulberry32 } from './benchTm/random.mjs';
import { startVerso } from './benchTeam/versoProcess.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};
const CLIENTS = arg('clients', 20);
const SECONDS = arg('seconds', 60);
const PARAGRAPHS = arg('paragraphs', 30);
const KILLS = arg('kills', 5);
/** Think time between one member's operations (ms, ±50 %): people do not type 100 edits a second. */
const THINK = arg('think', 1000);
const random = mulberry32(arg('seed', 1));
const pick = (items) => items[Math.floor(random() * items.length)];
/** Numbers as letters (0 → a, 26 → ba): the texts carry no digits the source lacks, so QA lets them through. */
const letters = (n) => (n >= 26 ? letters(Math.floor(n / 26)) : '') + String.fromCharCode(97 + (n % 26));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const cliPath = path.join(root, 'dist/main/cli.cjs');
if (!fs.existsSync(cliPath)) throw new Error('Build first: npm run build (bench:team does).');

// The private cluster and the state hash come from Verso's own TypeScript, bundled for this run.
const bundle = path.join(root, 'dist', 'bench', 'verso-bench-team.cjs');
await build({
  stdin: {
    contents: `export { startPgCluster } from './main/team/server/testing/pgCluster.ts';
      export { stateHash } from './main/team/local/stateHash.ts';`,
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  outfile: bundle,
  external: ['better-sqlite3', 'pg-native'],
  logLevel: 'error',
});
const require = createRequire(path.join(root, 'package.json'));
const { startPgCluster, stateHash } = require(bundle);
const Database = require('better-sqlite3');
const pg = require('pg');

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'verso-bench-team-'));
const cluster = await startPgCluster();
const database = 'newsroom';
const adminUrl = (() => {
  const u = new URL(cluster.url);
  u.pathname = `/${database}`;
  return u.toString();
})();
const admin = new pg.Client({ connectionString: cluster.url });
await admin.connect();
await admin.query(`CREATE DATABASE ${database}`);
await admin.end();
verso(['team', 'init', adminUrl]);

function verso(args, input) {
  const r = spawnSync(process.execPath, [cliPath, ...args], { encoding: 'utf8', input, timeout: 60_000 });
  if (r.status !== 0) throw new Error(`verso ${args.join(' ')}: ${r.stdout}${r.stderr}`);
  return r.stdout;
}

/** A loopback proxy per member: `cut` drops its connections and refuses new ones (its network is down). */
async function proxyTo(port) {
  let online = true;
  const open = new Set();
  const server = net.createServer((client) => {
    if (!online) return client.destroy();
    const upstream = net.connect(port, '127.0.0.1');
    for (const s of [client, upstream]) {
      open.add(s);
      s.on('close', () => open.delete(s));
      s.on('error', () => undefined);
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: server.address().port,
    cut() {
      online = false;
      for (const s of open) s.destroy();
    },
    restore() {
      online = true;
    },
    close: () => new Promise((r) => (server.close(() => r()), [...open].forEach((s) => s.destroy()))),
  };
}

const stats = { ops: 0, failedOps: 0, kills: 0, cuts: 0, byKind: {}, refusedBy: {} };
const written = []; // { client, kind, key, text }
const members = [];

async function startMember(i) {
  const m = members[i];
  m.verso = await startVerso({ root, dataDir: m.dataDir, env: { VERSO_SIGNING_PASSPHRASE: `bench passphrase ${i}` } });
  return m.verso;
}

console.log(
  `bench:team — ${CLIENTS} members (+1 observer), ${SECONDS} s of work, think ${THINK} ms, ${PARAGRAPHS} paragraphs, ${KILLS} kill -9, seed ${arg('seed', 1)}`,
);
const setupStart = performance.now();
for (let i = 0; i <= CLIENTS; i++) {
  const role = i % 4 === 1 ? 'editor' : 'translator';
  const name = i === CLIENTS ? 'observer' : `member${letters(i)}`;
  const m = {
    i,
    name,
    role,
    dataDir: path.join(work, name),
    proxy: await proxyTo(cluster.port),
    password: `${name}-password`,
    texts: new Map(),
  };
  fs.mkdirSync(m.dataDir);
  members.push(m);
  const v = await startMember(i);
  await v.invoke('setProfile', { name, role });
  const { publicKeyPem } = await v.invoke('getSigningPublicKey', {});
  const keyFile = path.join(work, `${name}.pem`);
  fs.writeFileSync(keyFile, publicKeyPem);
  verso(['team', 'add-user', name, '--role', role, '--public-key', keyFile, '--password-stdin', '--url', adminUrl], `${m.password}\n`);
  await v.invoke('saveTeamSettings', {
    host: '127.0.0.1',
    port: m.proxy.port,
    database,
    user: name,
    password: m.password,
    tls: 'none',
    caPem: null,
  });
}
const text = Array.from({ length: PARAGRAPHS }, (_, k) => `Paragraph ${k + 1} of the storm report, as filed by the wire.`).join('\n\n');
const doc = await members[0].verso.invoke('importDocument', {
  source: { kind: 'text', text, format: 'md' },
  sourceLang: 'en',
  targetLang: 'es',
  title: 'Storm',
});
const paragraphIds = doc.paragraphs.map((p) => p.id);
for (const m of members)
  await waitFor(async () => (await m.verso.invoke('listDocuments', {})).length === 1, 120_000, `${m.name} never received the document`);
console.log(
  `set up in ${((performance.now() - setupStart) / 1000).toFixed(1)} s (members started, keys registered, the document on every member)`,
);

async function waitFor(check, ms, message) {
  const end = Date.now() + ms;
  for (;;) {
    try {
      if (await check()) return;
    } catch {
      // a member restarting
    }
    if (Date.now() > end) throw new Error(message);
    await sleep(200);
  }
}

// Latency: a write's text, when its member's API accepted it, until another member's API shows it.
const pendingSeen = new Map(); // text → { at, observers: Set }
const latencies = [];
const observeErrors = [];
async function observe(m) {
  while (running) {
    if (m.verso) {
      try {
        const d = await m.verso.invoke('getDocument', { documentId: doc.id });
        const now = performance.now();
        for (const p of d.paragraphs) {
          const w = pendingSeen.get(p.target);
          if (w && w.client !== m.i) {
            latencies.push(now - w.at);
            pendingSeen.delete(p.target);
          }
        }
      } catch (err) {
        observeErrors.push(String(err.message).slice(0, 200));
      }
    }
    await sleep(100);
  }
}

async function oneOp(m) {
  const r = random();
  const k = Math.floor(random() * paragraphIds.length);
  const paragraphId = paragraphIds[k];
  if (r < 0.45) {
    const t = `Párrafo ${k + 1} del informe de la tormenta, versión ${letters(++stats.ops)} de ${m.name}.`;
    await m.verso.invoke('updateParagraphTarget', { paragraphId, target: t });
    m.texts.set(paragraphId, t);
    written.push({ client: m.i, kind: 'paragraph', key: paragraphId, text: t });
    pendingSeen.set(t, { at: performance.now(), client: m.i });
    return 'edit';
  }
  if (r < 0.6) {
    await m.verso.invoke('confirmParagraphs', { paragraphIds: [paragraphId] });
    return 'confirm';
  }
  if (r < 0.7 && m.role === 'editor') {
    await m.verso.invoke('signOffParagraphs', { paragraphIds: [paragraphId] });
    return 'sign-off';
  }
  if (r < 0.85) {
    const body = `${m.name}: comment ${letters(++stats.ops)}`;
    await m.verso.invoke('addComment', { paragraphId, body });
    written.push({ client: m.i, kind: 'comment', key: paragraphId, text: body });
    return 'comment';
  }
  if (r < 0.93) {
    const matches = await m.verso.invoke('lookupTm', { paragraphId });
    if (matches.length > 0) await m.verso.invoke('applyTmMatch', { paragraphId, unitId: matches[0].unitId });
    return 'tm';
  }
  const source = `term ${m.name} ${letters(++stats.ops)}`;
  await m.verso.invoke('addGlossaryTerm', { sourceLang: 'en', targetLang: 'es', term: { source, target: `término ${source}` } });
  written.push({ client: m.i, kind: 'glossary-term', key: source, text: source });
  return 'glossary';
}

let running = true;
let killsLeft = KILLS;
const killEvery = (SECONDS * 1000) / (KILLS + 1);
let nextKill = performance.now() + killEvery;
async function memberLoop(m) {
  while (running) {
    if (!m.verso) {
      await sleep(100);
      continue;
    }
    await sleep(THINK * (0.5 + random()));
    if (!running) return;
    try {
      const kind = await oneOp(m);
      stats.byKind[kind] = (stats.byKind[kind] ?? 0) + 1;
      // kill -9 right after a write: it is in the library, maybe not yet pushed.
      if (killsLeft > 0 && performance.now() > nextKill) {
        killsLeft--;
        nextKill += killEvery;
        stats.kills++;
        const v = m.verso;
        m.verso = null;
        await v.kill();
        m.verso = await restart(m);
      }
    } catch (err) {
      // Refused by Verso's own rules (e.g. a confirm of an unchanged paragraph): not a sync problem.
      stats.failedOps++;
      stats.refusedBy[err.code ?? 'other'] = (stats.refusedBy[err.code ?? 'other'] ?? 0) + 1;
    }
  }
}

/** Starts a killed member again on its data directory (retried: the OS may still be reaping the old processes). */
async function restart(m) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startVerso({ root, dataDir: m.dataDir, env: { VERSO_SIGNING_PASSPHRASE: `bench passphrase ${m.i}` } });
    } catch (err) {
      if (attempt >= 10) throw err;
      console.log(`restart of ${m.name} failed (${String(err.message).split('\n').slice(0, 2).join(' ')}); retrying`);
      await sleep(1000);
    }
  }
}

async function networkTrouble() {
  while (running) {
    await sleep(2000 + random() * 3000);
    if (!running) return;
    const m = pick(workers);
    m.proxy.cut();
    stats.cuts++;
    await sleep(1000 + random() * 4000);
    m.proxy.restore();
  }
}

let maxConnections = 0;
async function watchConnections() {
  const c = new pg.Client({ connectionString: cluster.url });
  await c.connect();
  while (running) {
    const r = await c.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [database]);
    maxConnections = Math.max(maxConnections, r.rows[0].n);
    await sleep(1000);
  }
  await c.end();
}

const opsStart = performance.now();
const observer = members[CLIENTS];
const workers = members.slice(0, CLIENTS);
const watchers = [watchConnections(), networkTrouble(), observe(observer)];
const loops = workers.map(memberLoop);
await sleep(SECONDS * 1000);
running = false;
await Promise.all(loops);
const opsSeconds = (performance.now() - opsStart) / 1000;
await Promise.all(watchers);
for (const m of members) m.proxy.restore();

// Converge: every member syncs until nothing waits anywhere and no round pulls anything new.
const convergeStart = performance.now();
let hashes = [];
for (let round = 1; round <= 20; round++) {
  for (const m of members) await m.verso.invoke('syncTeamNow', {});
  const statuses = await Promise.all(members.map((m) => m.verso.invoke('getTeamStatus', {})));
  hashes = members.map((m) => {
    const db = new Database(path.join(m.dataDir, 'verso.sqlite'), { readonly: true });
    try {
      return stateHash(db);
    } finally {
      db.close();
    }
  });
  if (statuses.every((s) => s.waiting === 0) && new Set(hashes).size === 1) break;
}
const convergeSeconds = (performance.now() - convergeStart) / 1000;

// Nothing acknowledged is lost: each member's last text of each paragraph, every comment and term, is on the server.
const server = new pg.Client({ connectionString: adminUrl });
await server.connect();
const history = await server.query(`SELECT kind, payload FROM verso.changes`);
await server.end();
const onServer = new Set();
for (const row of history.rows) {
  if (typeof row.payload.target === 'string') onServer.add(row.payload.target);
  if (typeof row.payload.body === 'string') onServer.add(row.payload.body);
  if (typeof row.payload.source === 'string') onServer.add(row.payload.source);
}
const mustBeThere = [...members.flatMap((m) => [...m.texts.values()]), ...written.filter((w) => w.kind !== 'paragraph').map((w) => w.text)];
const lost = mustBeThere.filter((t) => !onServer.has(t));

for (const m of members) await m.verso.stop();
for (const m of members) await m.proxy.close();
cluster.stop();
fs.rmSync(work, { recursive: true, force: true });

const sorted = latencies.sort((a, b) => a - b);
const pct = (q) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))].toFixed(0) : 'n/a');
const okOps = Object.values(stats.byKind).reduce((a, b) => a + b, 0);
console.log(
  `operations: ${okOps} in ${opsSeconds.toFixed(1)} s = ${(okOps / opsSeconds).toFixed(1)} ops/s (${JSON.stringify(stats.byKind)}; ${stats.failedOps} refused by Verso's own rules: ${JSON.stringify(stats.refusedBy)})`,
);
console.log(`trouble: ${stats.kills} kill -9 of a member right after a write, ${stats.cuts} network cuts of 1–5 s`);
console.log(
  `sync latency (write on one member → seen through another's API, ${sorted.length} samples, 100 ms polling): p50 ${pct(0.5)} ms, p95 ${pct(0.95)} ms`,
);
if (observeErrors.length) console.log(`observer calls that failed: ${observeErrors.length} (first: ${observeErrors[0]})`);
console.log(
  `server: ${history.rows.length} changes; at most ${maxConnections} connections to the database (each member: one for its work, one for LISTEN)`,
);
console.log(
  `converged after ${convergeSeconds.toFixed(1)} s: ${new Set(hashes).size === 1 ? `all ${members.length} state hashes equal (${hashes[0].slice(0, 12)}…)` : `${new Set(hashes).size} different state hashes`}`,
);
console.log(
  `acknowledged writes lost: ${lost.length} of ${mustBeThere.length}${lost.length ? ` (e.g. ${lost.slice(0, 3).join(' | ')})` : ''}`,
);
process.exit(new Set(hashes).size === 1 && lost.length === 0 ? 0 : 1);
