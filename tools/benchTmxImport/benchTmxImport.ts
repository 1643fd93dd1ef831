/**
 * npm run bench:tmx-import [-- --units N] [-- --no-index] — a TMX file of N units (default 1,000,000, ~300 MB,
 * scripts/tmxGenerate.mjs) imported through the CLI as a pipeline would (`verso tm import <file>
 * --pair en-es`: the whole app, streamed in the import worker, staged, published, indexed), on a
 * fresh library whose profile browser mode set up. Prints wall time, units/s and the CLI's peak
 * resident memory (VmHWM of its process, the import worker thread included), and the CLI's own
 * summary (its longest event-loop block: how long other requests would have waited).
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeDataDir, startServer } from '../../e2e/support/server.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const UNITS = Number(arg('--units') ?? 1_000_000);
/** --no-index: the CLI returns once the units are stored (`--no-index-wait`), the index is not built. */
const NO_INDEX = process.argv.includes('--no-index');

async function setUpLibrary(): Promise<string> {
  const dataDir = makeDataDir();
  const server = await startServer(dataDir);
  try {
    const res = await fetch(`${server.origin}/api/invoke/setProfile`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Bench Pipeline', role: 'editor' }),
    });
    if (!((await res.json()) as { ok: boolean }).ok) throw new Error('bench:tmx-import could not create a profile');
  } finally {
    await server.stop();
  }
  return dataDir;
}

/** Peak resident memory of a process so far (VmHWM), in MB, or 0 once it has ended. */
function peakRssMb(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

async function main(): Promise<void> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'verso-tmx-bench-'));
  try {
    const file = path.join(tmp, 'bench.tmx');
    const gen = spawnSync(process.execPath, [path.join(root, 'scripts/tmxGenerate.mjs'), file, String(UNITS)], { encoding: 'utf8' });
    if (gen.status !== 0) throw new Error(`generating the TMX failed: ${gen.stderr}`);
    const bytes = fs.statSync(file).size;
    const dataDir = await setUpLibrary();
    console.log(`bench:tmx-import — ${UNITS.toLocaleString('en-US')} units, ${(bytes / 1048576).toFixed(0)} MB, through the CLI`);
    const started = performance.now();
    const cli = spawn(
      process.execPath,
      [path.join(root, 'dist/main/cli.cjs'), 'tm', 'import', file, '--pair', 'en-es', ...(NO_INDEX ? ['--no-index-wait'] : [])],
      {
        env: { ...process.env, VERSO_DATA_DIR: dataDir },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let peak = 0;
    const poll = setInterval(() => (peak = Math.max(peak, peakRssMb(cli.pid!))), 100);
    let out = ''; // kept for the failure message
    let err = '';
    cli.stdout.setEncoding('utf8').on('data', (c: string) => {
      out += c;
      process.stdout.write(c);
    });
    cli.stderr.setEncoding('utf8').on('data', (c: string) => {
      err += c;
      process.stderr.write(c);
    });
    const code = await new Promise<number | null>((resolve) => cli.on('exit', resolve));
    clearInterval(poll);
    const seconds = (performance.now() - started) / 1000;
    if (code !== 0) throw new Error(`the CLI failed (exit ${code}):\n${err}${out}`);
    console.log(
      `wall time (start to exit${NO_INDEX ? ', indexing not included' : ', indexing included'}): ${seconds.toFixed(1)} s; ${Math.round(UNITS / seconds).toLocaleString('en-US')} units/s overall; ` +
        `peak RSS of the CLI process: ${peak.toFixed(0)} MB (goal ≤ 500 MB)`,
    );
    // The service logs publishing (its time and its longest transaction) to the library's log.
    const log = path.join(dataDir, 'logs', 'verso.log');
    const publish = fs.existsSync(log)
      ? /"name":"(tmx publish of \d+ units \(longest transaction \d+ ms\))","ms":(\d+)/.exec(fs.readFileSync(log, 'utf8'))
      : null;
    console.log(publish ? `publishing (${publish[1]}): ${publish[2]} ms in all` : 'publishing: not in the log');
    const db = path.join(dataDir, 'verso.sqlite');
    console.log(`library file after the import: ${(fs.statSync(db).size / 1048576).toFixed(0)} MB`);
    fs.rmSync(dataDir, { recursive: true, force: true });
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

await main();
