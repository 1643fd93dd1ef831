#!/usr/bin/env node
// `npm run test:crash [-- --kills N --seed S]`: kill -9 of browser mode (its backend process, then
// the server) at random moments while
// Translate all runs and edits, sign-offs and imports arrive concurrently through the bridge.
// After every kill: `PRAGMA integrity_check` on the library, every acknowledged write still there
// (an import's paragraphs, an edit's text unless a later unacknowledged edit of the same
// paragraph replaced it, a sign-off), and at the end `verso verify --library` (the audit chain).
// Prints the figures; exit code 0 when nothing acknowledged was lost and the file is intact.
// Needs the build (`npm run build`) and Apertium with apertium-eng-spa. `--selftest` proves the
// check itself: an acknowledged edit undone behind its back must be reported.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, process.env.VERSO_DIST || 'dist');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? Number(process.argv[i + 1]) : fallback;
};
const KILLS = arg('kills', 100);
let seed = arg('seed', Date.now() % 100_000);
const firstSeed = seed;
/** A small seeded generator (mulberry32), so a failing run can be repeated with --seed. */
function random() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (list) => list[Math.floor(random() * list.length)];

function start(dataDir) {
  const child = spawn(process.execPath, [path.join(dist, 'main/web.cjs')], {
    env: { ...process.env, VERSO_DATA_DIR: dataDir, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (c) => (out += c));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`browser mode did not start:\n${out}`)), 60_000);
    child.on('exit', (code) => reject(new Error(`browser mode exited with ${code}:\n${out}`)));
    child.stdout.on('data', (c) => {
      out += c;
      const m = /(http:\/\/127\.0\.0\.1:\d+)\/\?token=([A-Za-z0-9_-]+)/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      // The library is written by browser mode's backend process (main/backendProcess.ts), which holds its lock.
      const backendPid = JSON.parse(fs.readFileSync(path.join(dataDir, 'verso.lock'), 'utf8')).pid;
      resolve({ child, backendPid, origin: m[1], token: m[2], output: () => out });
    });
  });
}

async function call(server, method, input) {
  const response = await fetch(`${server.origin}/api/invoke/${method}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
  const body = await response.json();
  if (!body.ok) throw new Error(`${method}: ${body.error?.code} ${body.error?.message}`);
  return body.value;
}

/**
 * kill -9 of the process writing the library (browser mode's backend) and, at once, of the server
 * (before it could start another backend); resolves once both are gone.
 */
async function kill(server) {
  // Gone and reaped: until then the library's lock still names a live process.
  const gone = (pid) => {
    try {
      process.kill(pid, 0);
      return false;
    } catch {
      return true;
    }
  };
  const serverExited = new Promise((resolve) => {
    if (server.child.exitCode !== null || server.child.signalCode !== null) return resolve();
    server.child.once('exit', () => resolve());
  });
  if (!gone(server.backendPid)) process.kill(server.backendPid, 'SIGKILL');
  server.child.kill('SIGKILL');
  await serverExited;
  for (let waited = 0; !gone(server.backendPid) && waited < 30_000; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
}

/** What was acknowledged, and what was sent after it without an answer. */
const state = {
  docs: new Map(), // documentId → paragraph count
  edits: new Map(), // paragraphId → { acked: string | null, pending: Set<string> }
  signedOff: new Set(),
  counts: { imports: 0, edits: 0, signOffs: 0, kills: 0, refused: 0 },
};

const ARTICLE = (n, k) =>
  Array.from({ length: n }, (_, i) =>
    i === 0 ? `# Crash test story ${k}` : `The storm closed ${i} roads on Monday while the council met in the town hall.`,
  ).join('\n\n');

async function importOne(server, k) {
  const doc = await call(server, 'importDocument', {
    source: { kind: 'text', text: ARTICLE(24, k), format: 'md' },
    sourceLang: 'en',
    targetLang: 'es',
    title: `Crash ${k}`,
  });
  state.docs.set(doc.id, doc.paragraphs.length);
  state.counts.imports++;
  return doc;
}

async function edit(server, paragraphId, k) {
  const text = `Texto editado ${k} del párrafo.`;
  const record = state.edits.get(paragraphId) ?? { acked: null, pending: new Set() };
  state.edits.set(paragraphId, record);
  record.pending.add(text);
  await call(server, 'updateParagraphTarget', { paragraphId, target: text });
  record.acked = text;
  record.pending.clear();
  state.counts.edits++;
}

async function signOff(server, paragraphIds) {
  const result = await call(server, 'signOffReviewed', { paragraphIds });
  for (const p of result.signedOff) state.signedOff.add(p.id);
  state.counts.signOffs += result.signedOff.length;
}

/** One round of concurrent work; resolves when all of it ended (calls cut by the kill fail, and that is expected). */
async function workload(server, round) {
  const docs = [...state.docs.keys()];
  const work = [importOne(server, round).then((doc) => call(server, 'translateParagraphs', { documentId: doc.id }))];
  if (docs.length > 0) {
    work.push(
      (async () => {
        const doc = await call(server, 'getDocument', { documentId: pick(docs) });
        const even = doc.paragraphs.filter((p) => p.index % 2 === 0 && !state.signedOff.has(p.id));
        const odd = doc.paragraphs.filter((p) => p.index % 2 === 1 && p.status === 'machine' && !state.signedOff.has(p.id));
        const edits = (async () => {
          for (let i = 0; i < 20; i++) await edit(server, pick(even).id, `${round}.${i}`);
        })();
        await Promise.allSettled([
          edits,
          odd.length > 0
            ? signOff(
                server,
                odd.slice(0, 4).map((p) => p.id),
              )
            : Promise.resolve(),
          call(server, 'translateParagraphs', { documentId: doc.id }),
        ]);
      })(),
    );
  }
  return Promise.allSettled(work);
}

function check(dataDir) {
  const problems = [];
  const db = new Database(path.join(dataDir, 'verso.sqlite'));
  const integrity = db.pragma('integrity_check', { simple: true });
  if (integrity !== 'ok') problems.push(`integrity_check: ${integrity}`);
  const count = db.prepare('SELECT count(*) AS n FROM paragraphs WHERE document_id = ?');
  for (const [id, n] of state.docs)
    if (count.get(id).n !== n) problems.push(`document ${id}: ${count.get(id).n} of ${n} acknowledged paragraphs`);
  const row = db.prepare('SELECT target, status FROM paragraphs WHERE id = ?');
  for (const [id, e] of state.edits) {
    const r = row.get(id);
    if (e.acked !== null && r?.target !== e.acked && !e.pending.has(r?.target))
      problems.push(`paragraph ${id}: acknowledged edit lost (has ${JSON.stringify(r?.target)})`);
    // What was sent and never answered may or may not have landed; from now on the stored text is what counts.
    if (r && e.pending.has(r.target)) e.acked = r.target;
    e.pending.clear();
  }
  for (const id of state.signedOff) if (row.get(id)?.status !== 'signed-off') problems.push(`paragraph ${id}: acknowledged sign-off lost`);
  db.close();
  return problems;
}

/** `--selftest`: one kill, then an acknowledged edit undone behind the harness's back must be reported. */
async function selfTest(dataDir) {
  const server = await start(dataDir);
  await call(server, 'setProfile', { name: 'Crash Editor', role: 'editor' });
  const doc = await importOne(server, 0);
  await edit(server, doc.paragraphs[2].id, 'self');
  await kill(server);
  const db = new Database(path.join(dataDir, 'verso.sqlite'));
  db.prepare("UPDATE paragraphs SET target = 'lost' WHERE id = ?").run(doc.paragraphs[2].id);
  db.close();
  const found = check(dataDir);
  console.log(
    `crash harness self-test: a lost acknowledged edit is ${found.length > 0 ? 'reported' : 'NOT reported'}${found.length > 0 ? ` (${found[0]})` : ''}`,
  );
  fs.rmSync(dataDir, { recursive: true, force: true });
  process.exit(found.length > 0 ? 0 : 1);
}

async function main() {
  const apertium = spawnSync('apertium', ['-l'], { encoding: 'utf8' });
  if (apertium.status !== 0 || !/eng-spa/.test(apertium.stdout))
    throw new Error('Apertium with apertium-eng-spa is needed (apt-get install apertium apertium-eng-spa)');
  if (!fs.existsSync(path.join(dist, 'main/web.cjs'))) throw new Error('No build: run `npm run build` first');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'verso-crash-'));
  if (process.argv.includes('--selftest')) return selfTest(dataDir);
  const began = process.hrtime.bigint();
  let server = await start(dataDir);
  await call(server, 'setProfile', { name: 'Crash Editor', role: 'editor' });
  const problems = [];
  for (let round = 1; round <= KILLS && problems.length === 0; round++) {
    const running = workload(server, round);
    await new Promise((r) => setTimeout(r, 50 + random() * 1200));
    await kill(server);
    await running;
    state.counts.kills++;
    problems.push(...check(dataDir));
    server = await start(dataDir);
    if (round % 25 === 0)
      process.stdout.write(
        `  ${round} kills, ${state.counts.edits} edits, ${state.counts.signOffs} sign-offs, ${state.counts.imports} imports acknowledged, nothing lost\n`,
      );
  }
  await kill(server);
  const verify = spawnSync(process.execPath, [path.join(dist, 'main/cli.cjs'), 'verify', '--library'], {
    env: { ...process.env, VERSO_DATA_DIR: dataDir },
    encoding: 'utf8',
  });
  if (verify.status !== 0)
    problems.push(
      `verso verify --library (exit ${verify.status}): ${(verify.stderr || verify.stdout).trim().split('\n').slice(0, 5).join(' | ')}`,
    );
  const seconds = Number(process.hrtime.bigint() - began) / 1e9;
  const c = state.counts;
  console.log(
    `crash harness (seed ${firstSeed}): ${c.kills} kill -9, acknowledged writes checked: ${c.imports} imports, ${c.edits} edits, ${c.signOffs} sign-offs; ${problems.length} lost or damaged; ${seconds.toFixed(0)} s`,
  );
  for (const p of problems) console.log(`  ${p}`);
  if (problems.length === 0) fs.rmSync(dataDir, { recursive: true, force: true });
  else console.log(`  library kept for inspection: ${dataDir}`);
  process.exit(problems.length === 0 ? 0 : 1);
}

main().catch((err) => {
  console.error(`crash harness: ${err.message}`);
  process.exit(2);
});
